'use client';
import { useEffect, useRef, useState } from 'react';
import type { EditCheckAnswer, EditedStory } from './story-edit';

/** How long typing must pause before the text is checked, in milliseconds. */
export const CHECK_DELAY_MS = 250;

/** How long a check may take, in milliseconds, before the worker is replaced and the check reported. */
const CHECK_TIMEOUT_MS = 5000;

/** A check of one text: `result` belongs to exactly `text`. */
interface Checked {
  readonly text: string;
  readonly result: EditedStory;
}

const unchecked = (message: string): EditedStory => ({
  ok: false,
  problems: [{ path: 'story', message }],
});

/**
 * Checks `text` with `checkEditedStory` (story-edit.ts) once typing pauses for
 * `CHECK_DELAY_MS`, in a module worker (story-edit.worker.ts) so the page's thread only
 * handles keys; an answer for a text that has since changed is dropped. Without `Worker`, the
 * check runs on the page after the same pause. `result` is null while `text` has not been
 * checked yet (the caller keeps its action disabled); `last` is the latest check of any text,
 * shown meanwhile so that a live region is not rewritten at every key.
 */
export function useStoryCheck(text: string): { result: EditedStory | null; last: EditedStory | null } {
  const [checked, setChecked] = useState<Checked | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    const id = ++latest.current;
    let timeout: number | undefined;
    const finish = (result: EditedStory) => {
      window.clearTimeout(timeout);
      if (id === latest.current) setChecked({ text, result });
    };
    const delay = window.setTimeout(() => {
      if (typeof Worker === 'undefined') {
        void import('./story-edit').then(({ checkEditedStory }) => finish(checkEditedStory(text)));
        return;
      }
      worker.current ??= new Worker(new URL('./story-edit.worker.ts', import.meta.url), { type: 'module' });
      const current = worker.current;
      // A worker that failed or hangs is replaced at the next check.
      const drop = (message: string) => {
        current.terminate();
        if (worker.current === current) worker.current = null;
        finish(unchecked(message));
      };
      current.onmessage = (event: MessageEvent<EditCheckAnswer>) => {
        if (event.data.id === id) finish(event.data.result);
      };
      current.onerror = (event) => {
        event.preventDefault();
        drop('the story could not be checked (the checker failed to load); edit it to try again');
      };
      timeout = window.setTimeout(
        () => drop('checking the story took too long; edit it to try again'),
        CHECK_TIMEOUT_MS,
      );
      current.postMessage({ id, text });
    }, CHECK_DELAY_MS);
    return () => {
      window.clearTimeout(delay);
      window.clearTimeout(timeout);
    };
  }, [text]);

  return { result: checked && checked.text === text ? checked.result : null, last: checked?.result ?? null };
}
