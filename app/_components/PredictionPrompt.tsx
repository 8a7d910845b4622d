'use client';
import { useState } from 'react';
import type { Prediction } from '@/simulations/predictions';
import styles from './compare.module.css';

/** Asks what will happen next, takes an answer, then reveals; the story goes on with Continue. */
export function PredictionPrompt(props: {
  prediction: Prediction;
  onAnswer: (correct: boolean) => void;
  onContinue: () => void;
}) {
  const [chosen, setChosen] = useState<number | null>(null);
  const choice = chosen === null ? null : props.prediction.choices[chosen]!;
  return (
    <section aria-labelledby="predict-heading" className={styles.predict}>
      <h2 id="predict-heading">Predict, then reveal</h2>
      <p>{props.prediction.question}</p>
      <div className={styles.sandboxRow} role="group" aria-label="Your prediction">
        {props.prediction.choices.map((c, i) => (
          <button
            key={c.text}
            type="button"
            className={styles.button}
            aria-pressed={chosen === i}
            disabled={chosen !== null}
            onClick={() => {
              setChosen(i);
              props.onAnswer(c.correct);
            }}
          >
            {c.text}
          </button>
        ))}
      </div>
      {choice && (
        <p role="status" className={choice.correct ? styles.predictRight : styles.predictWrong}>
          {choice.correct ? 'Correct. ' : 'Not quite. '}
          {choice.feedback}
        </p>
      )}
      <button type="button" className={`${styles.button} ${styles.primary}`} onClick={props.onContinue}>
        {choice ? 'Continue and see' : 'Skip'}
      </button>
    </section>
  );
}
