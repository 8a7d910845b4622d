'use client';
import { useState } from 'react';
import type { Intent } from '@/simulations/types';
import type { Story } from '@/simulations/stories/schema';
import { StoryEditor } from './StoryEditor';
import styles from './compare.module.css';

/**
 * The sandbox's run as a story: the sandbox's devices and settings, and what the learner did,
 * in order, as its timeline. Loads the converter (and the client settings it reads) on use.
 */
export async function sandboxStory(intents: readonly Intent[]): Promise<Story> {
  const [{ scenarioToStory }, { sandbox }] = await Promise.all([
    import('@/simulations/stories/convert'),
    import('@/simulations/scenarios/sandbox'),
  ]);
  return {
    ...scenarioToStory(sandbox),
    id: 'sandbox-run',
    title: 'A run in the sandbox',
    summary: `Someone's own run in the lab's sandbox: ${intents.length} action${intents.length === 1 ? '' : 's'}, played against POP3 and IMAP.`,
    timeline: [...intents],
  };
}

/**
 * Share: copies a `?story=` link to the sandbox's run. Where the clipboard is refused, the link
 * is shown in a field to copy by hand. The outcome is announced (a status region). Beside it,
 * "Edit story" opens the same story's JSON to change and open (StoryEditor).
 */
export function ShareStory({ intents }: { intents: readonly Intent[] }) {
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const share = async () => {
    // The validator (zod) and lz-string load on use, not with the page.
    const [story, { formatProblems, validateStory }, { storyLinkUrl }] = await Promise.all([
      sandboxStory(intents),
      import('@/simulations/stories/validate'),
      import('./story-link'),
    ]);
    const check = validateStory(story);
    if (!check.ok) {
      setFallback(null);
      setStatus(`This run cannot be shared: ${formatProblems(check.problems.slice(0, 3))}`);
      return;
    }
    const url = storyLinkUrl(`${window.location.origin}${window.location.pathname}`, check.story);
    try {
      await navigator.clipboard.writeText(url);
      setFallback(null);
      setStatus('Link copied');
    } catch {
      setFallback(url);
      setStatus('The browser refused the clipboard: copy the link from the field below');
    }
  };
  return (
    <div className={styles.sandboxRow}>
      <button
        type="button"
        className={styles.button}
        onClick={() => void share()}
        aria-describedby="share-story-status"
      >
        Share this run
      </button>
      <StoryEditor load={() => sandboxStory(intents)} />
      <span id="share-story-status" role="status" data-testid="share-status">
        {status}
      </span>
      {fallback !== null && (
        <label>
          Link to this run{' '}
          <input
            type="text"
            readOnly
            value={fallback}
            data-testid="share-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
    </div>
  );
}
