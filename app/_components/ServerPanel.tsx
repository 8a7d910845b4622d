'use client';
import { AnimatePresence, useReducedMotion } from 'motion/react';
import { memo } from 'react';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import { formatBytes } from './frame-text';
import { MessageCard } from './MessageCard';
import { OutboxCards } from './OutboxCards';
import { GRID_THRESHOLD, MessageGrid } from './MessageGrid';
import { diffServer, serverKey } from './store-diff';
import { IconKey } from './StoreIcons';
import { RemovedNote } from './RemovedNote';
import styles from './compare.module.css';
import cards from './stores.module.css';

/**
 * The server: each account's INBOX as message cards (sender, subject, size, UID, flags) and a
 * storage meter, then the SMTP outbox if anything waits there. What this step changed, against
 * `previous`, is highlighted.
 */
export const ServerPanel = memo(function ServerPanel({
  server,
  previous,
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
  const reduced = useReducedMotion() ?? false;
  const diff = diffServer(server, previous);
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
                  deleted: m.flags.includes('\\Deleted'),
                  copy: null,
                  changed: diff.changed.has(serverKey(account.user, m.uid)),
                }))}
              />
            ) : (
              <ul
                key={generation}
                className={cards.cards}
                aria-label={`${account.user} INBOX on the server`}
                // The list scrolls when long, so the keyboard must be able to reach it.
                tabIndex={0}
              >
                <AnimatePresence initial={false}>
                  {inbox.messages.map((message) => (
                    <MessageCard
                      key={message.uid}
                      place="server"
                      reduced={reduced}
                      change={diff.changed.get(serverKey(account.user, message.uid))}
                      message={{
                        from: message.from,
                        subject: message.subject,
                        size: message.size,
                        seen: message.flags.includes('\\Seen'),
                        flagged: message.flags.includes('\\Flagged'),
                        deleted: message.flags.includes('\\Deleted'),
                        uid: message.uid,
                        copy: null,
                        onServer: null,
                        account: null,
                      }}
                    />
                  ))}
                </AnimatePresence>
                {inbox.messages.length === 0 && <li className={cards.empty}>empty</li>}
              </ul>
            )}
          </div>
        );
      })}
      {server.outbox && <OutboxCards outbox={server.outbox} />}
      <RemovedNote subjects={diff.removed} place="from the server" />
      <IconKey />
    </div>
  );
});
