'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * The compare view's step bar (the player's controls, the step's narration, on a phone the
 * POP3/IMAP switch), which sticks to the top of the window as the page scrolls. While it is
 * mounted it keeps `--sticky-top` on the document's root at its height (CSS pixels, rounded up);
 * the root's `scroll-padding-top` (globals.css) reads it, so that what the keyboard, a link or
 * `scrollIntoView` brings into view (an arrow, a line, a message card) lands below the bar, not
 * under it. Its height depends on the window's width (on a phone the player wraps into two rows
 * and the POP3/IMAP switch joins it: 168 px at 320 and 390 px, 69 px at 1280), so it is
 * measured, not guessed.
 */
export function StepBar({ children }: { children: ReactNode }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--sticky-top', `${Math.ceil(element.getBoundingClientRect().height)}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-top');
    };
  }, []);
  return (
    <div ref={bar} className={`${styles.stepBar} ${layout.stepBar}`}>
      {children}
    </div>
  );
}
