import { describe, expect, it } from 'vitest';
import { isScenarioId } from './catalog';
import { CLAIMS } from './claims';
import { findScenario } from './scenarios';
import { locateStep, stepHref } from './step-link';
import { scenarioTimeline, seek, type Timeline } from './timeline';

const timelines = new Map<string, Timeline>();
function timelineOf(id: string): Timeline {
  let timeline = timelines.get(id);
  if (!timeline) {
    const scenario = findScenario(id);
    if (!scenario) throw new Error(`no scenario ${id}`);
    timeline = scenarioTimeline(scenario);
    timelines.set(id, timeline);
  }
  return timeline;
}

describe('common claims, checked', () => {
  it.each(CLAIMS.map((c) => [c.id, c] as const))('%s links to a real step that shows it', (_, claim) => {
    const timeline = timelineOf(claim.link.scenario);
    const located = locateStep(timeline, claim.link);
    expect(located, `no frame of ${claim.link.scenario} matches "${claim.link.shows}"`).not.toBeNull();
    // Opening the link shows that very frame in the claim's column.
    const shown = seek(timeline, located!.step)[claim.link.protocol];
    expect(shown).toBe(located!.frame);
    expect(shown.narration.length).toBeGreaterThan(0);
    const url = new URL(stepHref(claim.link.scenario, located!.step), 'http://lab.test');
    expect(url.pathname).toBe('/');
    expect(isScenarioId(url.searchParams.get('scenario')!)).toBe(true);
    expect(Number(url.searchParams.get('step'))).toBe(located!.step);
  });

  it.each(CLAIMS.map((c) => [c.id, c] as const))(
    '%s gives one sentence of why with an RFC section',
    (_, c) => {
      expect(c.why).toMatch(/RFC \d{3,4} §\d/);
      expect(c.why.trim().split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(1);
      expect(c.decidedBy.length).toBeGreaterThan(0);
    },
  );

  it('calls the POP3 one-session lock server policy, not protocol alone (RFC 1939 §4: an exclusive-access lock, as needed)', () => {
    const lockTalk = CLAIMS.filter((c) => /lock|\[IN-USE\]/.test(c.why));
    expect(lockTalk.map((c) => c.id)).toEqual(
      expect.arrayContaining(['pop-one-device', 'imap-many-devices']),
    );
    for (const c of lockTalk) {
      expect(c.why, c.id).not.toMatch(/server (admits|locks the maildrop to) one session/);
      expect(c.why, c.id).toMatch(/many (POP3 )?servers admit one session at a time/);
    }
    expect(CLAIMS.find((c) => c.id === 'pop-one-device')!.decidedBy).toContain('server policy');
  });

  it('gives every claim its own anchor', () => {
    const ids = CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it('finds nothing when the predicate matches no frame', () => {
    const timeline = timelineOf('one-laptop');
    expect(
      locateStep(timeline, { ...CLAIMS[0]!.link, scenario: 'one-laptop', find: () => false }),
    ).toBeNull();
  });
});
