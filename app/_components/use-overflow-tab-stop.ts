'use client';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What a keyboard can reach by Tab. */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex="0"]';

/**
 * For a box that may scroll: a ref to put on it, and the `tabIndex` to give it, 0 while its
 * content overflows (so a keyboard can scroll it: WCAG 2.1.1, axe's scrollable-region-focusable)
 * and undefined otherwise (no needless Tab stop). Measured when the box is resized and when its
 * content changes (a MutationObserver's callback runs once the commit's writes are done, when
 * the layout is already up to date). A box that has the focus stays a Tab stop until it loses it
 * (taking its tabindex away would drop the focus to the page).
 * `unlessFocusableInside`: no Tab stop of its own while the box holds one (a store panel's card
 * lists): the keyboard reaches the box through it, and the arrow keys scroll on from a focused
 * list that has reached its end to the box (Chromium chains keyboard scrolls to the ancestors).
 */
export function useOverflowTabStop<T extends HTMLElement>(
  options: { unlessFocusableInside?: boolean } = {},
): [RefObject<T | null>, 0 | undefined] {
  const { unlessFocusableInside = false } = options;
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setOverflows(
        (was) =>
          (was && el === document.activeElement) ||
          (el.scrollHeight > el.clientHeight + 1 &&
            !(unlessFocusableInside && el.querySelector(FOCUSABLE) !== null)),
      );
    measure();
    el.addEventListener('focusout', measure);
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    const changed = new MutationObserver(measure);
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      el.removeEventListener('focusout', measure);
      resized.disconnect();
      changed.disconnect();
    };
  }, [unlessFocusableInside]);
  return [ref, overflows ? 0 : undefined];
}
