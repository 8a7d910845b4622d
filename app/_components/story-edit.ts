/**
 * Checking a story as someone types it in the Edit story dialog (StoryEditor.tsx): the same
 * validator as `npm run simulate -- --story` (size, JSON, shape, references; each problem with
 * its JSON path), then the link it would make, whose `?story=` value must stay within what a
 * page reads (`STORY_PARAM_MAX`). Pure and light (zod and lz-string), so it runs in a worker
 * (story-edit.worker.ts) and in the tests alike. Never throws.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import type { Story } from '@/simulations/stories/schema';
import { parseStoryText, type StoryProblem } from '@/simulations/stories/validate';
import { STORY_PARAM_MAX } from './story-decompress';

/** An edited story's text checked: the story and its `?story=` value, or every problem. */
export type EditedStory =
  | { readonly ok: true; readonly story: Story; readonly param: string }
  | { readonly ok: false; readonly problems: readonly StoryProblem[] };

/**
 * Checks a story's JSON text exactly as the command line does (`parseStoryText`), then
 * compresses the checked story as a link does (`compressToEncodedURIComponent` of its JSON) and
 * refuses a value longer than `STORY_PARAM_MAX` characters, which no page would open.
 */
export function checkEditedStory(text: string): EditedStory {
  const check = parseStoryText(text);
  if (!check.ok) return check;
  const param = compressToEncodedURIComponent(JSON.stringify(check.story));
  if (param.length > STORY_PARAM_MAX)
    return {
      ok: false,
      problems: [
        {
          path: 'story',
          message: `its link would be ${param.length} characters compressed; the limit is ${STORY_PARAM_MAX} (64 KiB)`,
        },
      ],
    };
  return { ok: true, story: check.story, param };
}

/** What the editor's worker is sent: the text to check, numbered so stale answers are dropped. */
export interface EditCheckRequest {
  readonly id: number;
  readonly text: string;
}

/** What the editor's worker answers: the request's number and the check. */
export interface EditCheckAnswer {
  readonly id: number;
  readonly result: EditedStory;
}
