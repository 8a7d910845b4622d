'use client';
import { useCallback, useState } from 'react';
import type { Prediction } from '@/simulations/predictions';
import type { Timeline } from '@/simulations/seek';

/** What a student has answered so far: predictions answered right, of those asked. */
export interface PredictionScore {
  readonly right: number;
  readonly asked: number;
}

/**
 * The story's predictions on the compare page: the one to ask at this step (at the first step of
 * an intent whose prediction is not yet answered or skipped), the score, and a reset for another
 * story. While `prediction` is set the story waits; `settle` lets it go on.
 */
export function usePredictions(
  timeline: Timeline | null,
  step: number,
  predictions: readonly Prediction[],
): {
  prediction: Prediction | undefined;
  score: PredictionScore;
  answer: (correct: boolean) => void;
  settle: (prediction: Prediction) => void;
  reset: () => void;
} {
  const [settled, setSettled] = useState<ReadonlySet<number>>(new Set());
  const [score, setScore] = useState<PredictionScore>({ right: 0, asked: 0 });
  const current = timeline?.steps[step];
  const prediction =
    current && timeline.steps[step - 1]?.intent !== current.intent
      ? predictions.find((p) => p.beforeIntent === current.intent && !settled.has(p.beforeIntent))
      : undefined;
  const answer = useCallback(
    (correct: boolean) => setScore((s) => ({ right: s.right + (correct ? 1 : 0), asked: s.asked + 1 })),
    [],
  );
  const settle = useCallback((p: Prediction) => setSettled((s) => new Set([...s, p.beforeIntent])), []);
  const reset = useCallback(() => setSettled(new Set()), []);
  return { prediction, score, answer, settle, reset };
}
