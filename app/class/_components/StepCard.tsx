import type { StepView } from '@/lib/live/classroom/class-hub';
import styles from './class.module.css';
import { ScenarioView } from './ScenarioView';

/**
 * A scenario's step: its sentence, the scenario drawn at that step (the lab's embed), the steps
 * listed with the shown one marked (`aria-current="step"`), and a link to the full lab.
 */
export function StepCard({ step, heading }: { step: StepView; heading: string }) {
  return (
    <section className={styles.card} aria-labelledby="class-step">
      <h2 id="class-step">{heading}</h2>
      <p>
        <strong>{step.title}</strong> —{' '}
        <span data-testid="class-step-number">
          step {step.step + 1} of {step.steps.length}
        </span>
      </p>
      <p data-testid="class-step-text">{step.steps[step.step]}</p>
      {step.shownAt[step.step] !== undefined && (
        <ScenarioView scenario={step.scenario} step={step.shownAt[step.step]!} title={step.title} />
      )}
      <ol className={styles.steps}>
        {step.steps.map((text, i) => (
          <li key={i} aria-current={i === step.step ? 'step' : undefined}>
            {text}
          </li>
        ))}
      </ol>
      <p>
        <a
          href={`/?${new URLSearchParams({ scenario: step.scenario }).toString()}`}
          target="_blank"
          rel="noopener"
        >
          Open this scenario in the lab
        </a>{' '}
        (every wire line, POP3 and IMAP side by side).
      </p>
    </section>
  );
}
