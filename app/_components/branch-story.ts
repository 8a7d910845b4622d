/**
 * "What if…" (issue 18): a story branched at a step. The branch is the same story with one
 * timeline entry inserted after the entry shown at that step (a fault such as a dropped
 * connection, or an action such as new mail arriving), and a `branch` marker that says where,
 * so that a page opening its link can show it beside the original. Pure functions: no engine,
 * no DOM; the runner, playing the branched story, writes its narration.
 */
import { deviceName } from '@/simulations/narration';
import type { Timeline } from '@/simulations/seek';
import { storyLimits } from '@/simulations/stories/fields';
import type { Story } from '@/simulations/stories/schema';
import { validateStory, type StoryProblem } from '@/simulations/stories/validate';
import type { Intent } from '@/simulations/types';

/** One item of the What if… menu: its words and the timeline entry it inserts. */
export interface WhatIf {
  /** Stable within a menu, e.g. `drop` or `read-laptop-3`. */
  readonly id: string;
  /** What happens, as a sentence without its full stop: "The phone's connection drops". */
  readonly label: string;
  /** Faults happen to the student; actions are someone's doing. */
  readonly kind: 'fault' | 'action';
  readonly intent: Intent;
}

/** The new mail a "New mail arrives" branch delivers (placed in the first account's INBOX). */
export const WHAT_IF_MAIL = {
  subject: 'What if: one more message',
  from: 'Chris Classmate <chris@students.example>',
} as const;

/** The entry shown at `step` (-1: the starting point), with the step clamped to the timeline. */
export function entryAt(timeline: Timeline, step: number): number {
  const last = timeline.steps.length - 1;
  return timeline.steps[Math.max(0, Math.min(last, step))]?.intent ?? -1;
}

/**
 * The first step of the branch that can differ from the original when the branch is made at
 * `step`: the step after the last one of the entry shown there (runs are deterministic, so
 * everything before it is the same). Equal to the original's step count at its last entry.
 */
export function divergenceStep(timeline: Timeline, step: number): number {
  const at = entryAt(timeline, step);
  let end = 0;
  timeline.steps.forEach((s, i) => {
    if (s.intent <= at) end = i + 1;
  });
  return end;
}

/** A label's first letter in lower case, to go after "what if": "The phone…" → "the phone…". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The menu's items at `step`: faults happen to the device acting at that step (the first device
 * at the starting point) or to the server (a restart, the mailbox filling up to its quota), actions to another device, on a message that device shows there (in
 * the IMAP column, where devices keep server copies), else the first message of the INBOX.
 * `devices` are the story's (names and kinds); webmail has no connection of its own to drop.
 */
export function whatIfChoices(
  timeline: Timeline,
  step: number,
  devices: readonly { readonly name: string; readonly kind: string }[],
): WhatIf[] {
  const at = entryAt(timeline, step);
  const current = at >= 0 ? timeline.intents[at] : undefined;
  const clients = devices.filter((d) => d.kind !== 'webmail');
  const actor =
    (current && 'device' in current ? clients.find((d) => d.name === current.device) : undefined) ??
    clients[0];
  const choices: WhatIf[] = [];
  if (actor) {
    const who = deviceName(actor.name);
    choices.push(
      {
        id: 'drop',
        label: `${who}'s connection drops`,
        kind: 'fault',
        intent: { type: 'dropConnection', device: actor.name },
      },
      {
        id: 'offline',
        label: `${who} goes offline`,
        kind: 'fault',
        intent: { type: 'goOffline', device: actor.name },
      },
    );
  }
  // Faults of the server itself, whoever acts at the step: it restarts (every session closes,
  // IMAP with BYE), or the first account's mailbox fills up to its quota (deliveries bounce).
  choices.push(
    { id: 'restart', label: 'The server restarts', kind: 'fault', intent: { type: 'restartServer' } },
    { id: 'quota', label: 'The mailbox fills up to its quota', kind: 'fault', intent: { type: 'fillQuota' } },
  );
  choices.push({
    id: 'mail',
    label: 'New mail arrives',
    kind: 'action',
    intent: { type: 'newMail', subject: WHAT_IF_MAIL.subject, from: WHAT_IF_MAIL.from },
  });
  const other = devices.find((d) => d.name !== actor?.name);
  const frame = timeline.tracks.imap[timeline.steps[Math.min(step, timeline.steps.length - 1)]?.imap ?? 0];
  if (other && frame) {
    const shown = frame.devices.find((d) => d.id === other.name)?.messages ?? [];
    const inbox = frame.server.accounts[0]?.mailboxes.find((m) => m.name === 'INBOX')?.messages ?? [];
    const unread = shown.find((m) => !m.seen)?.uid ?? inbox.find((m) => !m.flags.includes('\\Seen'))?.uid;
    const any = shown[0]?.uid ?? inbox[0]?.uid;
    const who = deviceName(other.name);
    if (unread !== undefined)
      choices.push({
        id: `read-${other.name}-${unread}`,
        label: `${who} marks message ${unread} as read`,
        kind: 'action',
        intent: { type: 'markRead', device: other.name, message: unread },
      });
    if (any !== undefined)
      choices.push({
        id: `delete-${other.name}-${any}`,
        label: `${who} deletes message ${any}`,
        kind: 'action',
        intent: { type: 'delete', device: other.name, message: any },
      });
  }
  return choices;
}

/** What `branchStory` makes: the branched story (checked) and the step its link opens at. */
export type Branched =
  | { readonly ok: true; readonly story: Story; readonly step: number }
  | { readonly ok: false; readonly problems: readonly StoryProblem[] };

/**
 * `story` (whose run is `timeline`) branched at `step` with `choice`: its entries up to the one
 * shown at `step`, the choice's entry, then the rest. Predictions before the branch stay (the
 * run is the same up to there); those after it go, with the author's takeaways, since the
 * branch may answer them otherwise. Never throws: a branch over the story limits (entries,
 * size) comes back with the validator's problems. The run's step budget is checked by whoever
 * plays it (`runStory`).
 */
export function branchStory(story: Story, timeline: Timeline, step: number, choice: WhatIf): Branched {
  if (story.timeline.length >= storyLimits.intents)
    return {
      ok: false,
      problems: [
        {
          path: 'timeline',
          message: `the story already has ${story.timeline.length} entries, the most a story may have (${storyLimits.intents})`,
        },
      ],
    };
  const entry = entryAt(timeline, step) + 1;
  const from = divergenceStep(timeline, step);
  const { takeaways: _takeaways, predictions, branch: _branch, ...rest } = story;
  void _takeaways;
  void _branch;
  const kept = predictions?.filter((p) => p.beforeIntent < entry);
  const branched = {
    ...rest,
    title: truncate(`${story.title} (what if ${lowerFirst(choice.label)})`, 200),
    summary: truncate(
      `"${story.title}" up to step ${from}; then, what if ${lowerFirst(choice.label)}? The rest of the story is played as before, and each column shows what the protocol does.`,
      2000,
    ),
    timeline: [...story.timeline.slice(0, entry), choice.intent, ...story.timeline.slice(entry)],
    ...(kept && kept.length > 0 ? { predictions: kept } : {}),
    branch: { from: truncate(story.title, 200), entry, step: from },
  };
  const check = validateStory(branched);
  return check.ok ? { ok: true, story: check.story, step: from } : { ok: false, problems: check.problems };
}

/**
 * The story a branch was made from: its timeline without the inserted entry, no marker. (Its
 * run is the original's; the original's title, summary and later predictions are not kept in a
 * branch, so these are the branch's.) Null for a story that is not a branch.
 */
export function originalOf(story: Story): Story | null {
  if (!story.branch) return null;
  const { entry, from } = story.branch;
  const { branch: _branch, ...rest } = story;
  void _branch;
  return {
    ...rest,
    title: from,
    timeline: story.timeline.filter((_, i) => i !== entry),
    ...(story.predictions ? { predictions: story.predictions.filter((p) => p.beforeIntent < entry) } : {}),
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
