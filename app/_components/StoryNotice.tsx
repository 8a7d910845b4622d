'use client';
import type { StoryProblem } from '@/simulations/stories/validate';
import { StoryEditor } from './StoryEditor';
import styles from './compare.module.css';

/** How many of a refused story's problems the notice lists. */
const SHOWN = 5;

/**
 * A `?story=` link the page could not open: what is wrong (the first problems, each with its
 * JSON path, as `npm run simulate -- --story` reports them) and what is shown instead. An alert,
 * so a screen reader says it at once. With `onDismiss` (the compare view, which keeps the refused
 * link in the address bar until then), it says so. With `text` (the link's JSON, when it had
 * some), "Edit this story" opens it in the editor to fix it.
 */
export function StoryNotice({
  problems,
  text,
  onDismiss,
}: {
  problems: readonly StoryProblem[];
  text?: string;
  onDismiss?: () => void;
}) {
  const more = problems.length - SHOWN;
  return (
    <div className={styles.notice} role="alert" data-testid="story-notice">
      <p>
        <strong>This link&apos;s story cannot be opened</strong>, so the lab shows its first scenario instead.
        What is wrong:
      </p>
      <ul>
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p>
          …and {more} more. Check the file with <code>npm run simulate -- --story FILE.json</code> to see them
          all.
        </p>
      )}
      {onDismiss && (
        <>
          <p>
            The link stays in the address bar, so you can copy it and fix its story; Dismiss replaces it with
            the link to the scenario shown.
          </p>
          <div className={styles.sandboxRow}>
            {text !== undefined && <StoryEditor load={() => text} label="Edit this story" />}
            <button type="button" className={styles.linkButton} onClick={onDismiss}>
              Dismiss
            </button>
          </div>
        </>
      )}
    </div>
  );
}
