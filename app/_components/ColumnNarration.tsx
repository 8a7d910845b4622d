'use client';
import { useOverflowTabStop } from './use-overflow-tab-stop';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * A column's narration of the current step. On wide screens it is three lines high at every step,
 * so that the diagram below keeps its place and a long explanation (a delivery status
 * notification, a TLS handshake) leaves it on the first screen; the rest scrolls, and while it
 * does the box is a Tab stop (see useOverflowTabStop). `waits`: the column puts no new line on the
 * wire at this step (columnWaits), so its text is the last line's, said again.
 */
export function ColumnNarration({ text, waits = false }: { text: string; waits?: boolean }) {
  const [ref, tabIndex] = useOverflowTabStop<HTMLParagraphElement>();
  return (
    <p
      ref={ref}
      className={`${styles.columnNarration} ${layout.narration}`}
      tabIndex={tabIndex}
      data-part="column-narration"
    >
      {/* Said again while this column waits: not news (a new user read it as a new line). */}
      {waits && <span className={styles.waits}>No new line in this column at this step. The last: </span>}
      {text}
    </p>
  );
}
