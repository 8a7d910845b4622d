'use client';
import { useLayoutEffect, useRef, useState } from 'react';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * A column's narration of the current step. On wide screens it is at most a few lines high, so
 * that a long explanation (a delivery status notification, a TLS handshake) leaves the diagram
 * on the first screen; the rest scrolls. While it overflows it is a Tab stop, so that a keyboard
 * can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ColumnNarration({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    // The box's width changes with the window: the same text may then need more lines.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);
  return (
    <p
      ref={ref}
      className={`${styles.columnNarration} ${layout.narration}`}
      tabIndex={overflows ? 0 : undefined}
    >
      {text}
    </p>
  );
}
