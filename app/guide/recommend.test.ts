import { describe, expect, it } from 'vitest';
import { findScenario } from '@/simulations/scenarios';
import { commandLine, locateStep } from '@/simulations/step-link';
import { results, scenarioTimeline, type Timeline } from '@/simulations/timeline';
import { guideLinks, NUANCES, REASONS, recommend } from './recommend';

const cache = new Map<string, Timeline>();
const timelineOf = (id: string) => {
  if (!cache.has(id)) cache.set(id, scenarioTimeline(findScenario(id)!));
  return cache.get(id)!;
};

describe('which should I choose?', () => {
  it.each([
    ['nothing answered', {}, 'Either'],
    ['one computer, offline, small quota', { devices: 'one', offline: 'yes', storage: 'small' }, 'POP3'],
    [
      'several devices, even with a small quota',
      { devices: 'several', storage: 'small', offline: 'yes' },
      'IMAP',
    ],
    ['a shared mailbox', { devices: 'one', shared: 'yes' }, 'IMAP'],
    ['a slow link on one computer', { devices: 'one', link: 'slow' }, 'Either'],
    ['a flaky link on one computer', { devices: 'one', link: 'flaky' }, 'POP3'],
    ['a slow link alone', { link: 'slow' }, 'IMAP'],
    ['one inbox for several accounts: a client feature', { merge: 'yes' }, 'Either'],
    ['security: neither protocol', { security: 'yes' }, 'Either'],
  ] as const)('%s → %s', (_, answers, verdict) => {
    expect(recommend(answers).verdict).toBe(verdict);
  });

  it('never answers a flaky link with IMAP: that is where IMAP without offline copies fails', () => {
    const reasons = recommend({ link: 'flaky' }).reasons;
    expect(reasons.map((r) => r.favours)).not.toContain('IMAP');
    expect(reasons[0]!.client).toMatch(/offline copies/);
  });

  it('tells a reader who asks about security that it favours neither protocol, with RFC 8314', () => {
    for (const security of ['yes', 'no']) {
      const [reason] = recommend({ security }).reasons;
      expect(reason).toMatchObject({ favours: 'Neither' });
      expect(reason!.protocol).toMatch(/RFC 8314 §3/);
    }
  });

  it('says who decides each reason: the protocol with its RFC section, and the client or the server', () => {
    for (const r of [...Object.values(REASONS)]) {
      expect(r.protocol, r.id).toMatch(/RFC \d{3,4} §\d/);
      expect('client' in r || 'server' in r, r.id).toBe(true);
    }
  });

  it.each(guideLinks().map((l) => [l.id, l.link] as const))(
    'the %s link finds the step of its scenario that shows it',
    (_, link) => {
      expect(locateStep(timelineOf(link.scenario), link)).not.toBeNull();
    },
  );

  it('one computer: after the POP3 run, that computer holds the only copy', () => {
    const { pop3 } = results(timelineOf(REASONS.one.link.scenario));
    const inbox = pop3.last.server.accounts[0]!.mailboxes.find((m) => m.name === 'INBOX')!;
    expect(inbox.messages).toHaveLength(0);
    expect(pop3.last.devices[0]!.messages.every((m) => m.hasBody)).toBe(true);
  });

  it('a slow link: IMAP moves fewer bytes than POP3 in the scenario it links to', () => {
    const { pop3, imap } = results(timelineOf(REASONS.slow.link.scenario));
    expect(imap.last.metrics.bytesDown).toBeLessThan(pop3.last.metrics.bytesDown);
  });

  it('offline: the linked IMAP client cannot open an unfetched message, and the POP3 client can', () => {
    const timeline = timelineOf(REASONS.offline.link.scenario);
    const { pop3 } = results(timeline);
    const unopened = timeline.intents.findLast((i) => i.type === 'openMessage');
    expect(unopened).toBeDefined();
    const device = pop3.last.devices.find((d) => 'device' in unopened! && d.id === unopened.device)!;
    expect(device.online).toBe(false);
    expect(device.messages.every((m) => m.hasBody)).toBe(true);
  });

  it('security: the scenario shows both protocols logging in with a password, which only TLS protects', () => {
    const timeline = timelineOf(REASONS.security.link.scenario);
    expect(timeline.tracks.pop3.some((f) => commandLine(f)?.startsWith('PASS '))).toBe(true);
    expect(timeline.tracks.imap.some((f) => commandLine(f)?.startsWith('LOGIN '))).toBe(true);
  });

  it('every nuance names the scenario step that shows it', () => {
    expect(NUANCES.length).toBeGreaterThan(0);
    for (const n of NUANCES) expect(locateStep(timelineOf(n.link.scenario), n.link), n.id).not.toBeNull();
  });
});
