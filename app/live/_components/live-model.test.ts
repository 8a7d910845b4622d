import { describe, expect, it } from 'vitest';
import type { LiveEvent, LiveInfo, LiveSessionView } from '@/lib/live/view-types';
import { diffServer } from '../../_components/store-diff';
import { liveScene } from '../../_components/live-scene';
import { SERVER } from '../../_components/scene-participants';
import {
  applyLiveEvent,
  applyLiveEvents,
  EMPTY_MODEL,
  freezeLanes,
  LANES_SHOWN,
  LINES_PER_SESSION,
  type LiveModel,
  resetSessions,
  SESSIONS_SHOWN,
} from './live-model';

/** Sequence numbers for the events below, increasing as the hub's do. */
let seq = 1000;
/** Line `n` (its text says n; its sequence number comes from the counter below). */
const line = (n: number) => ({
  seq: ++seq,
  direction: 'c2s' as const,
  text: `a${n} NOOP\r\n`,
  bytes: 10,
  command: 'NOOP',
  outcome: null,
  state: 'Authenticated',
  explanation: null,
  rfc: null,
  masked: false,
  tls: false,
});
/** A session event (the hub numbers it like every event). */
const sessionEvent = (s: LiveSessionView): LiveEvent => ({ type: 'session', seq: ++seq, session: s });
const session = (id: number, open = true) => ({
  id,
  protocol: 'imap' as const,
  client: `127.0.0.1:${40000 + id}`,
  state: 'Not Authenticated',
  open,
  lines: [],
});

describe('live model', () => {
  it('keeps a session marked as idling from its lines, past the lines it holds, until the client speaks', () => {
    const as = (direction: 'c2s' | 's2c', text: string, command: string | null, outcome: string | null) => ({
      ...line(0),
      direction,
      text,
      command,
      outcome,
      state: 'Selected',
    });
    let m = applyLiveEvent(EMPTY_MODEL, sessionEvent({ ...session(5), idle: false }));
    m = applyLiveEvent(m, { type: 'line', session: 5, line: as('c2s', 'a3 IDLE\r\n', 'IDLE', null) });
    expect(m.sessions[0]!.idle).toBe(false);
    m = applyLiveEvent(m, { type: 'line', session: 5, line: as('s2c', '+ idling\r\n', 'IDLE', 'continue') });
    expect(m.sessions[0]!.idle).toBe(true);
    for (let i = 0; i < LINES_PER_SESSION + 20; i++)
      m = applyLiveEvent(m, {
        type: 'line',
        session: 5,
        line: as('s2c', `* ${7 + i} EXISTS\r\n`, null, null),
      });
    expect(m.sessions[0]!.lines).toHaveLength(LINES_PER_SESSION);
    expect(m.sessions[0]!.lines.some((l) => l.text.startsWith('+ idling'))).toBe(false);
    expect(liveScene(m.sessions, 600).lifelines.find((l) => l.id !== SERVER)!.status).toMatch(
      /Selected · IDLE$/,
    );
    m = applyLiveEvent(m, { type: 'line', session: 5, line: as('c2s', 'DONE\r\n', 'IDLE', null) });
    expect(m.sessions[0]!.idle).toBe(false);
  });

  it('adds sessions and their lines, in order', () => {
    let m = applyLiveEvent(EMPTY_MODEL, sessionEvent(session(2)));
    m = applyLiveEvent(m, sessionEvent(session(1)));
    m = applyLiveEvent(m, { type: 'line', session: 2, line: line(1) });
    expect(m.sessions.map((s) => s.id)).toEqual([1, 2]);
    expect(m.sessions[1]!.lines).toHaveLength(1);
    expect(m.sessions[1]!.state).toBe('Authenticated');
  });

  it('keeps at most the last lines of a session', () => {
    let m = applyLiveEvent(EMPTY_MODEL, sessionEvent(session(1)));
    for (let i = 0; i < LINES_PER_SESSION + 30; i++)
      m = applyLiveEvent(m, { type: 'line', session: 1, line: line(i) });
    expect(m.sessions[0]!.lines).toHaveLength(LINES_PER_SESSION);
    expect(m.sessions[0]!.lines[0]!.text).toBe('a30 NOOP\r\n');
  });

  it('drops the oldest closed sessions beyond the limit, never open ones', () => {
    let m = EMPTY_MODEL;
    for (let i = 1; i <= SESSIONS_SHOWN + 10; i++) m = applyLiveEvent(m, sessionEvent(session(i, i > 20)));
    expect(m.sessions).toHaveLength(SESSIONS_SHOWN);
    expect(m.sessions.filter((s) => s.open)).toHaveLength(SESSIONS_SHOWN + 10 - 20);
  });

  it('a session update keeps the lines already received', () => {
    let m = applyLiveEvent(EMPTY_MODEL, sessionEvent(session(1)));
    m = applyLiveEvent(m, { type: 'line', session: 1, line: line(1) });
    m = applyLiveEvent(m, sessionEvent({ ...session(1, false), state: 'Logout' }));
    expect(m.sessions[0]).toMatchObject({ open: false, state: 'Logout' });
    expect(m.sessions[0]!.lines).toHaveLength(1);
  });

  it('a batch gives the same model as its events one by one', () => {
    const events: LiveEvent[] = [
      sessionEvent(session(3)),
      { type: 'line', session: 3, line: line(1) },
      { type: 'line', session: 4, line: line(2) },
      sessionEvent(session(4)),
      { type: 'line', session: 3, line: line(3) },
      sessionEvent({ ...session(3, false), state: 'Logout' }),
    ];
    const oneByOne = events.reduce(applyLiveEvent, EMPTY_MODEL);
    const batched = applyLiveEvents(EMPTY_MODEL, events);
    expect(batched.sessions).toEqual(oneByOne.sessions);
    expect(batched.sessions.find((s) => s.id === 3)!.lines.map((l) => l.text)).toEqual([
      'a1 NOOP\r\n',
      'a3 NOOP\r\n',
    ]);
    expect(batched.sessions.find((s) => s.id === 4)).toMatchObject({ client: '127.0.0.1:40004', open: true });
  });

  it('draws open sessions first, newest first, then closed ones, at most LANES_SHOWN', () => {
    const events: LiveEvent[] = [];
    for (let i = 1; i <= LANES_SHOWN + 5; i++) events.push(sessionEvent(session(i, i !== 7)));
    const m = applyLiveEvents(EMPTY_MODEL, events);
    expect(m.lanes).toHaveLength(LANES_SHOWN);
    expect(m.lanes[0]!.id).toBe(LANES_SHOWN + 5);
    expect(m.lanes.map((s) => s.id)).not.toContain(7);
    const fewer = applyLiveEvents(EMPTY_MODEL, events.slice(0, 8));
    expect(fewer.lanes.map((s) => s.id)).toEqual([8, 6, 5, 4, 3, 2, 1, 7]);
  });

  it('lanes hold still while frozen: new sessions wait, content still changes, dropped ones stay', () => {
    let m = applyLiveEvents(EMPTY_MODEL, [sessionEvent(session(1)), sessionEvent(session(2))]);
    m = freezeLanes(m, true);
    m = applyLiveEvents(m, [sessionEvent(session(3)), { type: 'line', session: 1, line: line(1) }]);
    expect(m.lanes.map((s) => s.id)).toEqual([2, 1]);
    expect(m.lanes[1]!.lines).toHaveLength(1);
    // Session 2 closes and enough newer closed sessions arrive that the model drops it.
    const crowd: LiveEvent[] = [sessionEvent(session(2, false))];
    for (let i = 10; i < 10 + SESSIONS_SHOWN; i++) crowd.push(sessionEvent(session(i, false)));
    m = applyLiveEvents(m, crowd);
    expect(m.sessions.some((s) => s.id === 2)).toBe(false);
    expect(m.lanes.map((s) => s.id)).toEqual([2, 1]);
    m = freezeLanes(m, false);
    expect(m.lanes.map((s) => s.id).slice(0, 2)).toEqual([3, 1]);
  });

  it('after a resync, shows each event once: those the state includes are skipped, later ones applied', () => {
    const inbox = (subjects: string[]) => ({
      accounts: [
        {
          user: 'student',
          quotaBytes: null,
          usedBytes: 0,
          mailboxes: [
            {
              name: 'INBOX',
              uidValidity: 1,
              uidNext: subjects.length + 1,
              messages: subjects.map((subject, i) => ({
                uid: i + 1,
                size: 9,
                flags: [],
                subject,
                from: 'a@b',
              })),
            },
          ],
        },
      ],
    });
    // What the hub streamed, in order; the page fetched the state after the first three.
    const a1 = line(1);
    const older: LiveEvent[] = [
      sessionEvent(session(1)),
      { type: 'line', session: 1, line: a1 },
      { type: 'store', seq: ++seq, store: inbox(['one']) },
    ];
    const stateSeq = seq;
    const newer: LiveEvent[] = [
      { type: 'line', session: 1, line: line(2) },
      { type: 'store', seq: ++seq, store: inbox(['one', 'two']) },
    ];
    const info = { running: true } as LiveInfo;
    const synced = resetSessions(EMPTY_MODEL, {
      info,
      sessions: [{ ...session(1), lines: [a1] }],
      store: inbox(['one']),
      seq: stateSeq,
    });
    // The events queued while the state was fetched come after it, older ones included.
    const m = applyLiveEvents(synced, [...older, ...newer]);
    expect(m.sessions[0]!.lines.map((l) => l.text)).toEqual(['a1 NOOP\r\n', 'a2 NOOP\r\n']);
    expect(m.store!.accounts[0]!.mailboxes[0]!.messages.map((x) => x.subject)).toEqual(['one', 'two']);
    // An older store picture after the state does not take the store back.
    const stale = applyLiveEvents(
      resetSessions(EMPTY_MODEL, { info, sessions: [], store: inbox(['one', 'two']), seq: seq }),
      older,
    );
    expect(stale.store!.accounts[0]!.mailboxes[0]!.messages).toHaveLength(2);
    expect(stale.sessions).toEqual([]);
  });

  it('keeps each account’s store before its latest change, through pictures that change nothing', () => {
    const account = (user: string, flags: string[][]) => ({
      user,
      quotaBytes: null,
      usedBytes: 0,
      mailboxes: [
        {
          name: 'INBOX',
          uidValidity: 1,
          uidNext: flags.length + 1,
          messages: flags.map((f, i) => ({
            uid: i + 1,
            size: 100,
            flags: f,
            subject: `m${i + 1}`,
            from: 'a@b',
          })),
        },
      ],
    });
    const store = (ana: string[][], bob: string[][]) => ({
      accounts: [account('ana', ana), account('bob', bob)],
    });
    // What the server panel highlights: the changes from storeBefore to store.
    const highlighted = (m: LiveModel) => {
      const diff = diffServer(m.store!, m.storeBefore ?? undefined);
      return [...diff.changed]
        .map(([key, change]) => `${key} ${change.what.join(', ')}`)
        .concat(diff.removed);
    };
    let m = applyLiveEvent(EMPTY_MODEL, { type: 'store', seq: ++seq, store: store([[]], [[]]) } as LiveEvent);
    expect(highlighted(m)).toEqual([]);
    // \Seen set on ana's message 1.
    m = applyLiveEvent(m, { type: 'store', seq: ++seq, store: store([['\\Seen']], [[]]) } as LiveEvent);
    expect(highlighted(m)).toEqual(['ana/1 now read']);
    // A picture after a NOOP changes nothing: the highlight stays.
    m = applyLiveEvent(m, { type: 'store', seq: ++seq, store: store([['\\Seen']], [[]]) } as LiveEvent);
    expect(highlighted(m)).toEqual(['ana/1 now read']);
    // Bob's INBOX changes: his change is highlighted, and ana's stays hers.
    m = applyLiveEvent(m, { type: 'store', seq: ++seq, store: store([['\\Seen']], [[], []]) } as LiveEvent);
    expect(highlighted(m).sort()).toEqual(['ana/1 now read', 'bob/2 new on the server']);
    // Ana's next change replaces her highlight (message 1 expunged).
    m = applyLiveEvent(m, { type: 'store', seq: ++seq, store: store([], [[], []]) } as LiveEvent);
    expect(highlighted(m).sort()).toEqual(['bob/2 new on the server', 'm1']);
  });
});
