'use client';
import type { ReactNode } from 'react';
import styles from './compare.module.css';
import { GlossaryText } from './GlossaryText';
import { stepsWords, type StoryEventSteps } from './story-event';
import { useOverflowTabStop } from './use-overflow-tab-stop';

/**
 * The step and the story event it belongs to (which may take many steps: its range is named),
 * announced to screen readers as it changes; `waiting` (the
 * loading or error text) while there is no step to show. Jargon links to the glossary at first use.
 * Where the layout gives it a fixed height (the phone's step bar) a longer text scrolls, and the
 * box is then a Tab stop (useOverflowTabStop).
 */
export function Narration(props: {
  step: number;
  lastStep: number;
  text: string | null;
  /** The steps the story event in `text` takes (named when more than one: "Steps 2–41:"). */
  span?: StoryEventSteps;
  waiting: ReactNode;
}) {
  const range = stepsWords(props.span);
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
            {range && <span className={styles.stepNo}>{range}: </span>}
            <GlossaryText text={props.text} />
          </>
        ) : (
          props.waiting
        )}
      </p>
    </div>
  );
}
