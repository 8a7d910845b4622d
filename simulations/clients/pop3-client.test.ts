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

  it('with "leave a copy", remembers UIDLs and downloads nothing twice', () => {
    const setup: ScenarioSetup = { devices: [{ id: 'laptop', kind: 'laptop' }], pop3: { leaveCopy: true } };
    const frames = runTrack('pop3', setup, [
      sync,
      { type: 'newMail', subject: 'Hi', from: 'a@b.example' },
      check,
    ]);
    expect(commands(frames, 0).filter((c) => c.startsWith('DELE'))).toEqual([]);
    expect(commands(frames, 2)).toEqual([
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
});
