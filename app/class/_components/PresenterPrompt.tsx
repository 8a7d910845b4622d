import type { PresenterView } from '@/lib/live/classroom/class-hub';
import styles from './class.module.css';

type Prompt = NonNullable<PresenterView['prompt']>;

/**
 * The open prediction on the projector: counts per answer as they come, then the reveal. No names,
 * unless the trainer shows who answered what (`prompt.names`, the trainer action `names`).
 */
export function PresenterPrompt({
  prompt,
  students,
  onReveal,
  onAskAgain,
  onShowNames,
}: {
  prompt: Prompt;
  students: number;
  onReveal: () => void;
  onAskAgain: () => void;
  onShowNames: (show: boolean) => void;
}) {
  const answers = prompt.counts.reduce((n, c) => n + c, 0);
  return (
    <section className={styles.card} aria-labelledby="class-prompt">
      <h2 id="class-prompt">Predict</h2>
      <p>{prompt.question}</p>
      <ul className={styles.choices} aria-label="Answers so far">
        {prompt.choices.map((c, i) => {
          const count = prompt.counts[i] ?? 0;
          return (
            <li key={i} className={styles.choice} data-correct={c.correct === true ? 'true' : undefined}>
              <span>
                {c.text}: <strong data-testid={`class-count-${i}`}>{count}</strong>
                {c.correct ? ' — right' : ''}
              </span>
              <span
                className={styles.bar}
                style={{ width: `${answers === 0 ? 0 : (100 * count) / answers}%` }}
                aria-hidden="true"
              />
              {prompt.names ? (
                <p data-testid={`class-names-${i}`}>{prompt.names[i]?.join(', ') || 'nobody'}</p>
              ) : null}
              {prompt.revealed && c.feedback ? <p>{c.feedback}</p> : null}
            </li>
          );
        })}
      </ul>
      <p data-testid="class-answered">
        {answers} of {students} answered
      </p>
      <div className={styles.row}>
        {prompt.revealed ? (
          <span>Revealed.</span>
        ) : (
          <button type="button" onClick={onReveal}>
            Reveal the answer
          </button>
        )}
        <button
          type="button"
          aria-pressed={prompt.names !== null}
          onClick={() => onShowNames(prompt.names === null)}
        >
          Show who answered what
        </button>
        {prompt.revealed || answers > 0 ? (
          <button type="button" onClick={onAskAgain}>
            Ask again (clear the answers)
          </button>
        ) : null}
      </div>
    </section>
  );
}
