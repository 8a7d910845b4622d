'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Timeline } from '@/simulations/seek';
import type { Story } from '@/simulations/stories/schema';
import { branchNarration } from './branch-narration';
import type { WhatIf } from './branch-story';
import type { StoryLinkState } from './use-story-link';

/** The original of the branch on screen: its run, and the link that opens it. */
export interface BranchOriginal {
  /** The branch it is the original of. */
  readonly branch: Story;
  readonly timeline: Timeline;
  /** A `?story=` link to the original, opening at the step where the two part. */
  readonly url: string;
}

const pageBase = () => `${window.location.origin}${window.location.pathname}`;

/**
 * What if… on the compare page: `choose` branches the story on screen at a step (a built-in
 * scenario is first written as a story, the sandbox's actions included), puts the branch's
 * `?story=…&step=` link in the address (a new history entry: Back returns to the original)
 * and opens it. For a branch on screen, from a choice or a link, it runs the original (the
 * branch less its inserted entry) for the side-by-side view, and announces the branch.
 * Loads the story code (zod, lz-string, the engine) on use only.
 */
export function useWhatIf({
  story,
  timeline,
  scenarioId,
  variant,
  open,
  onBranched,
}: {
  story: StoryLinkState;
  /** The run on screen (null while one loads). */
  timeline: Timeline | null;
  scenarioId: string;
  variant: string | null;
  /** Runs a checked story in place of what is on screen (`useStoryLink`'s `open`). */
  open: (story: Story, value: string) => void;
  /** Called with the step the branch opens at (where it parts from the original). */
  onBranched: (step: number) => void;
}) {
  const [announcement, setAnnouncement] = useState('');
  const [original, setOriginal] = useState<BranchOriginal | null>(null);
  const [pushed, setPushed] = useState(false);
  const announced = useRef<Story | null>(null);

  const choose = useCallback(
    async (choice: WhatIf, step: number) => {
      if (!timeline) return;
      const [{ branchStory, originalOf }, { encodeStoryParam, storyLinkUrl }] = await Promise.all([
        import('./branch-story'),
        import('./story-link'),
      ]);
      let base: Story;
      if (story.status === 'ready') base = story.story;
      else {
        const [{ findScenario }, { scenarioToStory }] = await Promise.all([
          import('@/simulations/scenarios'),
          import('@/simulations/stories/convert'),
        ]);
        // The timeline's intents: the scenario's, and the sandbox's own actions after them.
        base = { ...scenarioToStory(findScenario(scenarioId)!, variant), timeline: [...timeline.intents] };
      }
      const made = branchStory(base, timeline, step, choice);
      if (!made.ok) {
        setAnnouncement(`This branch cannot be made: ${made.problems[0]!.message}`);
        return;
      }
      const value = encodeStoryParam(made.story);
      const url = `${storyLinkUrl(pageBase(), made.story)}&step=${made.step}`;
      window.history.pushState(null, '', url);
      setPushed(true);
      setOriginal({
        branch: made.story,
        timeline,
        url: `${storyLinkUrl(pageBase(), originalOf(made.story)!)}&step=${Math.max(0, made.step - 1)}`,
      });
      setAnnouncement(`Making the branch: ${choice.label}…`);
      open(made.story, value);
      onBranched(made.step);
    },
    [timeline, story, scenarioId, variant, open, onBranched],
  );

  // A branch opened from a link: run its original beside it.
  const branch = story.status === 'ready' && story.story.branch ? story.story : null;
  useEffect(() => {
    if (!branch || original?.branch === branch) return;
    let current = true;
    void Promise.all([import('./branch-story'), import('./story-link')]).then(
      async ([{ originalOf }, { runLinkedStory, storyLinkUrl }]) => {
        const story = originalOf(branch)!;
        const run = await runLinkedStory(story);
        if (!current || !run.ok) return;
        setOriginal({
          branch,
          timeline: run.timeline,
          url: `${storyLinkUrl(pageBase(), story)}&step=${Math.max(0, branch.branch!.step - 1)}`,
        });
      },
    );
    return () => {
      current = false;
    };
  }, [branch, original]);

  // Say which branch is on screen once it is run (the first time it is).
  useEffect(() => {
    if (story.status !== 'ready' || !story.story.branch || announced.current === story.story) return;
    announced.current = story.story;
    setAnnouncement(
      `Branch: ${branchNarration(story.story, story.timeline)} From step ${story.story.branch.step + 1}.`,
    );
  }, [story]);

  // Back (or Forward) after a branch: the address changed under the page; load what it names.
  useEffect(() => {
    if (!pushed) return;
    const reload = () => window.location.reload();
    window.addEventListener('popstate', reload);
    return () => window.removeEventListener('popstate', reload);
  }, [pushed]);

  return {
    choose,
    announcement,
    original: original && branch && original.branch === branch ? original : null,
  };
}
