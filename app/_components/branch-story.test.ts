import { describe, expect, it } from 'vitest';
import { findScenario } from '@/simulations/scenarios';
import { scenarioToStory } from '@/simulations/stories/convert';
import { storyLimits } from '@/simulations/stories/fields';
import { runStory } from '@/simulations/stories/play';
import type { Story } from '@/simulations/stories/schema';
import { validateStory } from '@/simulations/stories/validate';
import { branch, scenarioTimeline, type Timeline } from '@/simulations/timeline';
import { branchStory, divergenceStep, entryAt, originalOf, whatIfChoices, type WhatIf } from './branch-story';
import { branchNarration } from './branch-narration';

const scenario = findScenario('laptop-and-phone')!;
const story = scenarioToStory(scenario);
const timeline = scenarioTimeline(scenario);
const choice = (step: number, id: string, t: Timeline = timeline, s: Story = story): WhatIf =>
  whatIfChoices(t, step, s.devices).find((c) => c.id === id || c.id.startsWith(`${id}-`))!;

/** The wire lines of a column from `from` on, as a reader sees them. */
const wire = (t: Timeline, protocol: 'pop3' | 'imap', fromStep: number) => {
  const first = t.steps[fromStep]?.[protocol] ?? t.tracks[protocol].length;
  return t.tracks[protocol]
    .slice(first)
    .filter((f) => f.direction !== 'none')
    .map((f) => f.display);
};

describe('branchStory', () => {
  const step = 20;
  const drop = choice(step, 'drop');
  const made = branchStory(story, timeline, step, drop);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  const run = runStory(made.story);
  if (!run.ok) throw new Error(JSON.stringify(run.problems));

  it('inserts the entry after the one shown at the step, and the result validates', () => {
    const at = entryAt(timeline, step);
    expect(made.story.timeline).toEqual([
      ...story.timeline.slice(0, at + 1),
      drop.intent,
      ...story.timeline.slice(at + 1),
    ]);
    expect(validateStory(made.story).ok).toBe(true);
    expect(made.story.branch).toEqual({ from: story.title, entry: at + 1, step: made.step });
    expect(made.story.title).toBe(`${story.title} (what if ${drop.label.replace(/^The/, 'the')})`);
  });

  it('plays the same run as the runner’s own branch(), through a link’s story', () => {
    const direct = branch(timeline, scenario.setup, step, drop.intent);
    expect(run.timeline.steps).toEqual(direct.steps);
    expect(run.timeline.tracks.imap.map((f) => f.display)).toEqual(direct.tracks.imap.map((f) => f.display));
  });

  it('is the original up to the divergence step, and differs on the wire after it', () => {
    const from = made.step;
    expect(from).toBe(divergenceStep(timeline, step));
    expect(from).toBeGreaterThan(step);
    expect(run.timeline.steps.slice(0, from)).toEqual(timeline.steps.slice(0, from));
    expect(run.timeline.steps[from]!.intent).toBe(made.story.branch!.entry);
    expect(timeline.steps[from - 1]!.intent).toBe(entryAt(timeline, step));
    expect(wire(run.timeline, 'imap', from)).not.toEqual(wire(timeline, 'imap', from));
  });

  it('names the inserted entry with the runner’s narration', () => {
    expect(branchNarration(made.story, run.timeline)).toBe("The phone's connection breaks.");
    expect(branchNarration(story, timeline)).toBe('');
  });

  it('gives back the original: removing the entry replays the original run', () => {
    const original = originalOf(made.story)!;
    expect(original.timeline).toEqual(story.timeline);
    expect(original.title).toBe(story.title);
    expect(original.branch).toBeUndefined();
    const replay = runStory(original);
    expect(replay.ok && replay.timeline.steps).toEqual(timeline.steps);
    expect(originalOf(story)).toBeNull();
  });

  it('branches at the starting point by inserting the first entry', () => {
    const first = branchStory(story, timeline, 0, choice(0, 'mail'));
    expect(first.ok && first.story.timeline[0]).toEqual(choice(0, 'mail').intent);
    expect(first.ok && first.story.branch).toEqual({ from: story.title, entry: 0, step: 1 });
  });

  it('keeps the predictions before the branch and drops those after it and the takeaways', () => {
    const at = entryAt(timeline, step);
    const withText: Story = {
      ...story,
      takeaways: ['The phone sees the read flag.'],
      predictions: [
        { beforeIntent: at, question: 'Before?', choices: two },
        { beforeIntent: at + 1, question: 'After?', choices: two },
      ],
    };
    const b = branchStory(withText, timeline, step, drop);
    expect(b.ok && b.story.predictions?.map((p) => p.question)).toEqual(['Before?']);
    expect(b.ok && b.story.takeaways).toBeUndefined();
  });

  it('branches a branch: the newer branch is marked, and its original is the first branch', () => {
    const again = branchStory(
      made.story,
      run.timeline,
      made.step + 3,
      choice(made.step + 3, 'mail', run.timeline),
    );
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.story.branch!.from).toBe(made.story.title);
    expect(originalOf(again.story)!.timeline).toEqual(made.story.timeline);
  });

  it('refuses a branch past the entry limit, with the reason', () => {
    const full: Story = {
      ...story,
      timeline: Array.from({ length: storyLimits.intents }, () => ({ type: 'wait' as const, ms: 1 })),
    };
    const b = branchStory(full, timeline, step, drop);
    expect(b.ok).toBe(false);
    expect(!b.ok && b.problems[0]!.message).toMatch(/2000/);
  });

  it('refuses a branch over the size limit with the validator’s problem', () => {
    const big: Story = { ...story, summary: 'x'.repeat(2000), takeaways: [] };
    const filler = Array.from({ length: 1990 - story.timeline.length }, () => ({
      type: 'flag' as const,
      device: 'phone',
      message: 1,
    }));
    const b = branchStory({ ...big, timeline: [...story.timeline, ...filler] }, timeline, step, drop);
    expect(b.ok).toBe(false);
    expect(!b.ok && b.problems[0]!.message).toMatch(/limit is 65536/);
  });
});

const two = [
  { text: 'Yes', correct: true, feedback: 'Yes.' },
  { text: 'No', correct: false, feedback: 'No.' },
];

describe('whatIfChoices', () => {
  it('offers faults to the device acting at the step and actions to the other one', () => {
    const at = entryAt(timeline, 20);
    const acting = (timeline.intents[at] as { device: string }).device;
    const other = acting === 'phone' ? 'laptop' : 'phone';
    const choices = whatIfChoices(timeline, 20, story.devices);
    expect(choices.filter((c) => c.kind === 'fault').map((c) => c.intent)).toEqual([
      { type: 'dropConnection', device: acting },
      { type: 'goOffline', device: acting },
      { type: 'restartServer' },
      { type: 'fillQuota' },
    ]);
    const actions = choices.filter((c) => c.kind === 'action');
    expect(actions[0]!.intent.type).toBe('newMail');
    expect(actions.slice(1).map((c) => [c.intent.type, 'device' in c.intent && c.intent.device])).toEqual([
      ['markRead', other],
      ['delete', other],
    ]);
  });

  it('names a message that exists on the server at that step', () => {
    for (const c of whatIfChoices(timeline, 20, story.devices)) {
      if (!('message' in c.intent)) continue;
      const frame = timeline.tracks.imap[timeline.steps[20]!.imap]!;
      const uids = frame.server.accounts[0]!.mailboxes.find((m) => m.name === 'INBOX')!.messages.map(
        (m) => m.uid,
      );
      expect(uids).toContain(c.intent.message);
      expect(c.label).toContain(`message ${c.intent.message}`);
    }
  });

  // markRead is IMAP's STORE +FLAGS (\Seen) (RFC 9051 §6.4.6), no body fetched: reading the
  // message (a BODY[] fetch, §6.4.5) is another action, so the label does not say "reads".
  it('labels the markRead choice as marking read, not reading', () => {
    const read = whatIfChoices(timeline, 20, story.devices).filter((c) => c.intent.type === 'markRead');
    expect(read.length).toBeGreaterThan(0);
    for (const c of read) expect(c.label).toMatch(/marks message \d+ as read$/);
  });

  it('gives webmail no connection to drop, and a one-device story no other device', () => {
    const one = whatIfChoices(timeline, 0, [{ name: 'laptop', kind: 'laptop' }]);
    expect(one.map((c) => c.id)).toEqual(['drop', 'offline', 'restart', 'quota', 'mail']);
    const web = whatIfChoices(timeline, 0, [{ name: 'webmail', kind: 'webmail' }]);
    // Only the server's own faults: webmail has no connection of its own.
    expect(web.filter((c) => c.kind === 'fault').map((c) => c.id)).toEqual(['restart', 'quota']);
  });

  it('every choice makes a branch that validates and runs within the limits', () => {
    const ids = new Set<string>();
    for (const step of [0, 20, timeline.steps.length - 1])
      for (const c of whatIfChoices(timeline, step, story.devices)) {
        ids.add(c.id.split('-')[0]!);
        const b = branchStory(story, timeline, step, c);
        expect(b.ok, `${step} ${c.id}`).toBe(true);
        if (b.ok) expect(runStory(b.story).ok, `${step} ${c.id}`).toBe(true);
      }
    expect([...ids].sort()).toEqual(['delete', 'drop', 'mail', 'offline', 'quota', 'read', 'restart']);
  });

  it('a restart mid-session: the IMAP column shows the server’s BYE at the branch point', () => {
    const restart = choice(20, 'restart');
    const b = branchStory(story, timeline, 20, restart);
    if (!b.ok) throw new Error(JSON.stringify(b.problems));
    const run = runStory(b.story);
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const entry = b.story.branch!.entry;
    const lines = run.timeline.tracks.imap
      .filter((f) => f.intent === entry && f.direction !== 'none')
      .map((f) => f.display);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l === '* BYE Server shutting down\r\n')).toBe(true);
  });

  it('the mailbox filling up: new mail after it is refused in both columns', () => {
    const quota = choice(20, 'quota');
    const b = branchStory(story, timeline, 20, quota);
    if (!b.ok) throw new Error(JSON.stringify(b.problems));
    const entry = b.story.branch!.entry;
    const story2 = {
      ...b.story,
      timeline: [
        ...b.story.timeline.slice(0, entry + 1),
        {
          type: 'newMail' as const,
          subject: 'After the quota',
          from: 'chris@students.example',
          via: 'smtp' as const,
        },
      ],
    };
    const run = runStory(story2);
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    for (const track of [run.timeline.tracks.pop3, run.timeline.tracks.imap])
      expect(track.some((f) => f.intent === entry + 1 && f.raw?.startsWith('552 5.2.2 '))).toBe(true);
  });
});

describe('the branch marker in the story format', () => {
  it('is optional: a story without it is valid, as links made before it are', () => {
    expect(validateStory(story).ok).toBe(true);
  });

  it('must name an entry of the timeline', () => {
    const check = validateStory({ ...story, branch: { from: 'X', entry: story.timeline.length, step: 0 } });
    expect(!check.ok && check.problems.map((p) => p.path)).toEqual(['branch.entry']);
  });

  it('has no other fields', () => {
    const check = validateStory({ ...story, branch: { from: 'X', entry: 0, step: 0, at: 1 } });
    expect(!check.ok && check.problems[0]!.path).toBe('branch.at');
  });
});
