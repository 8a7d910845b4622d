import { describe, expect, it } from 'vitest';
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
      expect(sessionState(frames, closing)).toBe(`${closing.stateAfter} (${closing.device})`);
      const next = frames[closing.step + 1]!;
      if (!next.stateAfter) expect(sessionState(frames, next)).toBe(`closed (${closing.device})`);
    },
  );

  it('names the state after the latest line while a session is open, and nothing before the first', () => {
    const frames = track('one-laptop', 'pop3');
    expect(sessionState(frames, frames[0]!)).toBeNull();
    const retr = frames.find((f) => f.command === 'RETR' && f.direction === 's2c')!;
    expect(sessionState(frames, retr)).toBe('TRANSACTION (laptop)');
  });
});
