'use client';
import { useReducedMotion } from 'motion/react';
import { memo } from 'react';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import { formatBytes } from './frame-text';
import { CardList } from './MessageCard';
import { useChangeInView } from './use-change-in-view';
import { useOverflowTabStop } from './use-overflow-tab-stop';
import { OutboxCards } from './OutboxCards';
import { GRID_THRESHOLD, MessageGrid } from './MessageGrid';
import { diffServer, serverKey, withLeaving } from './store-diff';
import { IconKey } from './StoreIcons';
import { RemovedNote } from './RemovedNote';
import styles from './compare.module.css';

/**
 * The server: each account's INBOX as message cards (sender, subject, size, UID, flags) and a
 * storage meter, then the SMTP outbox if anything waits there. What this step changed, against
 * `previous`, is highlighted; `moment` says when in words ("at this step" in a story; the Live
 * page, whose `previous` is the store before its latest change, says "most recently").
 */
export const ServerPanel = memo(function ServerPanel({
  server,
  previous,
  capacity,
  still,
  moment = 'at this step',
}: {
  server: StoreSnapshot;
  /** The same protocol's server at the previous step, to highlight what this step changed. */
  previous?: StoreSnapshot;
  capacity: number;
  /** No motion at this step (it was reached by a jump): cards show their new state at once. */
  still: boolean;
  /** When the highlighted change happened, in words. */
  moment?: string;
}) {
  const animate = !(useReducedMotion() ?? false) && !still;
  const diff = diffServer(server, previous);
  // On wide screens the panel scrolls in its share of the stores' column (layout.module.css).
  const [ref, tabIndex] = useOverflowTabStop<HTMLDivElement>({ unlessFocusableInside: true });
  useChangeInView(ref, server);
  return (
    <div ref={ref} tabIndex={tabIndex} className={styles.server} data-store="server">
      <h3 className={styles.panelTitle}>Server</h3>
      {server.accounts.map((account) => {
        const inbox = account.mailboxes.find((b) => b.name === 'INBOX')!;
        const trash = account.mailboxes.find((b) => b.name === 'Trash');
        const max = account.quotaBytes ?? capacity;
        return (
          <div key={account.user}>
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
                moment={moment}
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
              <CardList
                label={`${account.user} INBOX on the server`}
                place="server"
                animate={animate}
                changes={diff.changed}
                moment={moment}
                empty="empty"
                listed={withLeaving(
                  inbox.messages,
                  inbox.messages.map((m) => serverKey(account.user, m.uid)),
                  animate && diff.removed.length > 0 ? before(previous, account.user) : undefined,
                ).map(({ message, key, leaving }) => ({
                  key,
                  leaving,
                  message: {
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
                  },
                }))}
              />
            )}
          </div>
        );
      })}
      {server.outbox && <OutboxCards outbox={server.outbox} />}
      <RemovedNote subjects={diff.removed} place="from the server" moment={moment} />
      <IconKey />
    </div>
  );
});

/** An account's INBOX at the previous step, with its card keys, for the cards that leave. */
function before(previous: StoreSnapshot | undefined, user: string) {
  const inbox = previous?.accounts.find((a) => a.user === user)?.mailboxes.find((b) => b.name === 'INBOX');
  return inbox && { messages: inbox.messages, keys: inbox.messages.map((m) => serverKey(user, m.uid)) };
}
