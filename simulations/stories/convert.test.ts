import { describe, expect, it } from 'vitest';
import { variantsOf } from '../catalog';
import { DEFAULT_POP3_SETTINGS, imapSettingsOf, pop3SettingsOf } from '../client-settings';
import { SCENARIOS } from '../scenarios';
import { scenarioTimeline } from '../timeline';
import { scenarioToStory, storyToScenario } from './convert';
import { SEED_MESSAGE_COUNT, storyLimits } from './fields';
import { runStory } from './play';
import { validateStory } from './validate';

const everyRun = SCENARIOS.flatMap((s) => [
  [s.id, null] as const,
  ...variantsOf(s.id).map((v) => [s.id, v.id] as const),
]);

describe('built-in scenarios as stories', () => {
  it.each(everyRun)(
    '%s (variant %s): the story is valid JSON data and runs to the same timeline',
    (id, variant) => {
      const scenario = SCENARIOS.find((s) => s.id === id)!;
      const story = JSON.parse(JSON.stringify(scenarioToStory(scenario, variant)));
      const run = runStory(story);
      if (!run.ok) throw new Error(run.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
      expect(JSON.stringify(run.timeline)).toBe(JSON.stringify(scenarioTimeline(scenario, [], variant)));
      expect(run.scenario.title).toContain(scenario.title);
      expect(run.scenario.claim).toBe(scenario.claim);
    },
  );

  it('every device gets the same client settings from the story as from the scenario', () => {
    for (const [id, variant] of everyRun) {
      const scenario = SCENARIOS.find((s) => s.id === id)!;
      const setup = variant ? scenario.variants!.find((v) => v.id === variant)!.setup : scenario.setup;
      const back = storyToScenario(scenarioToStory(scenario, variant)).setup;
      setup.devices.forEach((d, i) => {
        expect(pop3SettingsOf(back, back.devices[i]!), `${id}/${variant}/${d.id}`).toEqual(
          pop3SettingsOf(setup, d),
        );
        expect(imapSettingsOf(back, back.devices[i]!), `${id}/${variant}/${d.id}`).toEqual(
          imapSettingsOf(setup, d),
        );
      });
    }
  });

  it('the variant’s label is in its story’s title, and prediction prompts come along', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'laptop-and-phone')!;
    expect(scenarioToStory(scenario, 'leave-copy').title).toBe(
      'Read on the phone, then open the laptop (POP3 clients: leave a copy on the server)',
    );
    expect(scenarioToStory(scenario).predictions?.[0]?.beforeIntent).toBe(2);
  });

  it('the validator’s POP3 default (no copy left) is the client’s', () => {
    expect(DEFAULT_POP3_SETTINGS.leaveCopy).toBe(false);
    const story = { ...scenarioToStory(SCENARIOS[0]!), pop3: { deleteAfterDays: 7 } };
    expect(validateStory(story)).toMatchObject({ ok: false, problems: [{ path: 'pop3.deleteAfterDays' }] });
  });
});

describe('storyToScenario', () => {
  const base = {
    version: 1,
    title: 'Two phones',
    summary: 'A story.',
    network: { latencyMs: 80 },
    devices: [
      { name: 'phone', kind: 'phone', network: { bytesPerMs: 50 } },
      { name: 'tablet', kind: 'phone', network: { latencyMs: 5 } },
    ],
    pop3: { leaveCopy: true },
    timeline: [{ type: 'openApp', device: 'phone' }],
    takeaways: ['The phone keeps its copy.'],
  };

  it('the story’s network is every device’s, and a device’s own overrides it', () => {
    const check = validateStory(base);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const scenario = storyToScenario(check.story);
    expect(scenario.setup.devices).toEqual([
      { id: 'phone', kind: 'phone', latencyMs: 80, bytesPerMs: 50 },
      { id: 'tablet', kind: 'phone', latencyMs: 5 },
    ]);
    expect(scenario.setup.pop3).toEqual({ ...DEFAULT_POP3_SETTINGS, leaveCopy: true });
    expect(scenario.id).toBe('story');
    expect(scenario.storyTakeaways).toEqual(['The phone keeps its copy.']);
    expect(scenario.takeaways({} as never)).toEqual([]);
  });

  it('runs: the phone’s link is slower than the tablet’s on the virtual clock', () => {
    const run = runStory({
      ...base,
      timeline: [
        { type: 'openApp', device: 'phone' },
        { type: 'openApp', device: 'tablet' },
      ],
    });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const frames = run.timeline.tracks.pop3;
    const span = (device: string) => {
      const own = frames.filter((f) => f.device === device && f.direction !== 'none');
      return own.at(-1)!.t - own[0]!.t;
    };
    expect(span('phone')).toBeGreaterThan(span('tablet'));
  });

  it('the seed the validator counts is the seed the runner puts in the INBOX', () => {
    const run = runStory({ ...base, timeline: [] });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const inbox = run.timeline.tracks.imap[0]!.server.accounts[0]!.mailboxes.find((b) => b.name === 'INBOX')!;
    expect(inbox.messages).toHaveLength(SEED_MESSAGE_COUNT);
  });

  // Two runs of about 5,000 steps each: give them time on a loaded machine.
  it(
    `stops a run at the entry where it passes ${storyLimits.steps} steps; the entries before it fit`,
    { timeout: 60_000 },
    () => {
      const story = {
        ...base,
        devices: [{ name: 'phone', kind: 'phone', pop3: { rememberUidls: false } }],
        timeline: [
          { type: 'openApp', device: 'phone' },
          ...Array(300).fill({ type: 'checkMail', device: 'phone' }),
        ],
      };
      const run = runStory(story);
      expect(run).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: expect.stringMatching(/^timeline\[\d+\]$/) }],
      });
      if (run.ok) return;
      expect(run.problems[0]!.message).toMatch(/^the story passes 5000 steps here/);
      const at = Number(/\d+/.exec(run.problems[0]!.path)![0]);
      const shorter = runStory({ ...story, timeline: story.timeline.slice(0, at) });
      if (!shorter.ok) throw new Error(JSON.stringify(shorter.problems));
      expect(shorter.timeline.steps.length).toBeLessThanOrEqual(storyLimits.steps);
      expect(shorter.timeline.steps.length).toBeGreaterThan(storyLimits.steps - 100);
    },
  );

  it('a refused story is not run', () => {
    expect(runStory({ ...base, devices: [] })).toMatchObject({ ok: false, kind: 'invalid' });
  });
});
