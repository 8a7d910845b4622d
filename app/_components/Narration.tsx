'use client';
import type { ReactNode } from 'react';
import styles from './compare.module.css';
import { GlossaryText } from './GlossaryText';
import { useOverflowTabStop } from './use-overflow-tab-stop';

/**
 * The step and what happens in it, announced to screen readers as it changes; `waiting` (the
 * loading or error text) while there is no step to show. Jargon links to the glossary at first use.
 * Where the layout gives it a fixed height (the phone's step bar) a longer text scrolls, and the
 * box is then a Tab stop (useOverflowTabStop).
 */
export function Narration(props: {
  step: number;
  lastStep: number;
  text: string | null;
  waiting: ReactNode;
}) {
  const [ref, tabIndex] = useOverflowTabStop<HTMLDivElement>();
  // The box scrolls (and is a Tab stop while it does); the live region inside it is read once.
  return (
    <div
      ref={ref}
      data-narration-box
      tabIndex={tabIndex}
      role={tabIndex === 0 ? 'group' : undefined}
      aria-label={tabIndex === 0 ? 'Step narration' : undefined}
    >
      <p className={styles.narration} aria-live="polite" aria-atomic="true" data-testid="narration">
        {props.text !== null ? (
          <>
            <span className={styles.stepNo}>
              Step {props.step + 1} of {props.lastStep + 1}.
            </span>{' '}
            <GlossaryText text={props.text} />
          </>
        ) : (
          props.waiting
        )}
      </p>
    </div>
  );
}
