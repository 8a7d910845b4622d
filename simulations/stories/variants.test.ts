import { describe, expect, it } from 'vitest';
import { storyToScenario } from './convert';
import { applyVariant } from './variants';
import { validateStory } from './validate';

const base = {
  version: 1,
  title: 'Leave a copy?',
  summary: 'The same laptop, with and without "leave a copy on the server".',
  devices: [{ name: 'laptop', kind: 'laptop' }],
  timeline: [{ type: 'openApp', device: 'laptop' }],
  variants: [
    { id: 'leave-copy', label: 'POP3 client: leave a copy on the server', pop3: { leaveCopy: true } },
  ],
};

describe('a story’s variants', () => {
  it('replace the fields they name, keep the rest, and become the scenario’s variants', () => {
    const check = validateStory(base);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const told = applyVariant(check.story, 'leave-copy');
    expect(told.pop3).toEqual({ leaveCopy: true });
    expect(told.timeline).toEqual(base.timeline);
    expect(told.variants).toBeUndefined();
    const scenario = storyToScenario(check.story);
    expect(scenario.setup.pop3).toBeUndefined();
    expect(scenario.variants?.map((v) => [v.id, v.setup.pop3?.leaveCopy])).toEqual([['leave-copy', true]]);
  });

  it('are refused when an id is given twice or a variant replaces nothing', () => {
    const twice = { ...base, variants: [...base.variants, { ...base.variants[0], security: 'starttls' }] };
    expect(validateStory(twice)).toMatchObject({ ok: false, problems: [{ path: 'variants[1].id' }] });
    const nothing = { ...base, variants: [{ id: 'same', label: 'Nothing changes' }] };
    expect(validateStory(nothing)).toMatchObject({
      ok: false,
      problems: [{ path: 'variants[0]', message: expect.stringMatching(/^replaces nothing/) }],
    });
  });

  it('are checked as whole stories: a device the timeline needs must be in the variant’s devices', () => {
    const phoneOnly = {
      ...base,
      variants: [{ id: 'phone', label: 'On a phone', devices: [{ name: 'phone', kind: 'phone' }] }],
    };
    expect(validateStory(phoneOnly)).toEqual({
      ok: false,
      problems: [
        { path: 'variants[0]', message: 'timeline[0].device: no device "laptop" (devices: "phone")' },
      ],
    });
    const orphanSetting = {
      ...base,
      variants: [{ id: 'days', label: 'Remove after 7 days', pop3: { deleteAfterDays: 7 } }],
    };
    expect(validateStory(orphanSetting)).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'variants[0]',
          message: expect.stringMatching(/^pop3\.deleteAfterDays: has an effect only with leaveCopy/),
        },
      ],
    });
  });
});
