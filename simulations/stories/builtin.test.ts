import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { CATALOG, SCENARIO_IDS, variantsOf } from '../catalog';
import { PREDICTIONS } from '../predictions';
import { SCENARIOS } from '../scenarios';
import { scenarioTimeline } from '../timeline';
import { citationsIn, sectionExists } from '../../lib/explain/rfc-sections';
import { storyJsonSchema } from './json-schema';
import { runStory } from './play';
import { applyVariant } from './variants';
import { validateStory } from './validate';

const DIR = join(__dirname, 'builtin');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const read = (id: string) => JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8'));
/** Every string in a story file: the story's words are wherever its schema puts them. */
function textsOf(file: string): string[] {
  const texts: string[] = [];
  JSON.stringify(JSON.parse(readFileSync(join(DIR, file), 'utf8')), (_, v) => {
    if (typeof v === 'string') texts.push(v);
    return v;
  });
  return texts;
}
const schemaCheck = new Ajv2020({ allErrors: true, strict: false }).compile(storyJsonSchema());

describe('the built-in scenarios are story files (simulations/stories/builtin)', () => {
  it('one file per built-in, named after its id, in the catalog’s order', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...SCENARIO_IDS].sort());
    expect(CATALOG.map((c) => c.id)).toEqual([...SCENARIO_IDS]);
    expect(SCENARIOS.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    for (const id of SCENARIO_IDS) expect(read(id).id).toBe(id);
  });

  it('cites only RFC sections that exist, in every text a student reads (summary, notes, predictions, feedback)', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const text of textsOf(f))
        for (const c of citationsIn(text))
          if (!sectionExists(c)) bad.push(`${f}: RFC ${c.rfc} §${c.section}`);
    }
    expect(bad).toEqual([]);
  });

  // RFC 2177 §3, RFC 9051 §6.3.13: in IDLE the server "is now free to send" updates "at any time";
  // how soon is the server's. RFC 1939 §4: "an exclusive-access lock on the maildrop, as necessary
  // to prevent messages from being modified or removed before the session enters the UPDATE state".
  it('says how soon IDLE news comes as this server’s doing, and RFC 1939 §4’s lock as exclusive-access', () => {
    const faults: string[] = [];
    for (const f of files) {
      for (const text of textsOf(f))
        for (const sentence of text.split(/(?<=[.;:])\s/)) {
          const promptly = /\b(the moment|at once|instantly|immediately)\b/.test(sentence);
          if (/IDLE|idl(e|ing)\b/.test(sentence) && promptly && !/this server/.test(sentence))
            faults.push(`${f}: ${sentence}`);
          if (/RFC 1939 §4/.test(sentence) && /lock/.test(sentence) && !/exclusive-access/.test(sentence))
            faults.push(`${f}: ${sentence}`);
        }
    }
    expect(faults).toEqual([]);
  });

  it('names a webmail device webmail, so its narration never reads as a mail client’s (built-ins and docs/stories)', () => {
    const docs = join(__dirname, '../../docs/stories');
    const stories = [
      ...files.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8'))] as const),
      ...readdirSync(docs)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [`docs/stories/${f}`, JSON.parse(readFileSync(join(docs, f), 'utf8'))] as const),
    ];
    const misnamed = stories.flatMap(([file, story]) =>
      ((story.devices ?? []) as { name: string; kind?: string }[])
        .filter((d) => d.kind === 'webmail' && !/webmail/i.test(d.name))
        .map((d) => `${file}: ${d.name}`),
    );
    expect(misnamed).toEqual([]);
  });

  it('phone-after-a-week: the changes made in webmail are narrated as webmail’s in both columns', () => {
    for (const variant of [undefined, 'qresync']) {
      const timeline = scenarioTimeline(
        SCENARIOS.find((s) => s.id === 'phone-after-a-week')!,
        [],
        variant,
      );
      for (const frames of [timeline.tracks.pop3, timeline.tracks.imap]) {
        const notes = frames.map((f) => f.narration);
        expect(notes.filter((n) => /^The laptop/.test(n))).toEqual([]);
        expect(notes).toContain('Webmail: the user flags message 3.');
      }
    }
    expect(read('phone-after-a-week').summary).toMatch(
      /in webmail, the user flagged, read and deleted messages/,
    );
  });

  it('server-quota: the classmate’s account is not named like the student (Sam Student, whose seed mail is to student@)', () => {
    const [student, ...others] = read('server-quota').accounts as { user: string }[];
    expect(student!.user).toBe('student');
    for (const o of others) expect(o.user.toLowerCase()).not.toBe('sam');
    const timeline = scenarioTimeline(SCENARIOS.find((s) => s.id === 'server-quota')!);
    const notes = [...timeline.tracks.pop3, ...timeline.tracks.imap].map((f) => f.narration);
    expect(notes.filter((n) => /\bsam\b/i.test(n))).toEqual([]);
    expect(notes.some((n) => /lies in kim's own INBOX/.test(n))).toBe(true);
  });

  it.each([...SCENARIO_IDS])('%s is a valid story, for the validator and the JSON Schema', (id) => {
    const check = validateStory(read(id));
    expect(check.ok ? [] : check.problems).toEqual([]);
    expect(schemaCheck(read(id)), JSON.stringify(schemaCheck.errors)).toBe(true);
  });

  it.each([...SCENARIO_IDS])(
    '%s: the catalog, the prediction prompts and the scenario come from the file',
    (id) => {
      const story = read(id);
      const scenario = SCENARIOS.find((s) => s.id === id)!;
      expect(CATALOG.find((c) => c.id === id)).toMatchObject({ title: story.title, claim: story.summary });
      expect(scenario.title).toBe(story.title);
      expect(scenario.claim).toBe(story.summary);
      expect(scenario.intents).toEqual(story.timeline);
      expect(variantsOf(id)).toEqual(
        (story.variants ?? []).map((v: { id: string; label: string }) => ({ id: v.id, label: v.label })),
      );
      expect(PREDICTIONS[id]).toEqual(story.predictions);
    },
  );

  const runs = SCENARIO_IDS.flatMap((id) => [
    [id, null] as const,
    ...variantsOf(id).map((v) => [id, v.id] as const),
  ]);
  it.each(runs)(
    '%s (variant %s): the file, played as any story is, gives the built-in’s timeline',
    (id, variant) => {
      const check = validateStory(read(id));
      if (!check.ok) throw new Error(JSON.stringify(check.problems));
      const story = variant ? applyVariant(check.story, variant) : check.story;
      const run = runStory(story);
      if (!run.ok) throw new Error(JSON.stringify(run.problems));
      const scenario = SCENARIOS.find((s) => s.id === id)!;
      expect(JSON.stringify(run.timeline)).toBe(JSON.stringify(scenarioTimeline(scenario, [], variant)));
    },
  );
});
