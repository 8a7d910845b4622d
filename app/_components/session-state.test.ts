import { describe, expect, it } from 'vitest';
import { smtpStateWords } from '@/lib/smtp/state-words';
import { SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import type { Frame, Protocol } from '@/simulations/types';
import { sessionState } from './session-state';

const track = (id: string, protocol: Protocol): readonly Frame[] =>
  scenarioTimeline(SCENARIOS.find((s) => s.id === id)!).tracks[protocol];

describe('sessionState', () => {
  it.each([
    ['one-laptop', 'pop3', /^\+OK/],
    ['phone-after-a-week', 'imap', /^a\d+ OK/],
    ['send-from-phone', 'pop3', /^221 /],
  ] as const)(
    '%s %s: the reply to QUIT or LOGOUT shows its state; after it, the session is closed',
    (id, protocol, reply) => {
      const frames = track(id, protocol);
      const closing = frames.find(
        (f) =>
          f.direction === 's2c' && /^(QUIT|LOGOUT)$/i.test(f.command ?? '') && reply.test(f.display ?? ''),
      )!;
      expect(closing).toBeDefined();
      // An SMTP session is named as such: the column is POP3's or IMAP's.
      const smtp = closing.wire === 'smtp' ? 'SMTP ' : '';
      expect(sessionState(frames, closing)).toBe(
        `${smtp}${smtp ? smtpStateWords(closing.stateAfter!) : closing.stateAfter} (${closing.device})`,
      );
      const next = frames[closing.step + 1]!;
      if (!next.stateAfter) expect(sessionState(frames, next)).toBe(`${smtp}closed (${closing.device})`);
    },
  );

  it('names the state after the latest line while a session is open, and nothing before the first', () => {
    const frames = track('one-laptop', 'pop3');
    expect(sessionState(frames, frames[0]!)).toBeNull();
    const retr = frames.find((f) => f.command === 'RETR' && f.direction === 's2c')!;
    expect(sessionState(frames, retr)).toBe('TRANSACTION (laptop)');
  });

  it('names the account too when a device has two, whose sessions interleave', () => {
    const frames = track('two-accounts', 'pop3');
    const quit = frames.find((f) => f.account === 'work' && f.command === 'QUIT' && f.direction === 's2c')!;
    expect(sessionState(frames, quit)).toBe('UPDATE (laptop, work)');
    // The student session goes on deleting: its state, named by its account.
    expect(sessionState(frames, frames[quit.step + 1]!)).toBe('TRANSACTION (laptop, student)');
  });

  it.each(['pop3', 'imap'] as const)(
    'send-from-phone %s: while the phone sends, the line names SMTP, not the column’s protocol',
    (protocol) => {
      const frames = track('send-from-phone', protocol);
      const mail = frames.find((f) => f.wire === 'smtp' && f.direction === 's2c' && f.command === 'MAIL')!;
      expect(sessionState(frames, mail)).toBe('SMTP after MAIL FROM (phone)');
      // Once SMTP has closed: IMAP's phone session, open all along (it idles), is named again at
      // once; POP3's phone had ended its session before sending, so the line says SMTP closed.
      const quit = frames.find((f) => f.wire === 'smtp' && f.direction === 's2c' && f.command === 'QUIT')!;
      const after = frames[quit.step + 1]!;
      expect(sessionState(frames, after)).toBe(
        protocol === 'imap' ? 'Selected (phone)' : 'SMTP closed (phone)',
      );
    },
  );

  it('never shows an SMTP state by the engine’s name, in any story (RFC 5321 names none)', () => {
    const raw = /\b(Connected|Ready|Mail|Rcpt|Data)\b/;
    let checked = 0;
    for (const scenario of SCENARIOS)
      for (const protocol of ['pop3', 'imap'] as const) {
        const frames = scenarioTimeline(scenario).tracks[protocol];
        for (const f of frames) {
          if (f.wire !== 'smtp') continue;
          expect(sessionState(frames, f) ?? '', `${scenario.id} ${protocol} step ${f.step}`).not.toMatch(raw);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(10);
  });
});
