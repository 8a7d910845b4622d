import type { CopyWords } from './store-diff';
import styles from './compare.module.css';
import cards from './stores.module.css';

/** One message of a long mailbox, as one square. */
export interface GridMessage {
  readonly uid: number;
  readonly seen: boolean;
  readonly flagged: boolean;
  readonly deleted: boolean;
  /** How much a device holds; null where the distinction does not apply (the server has it all). */
  readonly copy: CopyWords | null;
  /** This step changed it (see store-diff.ts). */
  readonly changed: boolean;
}

/** Lists longer than this are drawn as a grid of small squares instead of cards. */
export const GRID_THRESHOLD = 24;

const count = (n: number, what: string) => (n > 0 ? [`${n} ${what}`] : []);

/**
 * A long mailbox at a glance: one square per message (filled = unread, outlined = read, dotted
 * = envelope only, an outline = flagged, the step's highlight = changed at this step). Screen
 * readers get the counts in words instead of fifty squares.
 */
export function MessageGrid({
  messages,
  label,
  moment = 'at this step',
}: {
  messages: readonly GridMessage[];
  label: string;
  /** When the highlighted changes happened, in words (see RemovedNote). */
  moment?: string;
}) {
  const summary = [
    `${messages.length} messages`,
    `${messages.filter((m) => !m.seen).length} unread`,
    ...count(messages.filter((m) => m.flagged).length, 'flagged'),
    ...count(messages.filter((m) => m.deleted).length, 'marked \\Deleted'),
    ...count(messages.filter((m) => m.copy === 'envelope only').length, 'with the envelope only'),
    ...count(messages.filter((m) => m.copy === 'text part only').length, 'with the text part only'),
    ...count(messages.filter((m) => m.copy === 'full copy').length, 'full copies'),
  ].join(', ');
  const changed = messages.filter((m) => m.changed).length;
  return (
    <div className={styles.gridWrap}>
      {/* The squares first, so that a short panel shows them (they are hidden from screen
          readers, which read the summary). */}
      <ol className={styles.grid} aria-hidden="true">
        {messages.map((m, i) => (
          <li
            key={`${m.uid}-${i}`}
            data-changed={m.changed || undefined}
            className={`${styles.cell} ${m.seen ? styles.cellRead : styles.cellUnread} ${m.copy === 'envelope only' ? styles.cellHeader : ''} ${m.flagged ? styles.cellFlagged : ''} ${m.deleted ? cards.cellDeleted : ''} ${m.changed ? cards.cellChanged : ''}`}
          />
        ))}
      </ol>
      <p className={styles.gridSummary}>
        {label}: {summary}.
        {changed > 0 && (
          <span className={cards.gridChanged}>
            {' '}
            {changed} changed {moment}.
          </span>
        )}
      </p>
    </div>
  );
}
