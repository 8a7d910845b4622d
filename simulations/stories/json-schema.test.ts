import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GET } from '../../app/story.schema.json/route';
import { variantsOf } from '../catalog';
import { SCENARIOS } from '../scenarios';
import { wellFormedStory } from './arbitrary';
import { scenarioToStory } from './convert';
import { storyJsonSchema } from './json-schema';
import { validateStory } from './validate';

const schema = storyJsonSchema();
const check = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const EXAMPLES = join(__dirname, '../../docs/stories');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8'))] as const);

describe('/story.schema.json', () => {
  it('is what the route serves, as JSON Schema 2020-12', async () => {
    const response = GET();
    expect(response.headers.get('content-type')).toBe('application/schema+json');
    expect(await response.json()).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(examples)('accepts the example %s', (_file, story) => {
    expect(check(story), JSON.stringify(check.errors)).toBe(true);
  });

  it('accepts every built-in scenario and variant as a story', () => {
    for (const s of SCENARIOS)
      for (const v of [null, ...variantsOf(s.id).map((x) => x.id)]) {
        const story = JSON.parse(JSON.stringify(scenarioToStory(s, v)));
        expect(check(story), `${s.id}/${v}: ${JSON.stringify(check.errors)}`).toBe(true);
      }
  });

  const [, example] = examples[0]!;
  it('accepts the server events (restartServer, fillQuota) and refuses them with a stray field', () => {
    const events = [
      { type: 'restartServer' },
      { type: 'fillQuota' },
      { type: 'fillQuota', account: 'student' },
    ];
    expect(check({ ...example, timeline: events }), JSON.stringify(check.errors)).toBe(true);
    expect(check({ ...example, timeline: [{ type: 'restartServer', device: 'laptop' }] })).toBe(false);
    expect(check({ ...example, timeline: [{ type: 'fillQuota', bytes: 10 }] })).toBe(false);
  });
  it.each([
    ['a setting of the wrong type', { ...example, pop3: { leaveCopy: 'yes' } }, '/pop3/leaveCopy'],
    ['an unknown field', { ...example, colour: 'blue' }, ''],
    ['an unknown intent', { ...example, timeline: [{ type: 'reboot', device: 'laptop' }] }, '/timeline/0'],
    [
      'a header with a line break',
      { ...example, timeline: [{ type: 'newMail', subject: 'a\r\nb', from: 'a@b.example' }] },
      '/timeline/0',
    ],
    [
      'seven devices',
      { ...example, devices: Array.from({ length: 7 }, (_, i) => ({ name: `d${i}`, kind: 'phone' })) },
      '/devices',
    ],
    ['2,001 entries', { ...example, timeline: Array(2001).fill({ type: 'wait', ms: 1 }) }, '/timeline'],
    ['no version', { ...example, version: undefined }, ''],
  ])('rejects %s', (_name, story, at) => {
    expect(check(JSON.parse(JSON.stringify(story)))).toBe(false);
    expect(check.errors!.map((e) => e.instancePath)).toContain(at);
  });

  it('agrees with the validator: what the validator accepts, the schema accepts; what the schema rejects, the validator rejects', () => {
    const mangled = wellFormedStory.chain((story) =>
      fc.oneof(
        fc.constant(story),
        fc
          .record({ key: fc.constantFrom(...Object.keys(story)), value: fc.jsonValue() })
          .map(({ key, value }) => ({ ...story, [key]: value })),
        fc.record({ i: fc.nat(), value: fc.jsonValue() }).map(({ i, value }) => ({
          ...story,
          timeline: story.timeline.map((e, j) =>
            j === i % Math.max(1, story.timeline.length) ? { ...e, ...(value as object) } : e,
          ),
        })),
      ),
    );
    fc.assert(
      fc.property(mangled, (story) => {
        const accepted = validateStory(story).ok;
        if (accepted) expect(check(story)).toBe(true);
        if (!check(story)) expect(accepted).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
