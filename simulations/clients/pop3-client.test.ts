import { describe, expect, it } from 'vitest';
import { runTrack } from '../timeline';
import type { Intent, ScenarioSetup } from '../types';

const commands = (frames: ReturnType<typeof runTrack>, intent: number) =>
  frames.filter((f) => f.intent === intent && f.direction === 'c2s').map((f) => (f.display ?? '').trim());

describe('POP3 client', () => {
  const sync: Intent = { type: 'openApp', device: 'laptop' };
  const check: Intent = { type: 'checkMail', device: 'laptop' };

  it('downloads everything and deletes it by default', () => {
    const frames = runTrack('pop3', { devices: [{ id: 'laptop', kind: 'laptop' }] }, [sync]);
    expect(commands(frames, 0)).toEqual([
      'CAPA',
      'USER student',
      'PASS ********',
      'STAT',
      'LIST',
      'UIDL',
      'RETR 1',
      'RETR 2',
      'RETR 3',
      'RETR 4',
      'RETR 5',
      'RETR 6',
      'DELE 1',
      'DELE 2',
      'DELE 3',
      'DELE 4',
      'DELE 5',
      'DELE 6',
      'QUIT',
    ]);
  });

  it('with STARTTLS, learns STLS from CAPA first, and asks CAPA again inside TLS (RFC 2595 §4)', () => {
    const setup: ScenarioSetup = { devices: [{ id: 'laptop', kind: 'laptop' }], security: 'starttls' };
    const frames = runTrack('pop3', setup, [sync]);
    expect(commands(frames, 0).slice(0, 5)).toEqual([
      'CAPA',
      'STLS',
      'CAPA',
      'USER student',
      'PASS ********',
    ]);
    const replies = frames.filter((f) => f.intent === 0 && f.direction === 's2c').map((f) => f.display ?? '');
    // Greeting, then CAPA's list (STLS offered), STLS's go-ahead, and CAPA's list inside TLS (no STLS).
    expect(replies[1]).toMatch(/^\+OK[^\r]*\r\n(?:[^\r]*\r\n)*STLS\r\n/);
    expect(replies[2]).toMatch(/^\+OK Begin TLS/);
    expect(replies[3]).toMatch(/^\+OK/);
    expect(replies[3]).not.toMatch(/\r\nSTLS\r\n/);
    // The go-ahead's explanation says the client asks CAPA "again": true now that it asked before.
    const goAhead = frames.find((f) => f.intent === 0 && /^\+OK Begin TLS/.test(f.display ?? ''))!;
    expect(goAhead.explanation).toMatch(/asks CAPA again/);
  });

  it('with "leave a copy", remembers UIDLs and downloads nothing twice', () => {
    const setup: ScenarioSetup = { devices: [{ id: 'laptop', kind: 'laptop' }], pop3: { leaveCopy: true } };
    const frames = runTrack('pop3', setup, [
      sync,
      { type: 'newMail', subject: 'Hi', from: 'a@b.example' },
      check,
    ]);
    expect(commands(frames, 0).filter((c) => c.startsWith('DELE'))).toEqual([]);
    expect(commands(frames, 2)).toEqual([
      'CAPA',
      'USER student',
      'PASS ********',
      'STAT',
      'LIST',
      'UIDL',
      'RETR 7',
      'QUIT',
    ]);
  });

  it('with "remove from server after 7 days", deletes what it downloaded a week ago', () => {
    const setup: ScenarioSetup = {
      devices: [{ id: 'laptop', kind: 'laptop' }],
      pop3: { leaveCopy: true, deleteAfterDays: 7 },
    };
    const frames = runTrack('pop3', setup, [
      sync,
      { type: 'wait', ms: 6 * 86_400_000 },
      check,
      { type: 'wait', ms: 86_400_000 },
      check,
    ]);
    expect(commands(frames, 2).filter((c) => c.startsWith('DELE'))).toEqual([]);
    expect(commands(frames, 4).filter((c) => c.startsWith('DELE'))).toEqual([
      'DELE 1',
      'DELE 2',
      'DELE 3',
      'DELE 4',
      'DELE 5',
      'DELE 6',
    ]);
    expect(frames.at(-1)!.metrics.serverMessages).toBe(0);
  });

  it('keeps reading, flagging and deleting on the device: nothing goes on the wire', () => {
    const frames = runTrack('pop3', { devices: [{ id: 'laptop', kind: 'laptop' }] }, [
      sync,
      { type: 'markRead', device: 'laptop', message: 2 },
      { type: 'flag', device: 'laptop', message: 3 },
      { type: 'delete', device: 'laptop', message: 4 },
    ]);
    expect(frames.filter((f) => f.intent > 0 && f.direction !== 'none')).toEqual([]);
    const laptop = frames.at(-1)!.devices[0]!;
    expect(laptop.messages.map((m) => `${m.uid}${m.seen ? 'r' : ''}${m.flagged ? 'f' : ''}`)).toEqual([
      '1',
      '2r',
      '3f',
      '5',
      '6',
    ]);
  });

  describe('after the link drops mid-session (no QUIT, so no UPDATE state: RFC 1939 §6)', () => {
    const laptop = { id: 'laptop', kind: 'laptop' as const };
    // CAPA USER PASS STAT LIST UIDL and three RETRs reach the server; the fourth RETR does not.
    const story: Intent[] = [
      { type: 'dropConnection', device: 'laptop', afterCommands: { pop3: 9 } },
      sync,
      { type: 'wait', ms: 10 * 60_000 },
      check,
    ];

    it('an immediate reconnect meets the lock of the session the server still holds: -ERR [IN-USE]', () => {
      const frames = runTrack('pop3', { devices: [laptop] }, [
        { type: 'dropConnection', device: 'laptop', afterCommands: { pop3: 9 } },
        sync,
        check,
      ]);
      const refused = frames.filter((f) => f.intent === 2 && f.outcome === 'err').map((f) => f.raw);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(/^-ERR \[IN-USE\]/);
      // Nothing was deleted: the messages are all still on the server.
      expect(frames.at(-1)!.metrics.serverMessages).toBe(6);
    });

    it('once the idle timer has freed the lock, a client that remembers UIDLs downloads only what it lacks', () => {
      const frames = runTrack(
        'pop3',
        { devices: [laptop], pop3: { leaveCopy: false, rememberUidls: true } },
        story,
      );
      const retrs = commands(frames, 3).filter((c) => c.startsWith('RETR'));
      expect(retrs).toEqual(['RETR 4', 'RETR 5', 'RETR 6']);
      expect(commands(frames, 3).filter((c) => c.startsWith('DELE'))).toHaveLength(6);
      const laptopAtEnd = frames.at(-1)!.devices.find((d) => d.id === 'laptop')!;
      expect(laptopAtEnd.messages).toHaveLength(6);
      expect(frames.at(-1)!.metrics.serverMessages).toBe(0);
    });

    it('a naive client that keeps no UIDLs downloads everything again: duplicates', () => {
      const frames = runTrack(
        'pop3',
        { devices: [laptop], pop3: { leaveCopy: false, rememberUidls: false } },
        story,
      );
      expect(commands(frames, 3).filter((c) => c.startsWith('RETR'))).toHaveLength(6);
      const laptopAtEnd = frames.at(-1)!.devices.find((d) => d.id === 'laptop')!;
      expect(laptopAtEnd.messages).toHaveLength(9);
    });
  });

  it('with "leave a copy until I delete it here", a deletion on the device becomes a DELE at the next session', () => {
    const setup: ScenarioSetup = {
      devices: [{ id: 'laptop', kind: 'laptop' }],
      pop3: { leaveCopy: true, deleteWhenDeletedHere: true },
    };
    const frames = runTrack('pop3', setup, [sync, { type: 'delete', device: 'laptop', message: 2 }, check]);
    expect(commands(frames, 1)).toEqual([]);
    expect(commands(frames, 2).filter((c) => c.startsWith('DELE') || c.startsWith('RETR'))).toEqual([
      'DELE 2',
    ]);
    expect(frames.at(-1)!.metrics.serverMessages).toBe(5);
  });
});
