// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import type { Frame } from '@/simulations/types';
import { sceneToSvg } from './scene-svg';
import { headLinesOf, statusLines } from './lifeline-status';
import { SERVER, serverOf } from './scene-participants';
import { sequenceScene, type ArrowItem, type BreakItem } from './sequence-scene';

/*
 * Two accounts, two servers (issue 15: "a second server for two accounts"): a track whose wire
 * units name two accounts draws one server lifeline per account, and each arrow goes to its own.
 */

// The two-accounts story's opening frame: the laptop, and a store with student (6) and work (3).
const opening = scenarioTimeline(SCENARIOS.find((s) => s.id === 'two-accounts')!).tracks.pop3[0]!;
const laptop = opening.devices.find((d) => d.id === 'laptop')!;

function frame(
  step: number,
  direction: Frame['direction'],
  text: string | null,
  account?: string,
  connected = true,
): Frame {
  return {
    ...opening,
    step,
    device: direction === 'none' ? null : 'laptop',
    direction,
    raw: text,
    display: text,
    bytes: text?.length ?? 0,
    narration: text ?? 'The connection breaks.',
    ...(account ? { account } : {}),
    devices: [{ ...laptop, connected, online: true }],
  };
}

/** Both POP3 sessions of a laptop with two accounts, interleaved as a mail app runs them. */
const twoServers: Frame[] = [
  frame(0, 'none', 'The laptop opens the mail app.', undefined, false),
  frame(1, 's2c', '+OK POP3 server ready <1.1@popvsimap.lab>\r\n', 'student'),
  frame(2, 's2c', '+OK POP3 server ready <2.2@popvsimap.lab>\r\n', 'work'),
  frame(3, 'c2s', 'USER student\r\n', 'student'),
  frame(4, 'c2s', 'USER work\r\n', 'work'),
  frame(5, 's2c', '+OK Send your password for work\r\n', 'work'),
  frame(6, 'none', null, undefined, false),
];

const arrows = (frames: readonly Frame[], current = frames.length - 1) =>
  sequenceScene(frames, current, 600).items.filter((i): i is ArrowItem => i.kind === 'arrow');

describe('sequenceScene with two accounts', () => {
  it('gives each account’s server its own lifeline, named by the account, with its own INBOX', () => {
    const scene = sequenceScene(twoServers, twoServers.length - 1, 600);
    expect(scene.lifelines.map((l) => [l.id, l.label, l.server, l.status])).toEqual([
      ['server (student)', 'student', true, 'server · 6 in INBOX'],
      ['laptop', 'laptop', false, 'not connected'],
      ['server (work)', 'work', true, 'server · 3 in INBOX'],
    ]);
    // From the first step on, so that no lifeline moves while the story plays.
    expect(sequenceScene(twoServers, 1, 600).lifelines.map((l) => l.id)).toEqual([
      serverOf('student'),
      'laptop',
      serverOf('work'),
    ]);
  });

  it('sends each arrow to and from the server of its account', () => {
    const scene = sequenceScene(twoServers, twoServers.length - 1, 600);
    const xOf = new Map(scene.lifelines.map((l) => [l.id, l.x]));
    expect(arrows(twoServers).map((a) => `${a.from} → ${a.to}: ${a.text}`)).toEqual([
      'server (student) → laptop: +OK POP3 server ready <1.1@popvsimap.lab>',
      'server (work) → laptop: +OK POP3 server ready <2.2@popvsimap.lab>',
      'laptop → server (student): USER student',
      'laptop → server (work): USER work',
      'server (work) → laptop: +OK Send your password for work',
    ]);
    for (const a of arrows(twoServers)) {
      expect(a.x1).toBe(xOf.get(a.from));
      expect(a.x2).toBe(xOf.get(a.to));
    }
    // The link breaks after the laptop last spoke with the work server: the broken arrow points there.
    const broken = scene.items.find((i): i is BreakItem => i.kind === 'break')!;
    expect(broken.x2).toBe(xOf.get(serverOf('work')));
  });

  it('keeps one server lifeline when the frames name one account, or none (older timelines)', () => {
    const one = twoServers.map((f) => (f.account ? { ...f, account: 'student' } : f));
    const none = twoServers.map((f) => {
      const copy: { account?: string } = { ...f };
      delete copy.account;
      return copy as Frame;
    });
    for (const frames of [one, none]) {
      const scene = sequenceScene(frames, frames.length - 1, 600);
      expect(scene.lifelines.map((l) => l.id)).toEqual([SERVER, 'laptop']);
      // One lifeline for a server holding both accounts: it says it counts two INBOXes.
      expect(scene.lifelines[0]!.status).toBe('9 in 2 INBOXes');
      expect(arrows(frames).every((a) => a.from === SERVER || a.to === SERVER)).toBe(true);
    }
  });

  it('draws both servers in the SVG file, each with its lifeline', () => {
    const scene = sequenceScene(twoServers, twoServers.length - 1, 600);
    const doc = new DOMParser().parseFromString(sceneToSvg(scene, 'x').text, 'image/svg+xml');
    const heads = [...doc.querySelectorAll('g > g > text[font-weight="700"]')].map((t) => t.textContent);
    expect(heads).toEqual(['student', 'laptop', 'work']);
    for (const server of scene.lifelines.filter((l) => l.server))
      expect(doc.querySelector(`line[x1="${server.x}"][x2="${server.x}"][stroke-width="2"]`)).not.toBeNull();
  });

  it.each(['pop3', 'imap'] as const)(
    'two-accounts (%s): the laptop talks to the student server and to the work server',
    (protocol) => {
      const frames = scenarioTimeline(SCENARIOS.find((s) => s.id === 'two-accounts')!).tracks[protocol];
      const scene = sequenceScene(frames, frames.length - 1, 720);
      expect(scene.lifelines.map((l) => l.id)).toEqual([serverOf('student'), 'laptop', serverOf('work')]);
      const login = protocol === 'pop3' ? /^USER (\w+)$/ : /^a\d+ LOGIN (\w+) /;
      const logins = arrows(frames).filter((a) => login.test(a.text));
      expect(logins.map((a) => `${a.to} ← ${login.exec(a.text)![1]}`)).toEqual([
        'server (student) ← student',
        'server (work) ← work',
      ]);
      // Each server's head counts its own INBOX: POP3 (delete after download) empties both.
      expect(scene.lifelines.filter((l) => l.server).map((l) => l.status)).toEqual(
        protocol === 'pop3'
          ? ['server · 0 in INBOX', 'server · 0 in INBOX']
          : ['server · 6 in INBOX', 'server · 3 in INBOX'],
      );
    },
  );

  describe('the laptop’s head with a session per account', () => {
    const twoAccounts = scenarioTimeline(SCENARIOS.find((s) => s.id === 'two-accounts')!);
    const laptopAt = (protocol: 'pop3' | 'imap', pick: (f: Frame) => boolean) => {
      const frames = twoAccounts.tracks[protocol];
      const at = frames.find(pick)!;
      return sequenceScene(frames, at.step, 720).lifelines.find((l) => l.id === 'laptop')!;
    };
    const line = (account: string, direction: Frame['direction'], text: RegExp) => (f: Frame) =>
      f.account === account && f.direction === direction && text.test(f.display ?? '');

    it('POP3: each account’s state, even while the other’s lines come between', () => {
      // Interleaved, as a mail app runs both: the student session stays in TRANSACTION while work
      // is still asked for its password (a head with one state would flip between the two).
      expect(laptopAt('pop3', line('work', 's2c', /^\+OK Send your password/)).status).toBe(
        'connected · student: AUTHORIZATION; work: AUTHORIZATION',
      );
      expect(laptopAt('pop3', line('student', 'c2s', /^STAT/)).status).toBe(
        'connected · student: TRANSACTION; work: TRANSACTION',
      );
      // The work server has answered QUIT and closed its connection (RFC 1939 §6); the student
      // session goes on deleting.
      const quit = laptopAt('pop3', line('work', 's2c', /signing off/));
      expect(quit.status).toBe('connected · student: TRANSACTION; work: closed');
      expect(statusLines(quit.status).map((l) => l.text)).toEqual([
        'connected',
        'student: TRANSACTION',
        'work: closed',
      ]);
    });

    it('IMAP: each account’s IDLE is its own (RFC 9051 §6.3.13)', () => {
      expect(laptopAt('imap', line('student', 's2c', /^\+ idling/)).status).toBe(
        'connected · student: Selected · IDLE; work: Selected',
      );
      const frames = twoAccounts.tracks.imap;
      expect(sequenceScene(frames, frames.length - 1, 720).lifelines[1]!.status).toBe(
        'connected · student: Selected · IDLE; work: Selected · IDLE',
      );
    });

    it('the SVG file draws each account’s state whole, in the room the narrow servers’ heads leave', () => {
      const frames = twoAccounts.tracks.pop3;
      const quit = frames.find(line('work', 's2c', /signing off/))!;
      const svg = sceneToSvg(sequenceScene(frames, quit.step, 360), 'x').text;
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
      expect(texts).toContain('student: TRANSACTION');
      expect(texts).toContain('work: closed');
    });

    it('gives the strip of heads a line for the connection and one per account', () => {
      expect(headLinesOf(twoAccounts.tracks.pop3, twoAccounts.tracks.imap)).toBe(3);
    });
  });
});
