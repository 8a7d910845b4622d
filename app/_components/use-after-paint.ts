'use client';
import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, once the frame that shows its change has been painted: for work that draws nothing in
 * view (rows beyond the visible ones, the buttons that keyboards and screen readers use), so that
 * a seek paints its picture first. The update is scheduled the usual "after the next paint" way, a
 * task posted from the next animation frame, and runs as a transition (a newer value interrupts
 * it). React's `useDeferredValue` is not enough here: its background render starts as soon as the
 * urgent one is committed, before the browser paints, and so delays the frame it was to spare.
 * Returns the previous value until then (the first render returns `value`).
 */
export function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    if (Object.is(painted, value)) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => startTransition(() => setPainted(() => value)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [value, painted]);
  return painted;
}
