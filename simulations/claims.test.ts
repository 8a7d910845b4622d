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

describe('claims read against the RFC text', () => {
  const claim = (id: string) => CLAIMS.find((c) => c.id === id)!;

  // RFC 9051 §6.4.1 is CLOSE; §6.4.2 is UNSELECT, which expunges nothing (RFC 3501's CLOSE is §6.4.2).
  it('IMAP’s CLOSE is cited as RFC 9051 §6.4.1, with RFC 3501’s number named as IMAP4rev1’s', () => {
    expect(claim('imap-deletes-at-once').why).toMatch(
      /RFC 9051 §6\.4\.6, §6\.4\.3, §6\.4\.1; in IMAP4rev1, RFC 3501 §6\.4\.6, §6\.4\.3, §6\.4\.2/,
    );
  });

  // RFC 9051, abstract: "IMAP4rev2 also provides the capability for an offline client to
  // resynchronize with the server." Keeping offline copies is the client's setting.
  it('“IMAP is only for a stable connection” is false: the protocol serves offline clients', () => {
    const c = claim('imap-stable-link');
    expect(c.verdict).toBe('false');
    expect(c.decidedBy).toEqual(['client setting']);
    expect(c.why).toMatch(/resynchronize with the server/);
  });

  // RFC 9051 §6.1.1: "Client and server implementations MUST implement the STARTTLS ... and
  // LOGINDISABLED capabilities on cleartext ports"; POP3's STLS is an extension (RFC 2595 §4).
  it('security: IMAP4rev2 requires STARTTLS support, POP3’s STLS is optional', () => {
    expect(claim('imap-more-secure').why).toMatch(
      /RFC 9051 §6\.1\.1, where POP3’s STLS is an optional extension/,
    );
  });
});
