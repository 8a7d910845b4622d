'use client';
import type { StoryLinkState } from './use-story-link';
import { StoryEditor } from './StoryEditor';
import styles from './compare.module.css';

/**
 * A linked story's title, summary and takeaways, where a built-in scenario shows its lesson.
 * The takeaways are the author's words (the simulator does not check them), and say so. Once
 * the story runs, "Edit story" opens its JSON to change (StoryEditor).
 */
export function StoryLesson({ state }: { state: Exclude<StoryLinkState, { status: 'none' | 'refused' }> }) {
  if (state.status === 'checking')
    return (
      <section className={styles.lesson} aria-label="The linked story" data-testid="story-lesson">
        <p role="status">Opening the linked story…</p>
      </section>
    );
  const { story } = state;
  return (
    <section className={styles.lesson} aria-label="The linked story" data-testid="story-lesson">
      <p>
        <strong>{story.title}.</strong> {story.summary}
      </p>
      {state.status === 'running' && <p role="status">Running the story against both protocols…</p>}
      {state.status === 'ready' && story.takeaways && story.takeaways.length > 0 && (
        <>
          <p>The author&apos;s takeaways (their words; the simulator does not check them):</p>
          <ul>
            {story.takeaways.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </>
      )}
      {state.status === 'ready' && <StoryEditor load={() => story} />}
    </section>
  );
}
