'use client';
import { AnimatePresence } from 'motion/react';
import * as m from 'motion/react-m';
import { memo } from 'react';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import { formatBytes } from './frame-text';
import { GRID_THRESHOLD, MessageGrid } from './MessageGrid';
import styles from './compare.module.css';

/** The server: each account's INBOX with flags and sizes, and a storage meter. */
export const ServerPanel = memo(function ServerPanel({
  server,
  capacity,
  generation,
}: {
  server: StoreSnapshot;
  /** The same protocol's server at the previous step, to highlight what this step changed. */
  previous?: StoreSnapshot;
  capacity: number;
  /** Changes on a jump: lists are then redrawn without enter and exit animations. */
  generation: number;
}) {
  return (
    <div className={styles.server}>
      <h3 className={styles.panelTitle}>Server</h3>
      {server.accounts.map((account) => {
        const inbox = account.mailboxes.find((b) => b.name === 'INBOX')!;
        const trash = account.mailboxes.find((b) => b.name === 'Trash');
        const max = account.quotaBytes ?? capacity;
        return (
          <div key={account.user} className={styles.account}>
            <p className={styles.accountName}>
              {account.user}: INBOX, {inbox.messages.length} message{inbox.messages.length === 1 ? '' : 's'}
              {trash && trash.messages.length > 0 ? `, Trash ${trash.messages.length}` : ''}
            </p>
            <label className={styles.meterLabel}>
              <span>
                Storage {formatBytes(account.usedBytes)}
                {account.quotaBytes !== null ? ` of ${formatBytes(account.quotaBytes)} quota` : ''}
              </span>
              <meter min={0} max={max} value={Math.min(account.usedBytes, max)} high={max * 0.9} />
            </label>
            {inbox.messages.length > GRID_THRESHOLD ? (
              <MessageGrid
                label="On the server"
                messages={inbox.messages.map((m) => ({
                  uid: m.uid,
                  seen: m.flags.includes('\\Seen'),
                  flagged: m.flags.includes('\\Flagged'),
                  hasBody: null,
                }))}
              />
            ) : (
              <ul
                key={generation}
                className={styles.messageList}
                aria-label={`${account.user} INBOX on the server`}
              >
                <AnimatePresence initial={false}>
                  {inbox.messages.map((message) => {
                    const seen = message.flags.includes('\\Seen');
                    const flagged = message.flags.includes('\\Flagged');
                    return (
                      <m.li
                        key={message.uid}

                        initial={{ opacity: 0, x: -12 }}
                        animate={{ opacity: 1, x: 0 }}
                        exit={{ opacity: 0, x: 12 }}
                        className={`${styles.message} ${seen ? styles.seen : styles.unseen}`}
                      >
                        <span className={styles.uid}>UID {message.uid}</span>
                        <span className={styles.subject}>{message.subject}</span>
                        <span className={styles.badges}>
                          {seen ? (
                            <span className={styles.badge}>\Seen</span>
                          ) : (
                            <span className={styles.badgeUnread}>unread</span>
                          )}
                          {flagged && <span className={styles.badge}>\Flagged</span>}
                          <span className={styles.size}>{formatBytes(message.size)}</span>
                        </span>
                      </m.li>
                    );
                  })}
                </AnimatePresence>
                {inbox.messages.length === 0 && <li className={styles.empty}>empty</li>}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
});
