import { describe, expect, it } from 'vitest';
import { applyLiveEvent, EMPTY_MODEL, LINES_PER_SESSION, SESSIONS_SHOWN } from './live-model';

const line = (seq: number) => ({
  seq,
  direction: 'c2s' as const,
  text: `a${seq} NOOP\r\n`,
  bytes: 10,
  command: 'NOOP',
  outcome: null,
  state: 'Authenticated',
  explanation: null,
  rfc: null,
  masked: false,
  tls: false,
});
const session = (id: number, open = true) => ({
  id,
  protocol: 'imap' as const,
  client: `127.0.0.1:${40000 + id}`,
  state: 'Not Authenticated',
  open,
  lines: [],
});

describe('live model', () => {
  it('adds sessions and their lines, in order', () => {
    let m = applyLiveEvent(EMPTY_MODEL, { type: 'session', session: session(2) });
    m = applyLiveEvent(m, { type: 'session', session: session(1) });
    m = applyLiveEvent(m, { type: 'line', session: 2, line: line(1) });
    expect(m.sessions.map((s) => s.id)).toEqual([1, 2]);
    expect(m.sessions[1]!.lines).toHaveLength(1);
    expect(m.sessions[1]!.state).toBe('Authenticated');
  });

  it('keeps at most the last lines of a session', () => {
    let m = applyLiveEvent(EMPTY_MODEL, { type: 'session', session: session(1) });
    for (let i = 0; i < LINES_PER_SESSION + 30; i++)
      m = applyLiveEvent(m, { type: 'line', session: 1, line: line(i) });
    expect(m.sessions[0]!.lines).toHaveLength(LINES_PER_SESSION);
    expect(m.sessions[0]!.lines[0]!.seq).toBe(30);
  });

  it('drops the oldest closed sessions beyond the limit, never open ones', () => {
    let m = EMPTY_MODEL;
    for (let i = 1; i <= SESSIONS_SHOWN + 10; i++)
      m = applyLiveEvent(m, { type: 'session', session: session(i, i > 20) });
    expect(m.sessions).toHaveLength(SESSIONS_SHOWN);
    expect(m.sessions.filter((s) => s.open)).toHaveLength(SESSIONS_SHOWN + 10 - 20);
  });

  it('a session update keeps the lines already received', () => {
    let m = applyLiveEvent(EMPTY_MODEL, { type: 'session', session: session(1) });
    m = applyLiveEvent(m, { type: 'line', session: 1, line: line(1) });
    m = applyLiveEvent(m, { type: 'session', session: { ...session(1, false), state: 'Logout' } });
    expect(m.sessions[0]).toMatchObject({ open: false, state: 'Logout' });
    expect(m.sessions[0]!.lines).toHaveLength(1);
  });
});
