import styles from './compare.module.css';

export interface GridMessage {
  readonly uid: number;
  readonly seen: boolean;
  readonly flagged: boolean;
  /** Null where the distinction does not apply (the server always has the whole message). */
  readonly hasBody: boolean | null;
}

/** Lists longer than this are drawn as a grid of small squares instead of rows. */
export const GRID_THRESHOLD = 24;

/**
 * A long mailbox at a glance: one square per message (filled = unread, outlined = read, a dot =
 * headers only). Screen readers get the counts in words instead of fifty squares.
 */
export function MessageGrid({ messages, label }: { messages: readonly GridMessage[]; label: string }) {
  const unread = messages.filter((m) => !m.seen).length;
  const flagged = messages.filter((m) => m.flagged).length;
  const headersOnly = messages.filter((m) => m.hasBody === false).length;
  const summary = [
    `${messages.length} messages`,
    `${unread} unread`,
    ...(flagged ? [`${flagged} flagged`] : []),
    ...(headersOnly ? [`${headersOnly} with headers only`] : []),
  ].join(', ');
  return (
    <div className={styles.gridWrap}>
      <p className={styles.gridSummary}>
        {label}: {summary}.
      </p>
      <ol className={styles.grid} aria-hidden="true">
        {messages.map((m, i) => (
          <li
            key={`${m.uid}-${i}`}
            title={`UID ${m.uid}`}
            className={`${styles.cell} ${m.seen ? styles.cellRead : styles.cellUnread} ${m.hasBody === false ? styles.cellHeader : ''} ${m.flagged ? styles.cellFlagged : ''}`}
          />
        ))}
      </ol>
    </div>
  );
}
