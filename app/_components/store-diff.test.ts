import { describe, expect, it } from 'vitest';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import type { DeviceSnapshot, LocalMessage } from '@/simulations/types';
import { deviceKeys, diffDevice, diffDevices, diffServer, NO_CHANGE, withLeaving } from './store-diff';

type ServerMessage = StoreSnapshot['accounts'][number]['mailboxes'][number]['messages'][number];

const msg = (uid: number, flags: string[] = []): ServerMessage => ({
  uid,
  size: 700,
  flags,
  subject: `Message ${uid}`,
  from: 'Alice',
});

const server = (...messages: ServerMessage[]): StoreSnapshot => ({
  accounts: [
    {
      user: 'student',
      quotaBytes: null,
      usedBytes: 0,
      mailboxes: [{ name: 'INBOX', uidValidity: 1, uidNext: 10, messages }],
    },
  ],
});

const local = (uid: number, over: Partial<LocalMessage> = {}): LocalMessage => ({
  uid,
  subject: `Message ${uid}`,
  from: 'Alice',
  size: 700,
  seen: false,
  flagged: false,
  hasBody: true,
  account: 'student',
  storedBytes: 700,
  ...over,
});

const device = (messages: LocalMessage[], id = 'laptop'): DeviceSnapshot => ({
  id,
  kind: 'laptop',
  client: 'imap',
  online: true,
  connected: true,
  clientState: 'idle',
  messages,
  localBytes: 0,
  settings: '',
});

describe('diffServer', () => {
  it('has nothing to highlight on the first step or when the snapshot is shared', () => {
    const now = server(msg(1));
    expect(diffServer(now, undefined)).toBe(NO_CHANGE);
    expect(diffServer(now, now)).toBe(NO_CHANGE);
    expect(diffServer(now, server(msg(1)))).toBe(NO_CHANGE);
  });

  it('names each flag set or cleared (STORE +FLAGS / -FLAGS)', () => {
    const diff = diffServer(
      server(msg(1, ['\\Seen', '\\Flagged']), msg(2, ['\\Deleted'])),
      server(msg(1), msg(2, ['\\Seen'])),
    );
    expect(diff.changed.get('student/1')).toEqual({ kind: 'updated', what: ['now read', 'now flagged'] });
    expect(diff.changed.get('student/2')).toEqual({
      kind: 'updated',
      what: ['marked \\Deleted', 'now unread'],
    });
  });

  it('names a keyword it has no words for by itself', () => {
    const diff = diffServer(server(msg(1, ['$Label1'])), server(msg(1)));
    expect(diff.changed.get('student/1')?.what).toEqual(['$Label1 set']);
  });

  it('reports a delivered message as new and an expunged one as removed', () => {
    const diff = diffServer(server(msg(2), msg(3)), server(msg(1), msg(2)));
    expect([...diff.changed]).toEqual([['student/3', { kind: 'new', what: ['new on the server'] }]]);
    expect(diff.removed).toEqual(['Message 1']);
  });
});

describe('diffDevice', () => {
  it('reports a copy that arrived, saying how much of it', () => {
    const diff = diffDevice(
      device([local(1), local(2, { hasBody: false }), local(3, { partial: true })]),
      device([]),
    );
    expect([...diff.changed.values()].map((c) => c.what[0])).toEqual([
      'arrived: full copy',
      'arrived: envelope only',
      'arrived: text part only',
    ]);
  });

  it('reports a body downloaded into an envelope-only entry (FETCH BODY[] after ENVELOPE)', () => {
    const diff = diffDevice(device([local(1, { seen: true })]), device([local(1, { hasBody: false })]));
    expect(diff.changed.get('student/1#0')).toEqual({
      kind: 'updated',
      what: ['body downloaded', 'now read'],
    });
  });

  it('reports flags and deletion marks, and removed copies', () => {
    const diff = diffDevice(
      device([local(2, { flagged: true, deleted: true })]),
      device([local(1), local(2)]),
    );
    expect(diff.changed.get('student/2#0')?.what).toEqual(['now flagged', 'marked \\Deleted']);
    expect(diff.removed).toEqual(['Message 1']);
  });

  it('tells two copies of one message apart, so a second download is new', () => {
    expect(deviceKeys([local(1), local(1), local(2)])).toEqual(['student/1#0', 'student/1#1', 'student/2#0']);
    const diff = diffDevice(device([local(1), local(1)]), device([local(1)]));
    expect([...diff.changed.keys()]).toEqual(['student/1#1']);
  });

  it('keeps two accounts apart', () => {
    const diff = diffDevice(device([local(1, { account: 'work' })]), device([local(1)]));
    expect(diff.changed.get('work/1#0')?.kind).toBe('new');
    expect(diff.removed).toEqual(['Message 1']);
  });

  it('matches devices by id, and a device without a previous step has nothing highlighted', () => {
    const diffs = diffDevices(
      [device([local(1)], 'laptop'), device([local(1)], 'phone')],
      [device([], 'laptop')],
    );
    expect(diffs.get('laptop')?.changed.size).toBe(1);
    expect(diffs.get('phone')).toBe(NO_CHANGE);
  });
});

describe('withLeaving', () => {
  const keys = (list: string[]) => list;
  const drawn = (now: string[], before?: string[]) =>
    withLeaving(now, keys(now), before && { messages: before, keys: keys(before) }).map((c) =>
      c.leaving ? `(${c.key})` : c.key,
    );

  it('draws the store as it is when nothing was removed, or with no step before', () => {
    expect(drawn(['a', 'b'])).toEqual(['a', 'b']);
    expect(drawn(['a', 'b', 'c'], ['a', 'b'])).toEqual(['a', 'b', 'c']);
  });

  it('puts each removed message back where it was, marked leaving', () => {
    expect(drawn(['b', 'd'], ['a', 'b', 'c', 'd'])).toEqual(['(a)', 'b', '(c)', 'd']);
    expect(drawn([], ['a', 'b'])).toEqual(['(a)', '(b)']);
    // Expunged at the end, a new one arrived: the new one stays where the store has it.
    expect(drawn(['a', 'x'], ['a', 'b'])).toEqual(['a', '(b)', 'x']);
  });

  it('keeps the message drawn from now when it is in both', () => {
    const out = withLeaving([{ id: 'a', v: 2 }], ['a'], { messages: [{ id: 'a', v: 1 }], keys: ['a'] });
    expect(out).toEqual([{ message: { id: 'a', v: 2 }, key: 'a', leaving: false }]);
  });
});
