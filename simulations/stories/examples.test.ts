import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../scenario';
import { afterIntent, finalDevice, serverInbox } from '../scenarios/helpers';
import { results } from '../timeline';
import { runStory } from './play';
import { parseStoryText } from './validate';

const DIR = join(__dirname, '../../docs/stories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

/** Runs an example story, failing with its problems if it is refused. */
function run(file: string): { pop3: RunResult; imap: RunResult } {
  const check = parseStoryText(readFileSync(join(DIR, file), 'utf8'));
  if (!check.ok) throw new Error(check.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const story = runStory(check.story);
  if (!story.ok) throw new Error(story.problems.map((p) => p.message).join('\n'));
  return results(story.timeline);
}

const uids = (messages: readonly { uid: number }[]) => messages.map((m) => m.uid);
const sent = (runResult: RunResult, intent: number, pattern: RegExp) =>
  runResult.frames.filter((f) => f.intent === intent && f.direction === 'c2s' && pattern.test(f.raw ?? ''));

describe('docs/stories', () => {
  it('holds at least three examples, each named after its id', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files)
      expect(JSON.parse(readFileSync(join(DIR, file), 'utf8')).id).toBe(file.replace(/\.json$/, ''));
  });

  it.each(files)('%s is valid and runs in both columns, each entry showing something', (file) => {
    const runs = run(file);
    const entries = JSON.parse(readFileSync(join(DIR, file), 'utf8')).timeline.length;
    for (const r of [runs.pop3, runs.imap])
      expect(new Set(r.frames.map((f) => f.intent))).toEqual(
        new Set(Array.from({ length: entries + 1 }, (_, i) => i - 1)),
      );
  });
});

// Each example's takeaways are the author's words; here they are checked against the runs.
describe('what the examples say is what happens', () => {
  it('phone-and-laptop-pop3: the laptop takes the new mail before the phone sees it', () => {
    const { pop3, imap } = run('phone-and-laptop-pop3.json');
    expect(serverInbox(afterIntent(pop3, 3))).toEqual([]);
    expect(sent(pop3, 2, /^DELE /)).toHaveLength(6);
    expect(uids(finalDevice(pop3, 'laptop').messages)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(uids(finalDevice(pop3, 'phone').messages)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(finalDevice(imap, 'phone').messages).toHaveLength(7);
    expect(finalDevice(imap, 'laptop').messages).toHaveLength(7);
  });

  it('classroom-remove-after-days: the copies stay for the week, then the client DELEs them', () => {
    const { pop3, imap } = run('classroom-remove-after-days.json');
    expect(sent(pop3, 0, /^DELE /)).toEqual([]);
    expect(sent(pop3, 3, /^(RETR|DELE) /)).toEqual([]);
    expect(serverInbox(afterIntent(pop3, 4))).toHaveLength(6);
    expect(sent(pop3, 6, /^DELE /)).toHaveLength(6);
    expect(serverInbox(pop3.last)).toEqual([]);
    expect(finalDevice(pop3, 'laptop').messages).toHaveLength(6);
    expect(serverInbox(imap.last)).toHaveLength(6);
  });

  it('drop-at-a-step: nothing deleted without QUIT, the lock, then only what is missing', () => {
    const { pop3, imap } = run('drop-at-a-step.json');
    expect(sent(pop3, 1, /^RETR /)).toHaveLength(3);
    expect(sent(pop3, 1, /^(DELE|QUIT)/)).toEqual([]);
    expect(serverInbox(afterIntent(pop3, 1))).toHaveLength(6);
    expect(pop3.frames.some((f) => f.intent === 2 && /^-ERR \[IN-USE\]/.test(f.raw ?? ''))).toBe(true);
    expect(sent(pop3, 4, /^RETR /).map((f) => f.raw)).toEqual(['RETR 4\r\n', 'RETR 5\r\n', 'RETR 6\r\n']);
    expect(serverInbox(pop3.last)).toEqual([]);
    expect(sent(imap, 1, /BODY\.PEEK\[\]/)).toEqual([]);
    expect(sent(imap, 2, /BODY\.PEEK\[\]/)).toHaveLength(1);
    expect(finalDevice(imap, 'phone').messages.filter((m) => m.hasBody)).toHaveLength(6);
    expect(serverInbox(imap.last)).toHaveLength(6);
  });

  it('train-commute: the listed mail syncs, read marks travel only over IMAP, and the slow link costs seconds', () => {
    const { pop3, imap } = run('train-commute.json');
    const subjects = ["Notes from Tuesday's lab", 'Exam room changed to B12', 'Lunch on Friday?'];
    for (const r of [pop3, imap])
      expect(
        afterIntent(r, 0)
          .devices[0]!.messages.map((m) => m.subject)
          .slice(0, 3),
      ).toEqual(subjects);
    expect(finalDevice(imap, 'phone').messages[0]!.seen).toBe(true);
    expect(finalDevice(pop3, 'phone').messages[0]!.seen).toBe(false);
    const took = (r: RunResult, intent: number) => {
      const ts = r.frames.filter((f) => f.intent === intent).map((f) => f.t);
      return Math.max(...ts) - Math.min(...ts);
    };
    for (const r of [pop3, imap]) {
      expect(took(r, 0)).toBeLessThan(1000);
      expect(took(r, 3)).toBeGreaterThan(2000);
      const check = r.frames.filter((f) => f.intent === 3 && f.direction !== 'none');
      check.forEach((f, i) => {
        if (f.direction === 'c2s') expect(check[i + 1]!.t - f.t).toBeGreaterThanOrEqual(600);
      });
    }
  });
});
