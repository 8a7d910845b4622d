'use client';
import { useLayoutEffect, type RefObject } from 'react';

/** What a store marks as changed at this step: a card (not one fading out) or a square. */
const CHANGED = '[data-change]:not([data-leaving]), [data-changed]';

/**
 * A store's panel shows the step's change: after a commit in which `snapshot` changed, the boxes
 * that scroll inside the panel (its card list, the panel itself) are scrolled, as little as
 * needed, so that its first changed card or square is in view. In a 720 px window a store shows
 * a few cards, and the one that changed was often below them (issue 15: "what changed at this
 * step is highlighted"). Never scrolls the page: only the panel and the boxes inside it.
 * `snapshot`: the store's snapshot (frames share unchanged ones, so an unchanged store does
 * nothing). While the snapshot stays, a panel that is resized (the layout settling after a deep
 * link, the window resized) shows the change again: it had been scrolled for the old size.
 */
export function useChangeInView(ref: RefObject<HTMLElement | null>, snapshot: unknown): void {
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel?.querySelector(CHANGED)) return;
    showChange(panel);
    // Its first report comes once, on observing; then one per change of the panel's size.
    const observer = new ResizeObserver(() => showChange(panel));
    observer.observe(panel);
    return () => observer.disconnect();
  }, [ref, snapshot]);
}

/** Scrolls each box between the panel's first changed card or square and the panel (both
 *  included), as little as needed, to bring the change into view below the panel's heading. */
function showChange(panel: HTMLElement): void {
  const changed = panel.querySelector<HTMLElement>(CHANGED);
  if (!changed) return;
  for (let box = changed.parentElement; box; box = box.parentElement) {
    if (box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY)) {
      const c = changed.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      // The panel's heading stays at its top as it scrolls (compare.module.css): below it.
      const top = b.top + (box === panel ? (panel.querySelector(':scope > h3')?.clientHeight ?? 0) : 0);
      if (c.top < top) box.scrollTop -= top - c.top + 4;
      else if (c.bottom > b.bottom) box.scrollTop += Math.min(c.bottom - b.bottom + 4, c.top - top - 4);
    }
    if (box === panel) break;
  }
}
