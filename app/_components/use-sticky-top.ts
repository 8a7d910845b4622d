'use client';
import { useEffect, type RefObject } from 'react';

/**
 * Keeps `--sticky-top` on the document's root at the height of a bar that sticks to the top of
 * the window (CSS pixels, rounded up), for as long as the calling component is mounted. The
 * root's `scroll-padding-top` (globals.css) reads it, so that what the keyboard, a link or
 * `scrollIntoView` brings into view (an arrow, a line, a message card) lands below the bar, not
 * under it. The bar's height depends on the window's width (its buttons wrap on a phone: 198 px at
 * 390 px, 235 px at 320 px), so it is measured, not guessed.
 */
export function useStickyTop(bar: RefObject<HTMLElement | null>): void {
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
  }, [bar]);
}
