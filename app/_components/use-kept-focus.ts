'use client';
import { useRef, type FocusEvent } from 'react';

/**
 * For a box whose focused element a render can remove: a step back removes the diagram's newest
 * arrows, a step removes or scrolls away a transcript line, a step closes a line's explanation.
 * A removed element fires no blur, and the focus falls to the page; `lost()` tells, after such a
 * render (in a layout effect), that this is what happened, so the caller can put the focus on
 * the element that took the removed one's place. Spread `handlers` on the box and pass it `ref`.
 */
export function useKeptFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // The focus is in the box, as far as its focus and blur events tell.
  const inside = useRef(false);
  const handlers = {
    onFocus: () => {
      inside.current = true;
    },
    onBlur: (e: FocusEvent<T>) => {
      const box = e.currentTarget;
      const left = e.target;
      if (e.relatedTarget) inside.current = box.contains(e.relatedTarget);
      // Focus gone nowhere (a click on the page's background): out of the box, unless the element
      // is being removed, which is for `lost()` to tell.
      else
        setTimeout(() => {
          if (left.isConnected && !box.contains(document.activeElement)) inside.current = false;
        });
    },
  };
  /** The focus was in the box and fell to the page because its element was removed. */
  const lost = (): boolean => {
    if (!inside.current) return false;
    const active = document.activeElement;
    if (active && ref.current?.contains(active)) return false;
    if (active && active !== document.body) {
      inside.current = false;
      return false;
    }
    inside.current = false;
    return true;
  };
  return { ref, handlers, lost };
}
