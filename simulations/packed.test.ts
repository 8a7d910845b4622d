import { describe, expect, it } from 'vitest';
import { packTimeline, unpackTimeline } from './packed';
import { SCENARIOS } from './scenarios';
import { scenarioTimeline } from './timeline';

describe('packed timelines', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s survives JSON and comes back identical',
    (_, scenario) => {
      const timeline = scenarioTimeline(scenario);
      const json = JSON.stringify(packTimeline(timeline));
      expect(unpackTimeline(JSON.parse(json))).toEqual(timeline);
    },
  );

  it('stores each distinct snapshot once, so a long scenario stays small', () => {
    const timeline = scenarioTimeline(SCENARIOS.find((s) => s.id === 'headers-first')!);
    const packed = packTimeline(timeline);
    const frames = timeline.tracks.pop3.length + timeline.tracks.imap.length;
    expect(packed.servers.length).toBeLessThan(frames / 2);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(timeline).length / 4);
  });

  it('refuses data of another format', () => {
    expect(() => unpackTimeline({ format: 'other' } as never)).toThrow(/Unknown timeline format/);
  });
});
