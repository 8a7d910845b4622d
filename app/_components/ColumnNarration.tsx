'use client';
import { useOverflowTabStop } from './use-overflow-tab-stop';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * A column's narration of the current step. On wide screens it is three lines high at every step,
 * so that the diagram below keeps its place and a long explanation (a delivery status
 * notification, a TLS handshake) leaves it on the first screen; the rest scrolls, and while it
 * does the box is a Tab stop (see useOverflowTabStop).
 */
export function ColumnNarration({ text }: { text: string }) {
  const [ref, tabIndex] = useOverflowTabStop<HTMLParagraphElement>();
  return (
    <p ref={ref} className={`${styles.columnNarration} ${layout.narration}`} tabIndex={tabIndex}>
      {text}
    </p>
  );
}
