'use client';
import { useEffect, useState } from 'react';
import type { StoryScenario } from '@/simulations/stories/convert';
import type { Timeline } from '@/simulations/seek';
import type { StoryProblem } from '@/simulations/stories/validate';
import type { Story } from '@/simulations/stories/schema';
import { STORY_PARAM } from './story-param';

/**
 * Where a `?story=` link stands: `none` (no parameter, or the reader left the story),
 * `checking` (the validator is loading: it is fetched only for a page that has a story),
 * `running` (checked, being played; a large story takes a few seconds), `ready`, or `refused`
 * (the problems, with their JSON paths; the page shows its default scenario instead).
 */
export type StoryLinkState =
  | { readonly status: 'none' }
  | { readonly status: 'checking'; readonly value: string }
  | { readonly status: 'running'; readonly value: string; readonly story: Story }
  | {
      readonly status: 'ready';
      /** The `?story=` value as the link holds it (for the handout's link, say). */
      readonly value: string;
      readonly story: Story;
      readonly scenario: StoryScenario;
      readonly timeline: Timeline;
    }
  | {
      readonly status: 'refused';
      readonly problems: readonly StoryProblem[];
      /** The story's JSON text, when the link held one (to fix it in the editor). */
      readonly text?: string;
    };

/**
 * Waits for the browser to paint (so a progress state is seen before a long run blocks), or
 * 100 ms at most: an embed scrolled out of view gets no animation frames, and its host still
 * waits for the player to be ready.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => window.setTimeout(resolve, 0));
    window.setTimeout(resolve, 100);
  });

/** The state a query starts in: no story, or one to check. */
function fromSearch(search: string | null): StoryLinkState {
  // A query reads `+` as a space; lz-string's alphabet has `+` and no space, and the value is
  // written again into links (the handout's, the Embed dialog's), so it is kept as the link has it.
  const value = new URLSearchParams(search ?? '').get(STORY_PARAM)?.replace(/ /g, '+') ?? null;
  return value === null ? { status: 'none' } : { status: 'checking', value };
}

/**
 * The story a page's query carries (`null`: not known yet), checked and run in the browser.
 * `leave()` returns to `none` (the reader chose a built-in scenario); `open(story)` runs a story
 * the page made and checked itself (a What if… branch). Never throws.
 */
export function useStoryLink(search: string | null): {
  state: StoryLinkState;
  leave: () => void;
  /** `value`: the story's `?story=` value, as its link holds it. */
  open: (story: Story, value: string) => void;
} {
  const [applied, setApplied] = useState(search);
  const [state, setState] = useState<StoryLinkState>(() => fromSearch(search));
  // A new query (the embed learns its own after hydrating): start again from it.
  if (applied !== search) {
    setApplied(search);
    setState(fromSearch(search));
  }

  useEffect(() => {
    if (state.status === 'checking') {
      const { value } = state;
      let current = true;
      void import('./story-link')
        .then(({ readStoryParamInWorker }) => readStoryParamInWorker(value))
        .then(({ check, text }) => {
          if (!current) return;
          setState(
            check.ok
              ? { status: 'running', value, story: check.story }
              : { status: 'refused', problems: check.problems, ...(text === null ? {} : { text }) },
          );
        });
      return () => {
        current = false;
      };
    }
    if (state.status !== 'running') return;
    const { story, value } = state;
    let current = true;
    void afterPaint()
      .then(() => import('./story-link'))
      .then(({ runLinkedStory }) => runLinkedStory(story))
      .then((run) => {
        if (!current) return;
        setState(
          run.ok
            ? { status: 'ready', value, story, scenario: run.scenario, timeline: run.timeline }
            : { status: 'refused', problems: run.problems, text: JSON.stringify(story, null, 2) },
        );
      });
    return () => {
      current = false;
    };
  }, [state]);

  return {
    state,
    leave: () => setState({ status: 'none' }),
    open: (story, value) => setState({ status: 'running', value, story }),
  };
}
