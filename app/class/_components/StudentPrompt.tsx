import type { StudentView } from '@/lib/live/classroom/class-hub';
import styles from './class.module.css';

type Prompt = NonNullable<StudentView['prompt']>;

/** The room's open prediction: choose once; after the reveal, the right answer and why. */
export function StudentPrompt({
  prompt,
  onAnswer,
  busy,
  error,
}: {
  prompt: Prompt;
  onAnswer: (choice: number) => void;
  busy: boolean;
  error: string | null;
}) {
  const closed = prompt.answered !== null || prompt.revealed;
  return (
    <section className={styles.card} aria-labelledby="class-prompt">
      <h2 id="class-prompt">Predict</h2>
      <p>{prompt.question}</p>
      <ul className={styles.choices}>
        {prompt.choices.map((c, i) => (
          <li key={i} className={styles.choice} data-correct={c.correct === true ? 'true' : undefined}>
            <button
              type="button"
              disabled={closed || busy}
              aria-pressed={prompt.answered === i}
              onClick={() => onAnswer(i)}
            >
              {c.text}
            </button>
            {prompt.revealed ? (
              <p>
                {c.correct ? <strong>Right. </strong> : null}
                {c.feedback}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p role="status">
        {prompt.revealed
          ? prompt.answered === null
            ? 'Revealed. You did not answer.'
            : prompt.choices[prompt.answered]?.correct
              ? 'Revealed: your answer was right.'
              : 'Revealed: your answer was not the right one.'
          : prompt.answered !== null
            ? `Your answer: ${prompt.choices[prompt.answered]?.text}. Waiting for the trainer to reveal.`
            : 'Choose one answer.'}
      </p>
      {error ? <p className={styles.error}>{error}</p> : null}
    </section>
  );
}
