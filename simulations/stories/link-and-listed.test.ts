import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import type { RunResult } from '../scenario';
import { finalDevice } from '../scenarios/helpers';
import { results } from '../timeline';
import { runStory } from './play';
import { validateStory } from './validate';

const FILE = join(__dirname, '../../docs/stories/train-commute.json');
const story = JSON.parse(readFileSync(FILE, 'utf8'));

function runs(value: unknown): { pop3: RunResult; imap: RunResult } {
  const run = runStory(value);
  if (!run.ok) throw new Error(run.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return results(run.timeline);
}

/** Virtual ms an entry of the timeline took in a run: from its first frame to its last. */
function duration(run: RunResult, intent: number): number {
  const ts = run.frames.filter((f) => f.intent === intent).map((f) => f.t);
  return Math.max(...ts) - Math.min(...ts);
}

describe('an account’s listed messages', () => {
  const subjects = ["Notes from Tuesday's lab", 'Exam room changed to B12', 'Lunch on Friday?'];

  it('are in the INBOX at the start: their subjects are in the transcript of both columns', () => {
    const out = runCli(['--story', FILE, '--format', 'json']);
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const protocol of ['pop3', 'imap'])
      for (const subject of subjects)
        expect(
          lines.some((l) => l.protocol === protocol && JSON.stringify(l).includes(subject)),
          `${protocol}: ${subject}`,
        ).toBe(true);
  });

  it('in order, UID 1 first, with the flags the story gives (IMAP FETCH FLAGS, RFC 9051 §7.5.2)', () => {
    const { pop3, imap } = runs(story);
    const fetched = imap.frames.filter((f) => f.intent === 0 && /^\* \d+ FETCH /.test(f.raw ?? ''));
    expect(
      fetched.map((f) => f.raw!.match(/^\* (\d+) FETCH \(UID (\d+) FLAGS \(([^)]*)\)/)!.slice(1)),
    ).toEqual([
      ['1', '1', '\\Seen \\Recent'],
      ['2', '2', '\\Recent'],
      ['3', '3', '\\Flagged \\Recent'],
    ]);
    const phone = finalDevice(imap, 'phone').messages;
    expect(phone.map((m) => [m.uid, m.subject, m.seen, m.flagged])).toEqual([
      [1, subjects[0], true, false],
      [2, subjects[1], false, false],
      [3, subjects[2], false, true],
      [4, 'Seminar moved to 3 pm', false, false],
    ]);
    // POP3 downloads the messages whole, and has no flags to download with them.
    const retr = pop3.frames.filter(
      (f) => f.intent === 0 && f.raw?.startsWith('+OK') && f.raw.includes('Subject:'),
    );
    expect(retr.map((f) => f.raw!.match(/\r\nSubject: (.*)\r\n/)![1])).toEqual(subjects);
    expect(retr[0]!.raw).toContain(
      '\r\n\r\nHere are my notes from the lab.\r\nThe POP3 part starts on page 2.\r\n',
    );
    expect(finalDevice(pop3, 'phone').messages.every((m) => !m.seen && !m.flagged)).toBe(true);
  });

  it('an empty list is an empty INBOX', () => {
    const empty = { ...story, accounts: [{ user: 'student', mailbox: { messages: [] } }] };
    const { pop3, imap } = runs(empty);
    expect(pop3.frames.some((f) => f.raw === '+OK 0 0\r\n')).toBe(true);
    expect(imap.frames.some((f) => f.raw === '* 0 EXISTS\r\n')).toBe(true);
  });

  it('count toward the limit of messages at the start, and are checked like newMail’s fields', () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ from: 'a@b.example', subject: `m${i}` }));
    expect(
      validateStory({ ...story, accounts: [{ user: 'student', mailbox: { messages: many } }] }),
    ).toMatchObject({ ok: false, problems: [{ path: 'accounts[0].mailbox' }] });
    const bad = {
      ...story,
      accounts: [{ user: 'student', mailbox: { messages: [{ from: 'nobody', subject: 'x' }] } }],
    };
    expect(validateStory(bad)).toMatchObject({
      ok: false,
      problems: [{ path: 'accounts[0].mailbox.messages[0].from' }],
    });
  });
});

describe('a link-speed change during the story (setLink)', () => {
  // The same story with the link left as it was: each setLink sets the starting values.
  const steady = {
    ...story,
    timeline: story.timeline.map((e: { type: string }) =>
      e.type === 'setLink' ? { ...e, latencyMs: 20, bytesPerMs: 1000 } : e,
    ),
  };

  it('makes the steps after it take longer on the timeline, and leaves the steps before it alone', () => {
    const slow = runs(story);
    const fast = runs(steady);
    for (const p of ['pop3', 'imap'] as const) {
      expect(duration(slow[p], 0), `${p}: the first sync`).toBe(duration(fast[p], 0));
      expect(duration(slow[p], 3), `${p}: the check on the slow link`).toBeGreaterThan(
        10 * duration(fast[p], 3),
      );
      // Back on the fast link, closing takes as long as it would have.
      expect(duration(slow[p], 5), `${p}: closing`).toBe(duration(fast[p], 5));
    }
  });

  it('every reply on the slow link comes at least a round trip (2 × 600 ms) after its command', () => {
    const { imap } = runs(story);
    const check = imap.frames.filter((f) => f.intent === 3 && f.direction !== 'none');
    const commands = check.filter((f) => f.direction === 'c2s');
    expect(commands.map((f) => f.raw)).toEqual([
      'a4 NOOP\r\n',
      'a5 UID FETCH 4:* (UID FLAGS RFC822.SIZE ENVELOPE)\r\n',
    ]);
    for (const command of commands) {
      const sent = command.t - (command.raw!.length / 2 + 600);
      const done = check.find(
        (f) => f.direction === 's2c' && f.raw!.startsWith(command.raw!.split(' ')[0]! + ' OK'),
      )!;
      expect(done.t - sent).toBeGreaterThanOrEqual(1200);
    }
  });

  it('a field not given keeps its value', () => {
    const latencyOnly = {
      ...story,
      timeline: story.timeline.map((e: { type: string }, i: number) =>
        i === 1 ? { type: 'setLink', device: 'phone', latencyMs: 600 } : e,
      ),
    };
    const { imap } = runs(latencyOnly);
    const noop = imap.frames.find((f) => f.raw === 'a4 NOOP\r\n')!;
    // The new 600 ms latency, and 9 octets at the kept 1000 octets/ms (at 2 octets/ms: 605; times are whole ms).
    expect(noop.t - imap.frames.filter((f) => f.intent === 2).at(-1)!.t).toBe(600);
  });

  it('is narrated, and a change that names nothing is refused', () => {
    const { pop3 } = runs(story);
    expect(pop3.frames.find((f) => f.intent === 1)!.narration).toBe(
      "The phone's link changes: 600 ms one way, 2 octets/ms (16 kbit/s).",
    );
    const empty = { ...story, timeline: [{ type: 'setLink', device: 'phone' }] };
    expect(validateStory(empty)).toMatchObject({ ok: false, problems: [{ path: 'timeline[0]' }] });
    const zero = { ...story, timeline: [{ type: 'setLink', device: 'phone', bytesPerMs: 0 }] };
    expect(validateStory(zero)).toMatchObject({ ok: false, problems: [{ path: 'timeline[0].bytesPerMs' }] });
  });
});
