'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { Story } from '@/simulations/stories/schema';
import { LazyDialog, type DialogHandle } from './LazyDialog';
import { useStoryCheck } from './use-story-check';
import styles from './compare.module.css';
import own from './story-editor.module.css';

/**
 * The largest story file, in octets of UTF-8: `storyLimits.bytes` (docs/STORIES.md "Limits";
 * story-edit.test.ts keeps the two equal), not imported so the page does not load zod for it.
 */
export const STORY_BYTES = 64 * 1024;

/** How many problems the dialog lists; the rest are counted. */
const SHOWN = 10;

/** The text being edited, and the story's text it started from (to tell edits from none). */
interface Draft {
  readonly text: string;
  readonly base: string;
}

/**
 * "Edit story": a dialog with the current story's JSON (the sandbox's run, the linked story, or
 * the text of a link that was refused, as `load` gives it: a story, or JSON text as it is)
 * in a field that is checked as the user types, by the command line's validator with each
 * problem's JSON path, in a worker (use-story-check.ts). "Open this story" is enabled only for
 * a valid story and loads it as its `?story=` link does. An edited draft is kept while the page
 * lives, so closing the dialog (Escape) loses nothing.
 */
export function StoryEditor({
  load,
  label = 'Edit story',
}: {
  load: () => Story | string | Promise<Story>;
  /** The button's text. */
  label?: string;
}) {
  const ref = useRef<DialogHandle>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <>
      <button type="button" className={styles.button} onClick={() => ref.current?.showModal()}>
        {label}
      </button>
      <LazyDialog ref={ref} title="Edit story">
        <EditorBody load={load} draft={draft} onDraft={setDraft} />
      </LazyDialog>
    </>
  );
}

/**
 * A story as the field shows it: indented, unless the indentation alone would take it past the
 * 64 KiB a story file may have (the validator counts every octet, as the command line does),
 * then on one line. Text is shown as it is.
 */
function asText(story: Story | string): string {
  if (typeof story === 'string') return story;
  const indented = JSON.stringify(story, null, 2);
  return new TextEncoder().encode(indented).length > STORY_BYTES ? JSON.stringify(story) : indented;
}

function EditorBody({
  load,
  draft,
  onDraft,
}: {
  load: () => Story | string | Promise<Story>;
  draft: Draft | null;
  onDraft: (draft: Draft) => void;
}) {
  const [current, setCurrent] = useState<string | null>(null);
  const id = useId();
  // The story as it is now (the sandbox may have moved on since the last edit).
  useEffect(() => {
    let live = true;
    void Promise.resolve(load()).then((story) => live && setCurrent(asText(story)));
    return () => {
      live = false;
    };
    // Loaded once per opening of the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const edited = draft !== null && draft.text !== draft.base;
  // Unedited, the field follows the current story; edited, it keeps the user's text.
  const text = edited ? draft.text : (current ?? draft?.text ?? '');
  const base = edited ? draft.base : (current ?? draft?.base ?? '');
  const { result, last } = useStoryCheck(text);
  const open = () => {
    if (!result?.ok) return;
    // The compare view reads its query once, at hydration (use-search.ts): the story opens as
    // its link does, by loading it (and Back returns to this page).
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`${window.location.origin}${window.location.pathname}?story=${result.param}`);
  };
  if (current === null && !edited) return <p role="status">Loading the story…</p>;
  const problems = last && !last.ok ? last.problems : [];
  return (
    <>
      <p id={`${id}-help`}>
        The story as JSON (docs/STORIES.md; the format is also{' '}
        <a href="/story.schema.json">published as JSON Schema</a>). It is checked as you type, as{' '}
        <code>npm run simulate -- --story</code> checks a file. Opening it replaces this page with the
        story&apos;s link.
      </p>
      <label className={own.field}>
        <span>Story (JSON)</span>
        <textarea
          value={text}
          rows={16}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={problems.length > 0}
          aria-describedby={`${id}-check ${id}-help`}
          onChange={(e) => onDraft({ text: e.target.value, base })}
        />
      </label>
      <div id={`${id}-check`} className={own.problems} aria-live="polite" data-testid="story-check">
        {last === null ? (
          <p>Checking…</p>
        ) : last.ok ? (
          <p>
            The story is valid: {last.story.devices.length} device
            {last.story.devices.length === 1 ? '' : 's'}, {last.story.timeline.length} timeline{' '}
            {last.story.timeline.length === 1 ? 'entry' : 'entries'}.
          </p>
        ) : (
          <>
            <p className={own.bad}>
              {problems.length === 1 ? 'One problem' : `${problems.length} problems`}, each with its JSON
              path:
            </p>
            <ul>
              {problems.slice(0, SHOWN).map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
            {problems.length > SHOWN && <p>…and {problems.length - SHOWN} more.</p>}
          </>
        )}
      </div>
      <div className={own.actions}>
        <button type="button" className={styles.button} disabled={!result?.ok} onClick={open}>
          Open this story
        </button>
        {edited && current !== null && (
          <button
            type="button"
            className={styles.button}
            onClick={() => onDraft({ text: current, base: current })}
          >
            Start again from the current story
          </button>
        )}
      </div>
    </>
  );
}
