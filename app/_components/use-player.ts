'use client';
import { startTransition, useEffect } from 'react';

/** Milliseconds per step at 1×: long enough to read a line and watch its packet travel. */
export const BASE_STEP_MS = 1100;

/**
 * Advances the step while playing; stops at the last step. The interval shrinks with speed.
 */
export function usePlayer(options: {
  playing: boolean;
  step: number;
  lastStep: number;
  speed: number;
  onStep: (step: number) => void;
  onEnd: () => void;
}) {
  const { playing, step, lastStep, speed, onStep, onEnd } = options;
  useEffect(() => {
    if (!playing) return;
    if (step >= lastStep) {
      onEnd();
      return;
    }
    // A transition: the step's render yields to the browser between components, so frames (the
    // flight, the cards) keep coming while it is drawn, and a click (Pause) is answered first.
    const timer = setTimeout(() => startTransition(() => onStep(step + 1)), BASE_STEP_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, step, lastStep, speed, onStep, onEnd]);
}
