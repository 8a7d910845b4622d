// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LiveLine, LiveSessionView } from '@/lib/live/view-types';
import { LIVE_SCENE, liveScene, sessionLifeline } from './live-scene';
import { sceneToSvg } from './scene-svg';
import { SERVER } from './scene-participants';
import type { ArrowItem } from './sequence-scene';

let seq = 0;
function line(direction: LiveLine['direction'], text: string, outcome: string | null = null): LiveLine {
  return {
    seq: ++seq,
    direction,
    text,
    bytes: text.length,
    command: null,
    outcome,
    state: 'AUTHORIZATION',
    explanation: null,
    rfc: null,
    masked: text.includes('****'),
    tls: false,
  };
}

function session(id: number, protocol: LiveSessionView['protocol'], open: boolean, lines: LiveLine[]) {
  return { id, protocol, client: `127.0.0.1:${5000 + id}`, state: 'TRANSACTION', open, lines };
}

const arrows = (s: ReturnType<typeof liveScene>) => s.items as readonly ArrowItem[];

describe('liveScene', () => {
  const pop = session(1, 'pop3', false, [
    line('s2c', '+OK POP vs IMAP Lab POP3 server ready\r\n', 'ok'),
    line('c2s', 'USER learner\r\n'),
  ]);
  const imap = session(2, 'imap', true, [line('s2c', '* OK [CAPABILITY IMAP4rev1] ready\r\n')]);
  pop.lines.push(line('c2s', 'PASS ********\r\n'), line('s2c', '-ERR [AUTH] no\r\n', 'err'));
  imap.lines.push(line('c2s', 'a1 LOGIN learner ********\r\n'));

  it('draws the server and one lifeline per session, open sessions solid', () => {
    const scene = liveScene([imap, pop], 600);
    expect(scene.lifelines.map((l) => [l.id, l.label, l.status])).toEqual([
      [SERVER, 'server', '1 open session'],
      ['POP3 session 1', 'POP3 session 1', '127.0.0.1:5001 · closed'],
      ['IMAP session 2', 'IMAP session 2', '127.0.0.1:5002 · TRANSACTION'],
    ]);
    expect(scene.segments.map((s) => [s.id, s.connected])).toEqual([
      ['POP3 session 1', false],
      ['IMAP session 2', true],
    ]);
  });

  it('draws every line as an arrow between its session and the server, in the order the server saw them', () => {
    const scene = liveScene([pop, imap], 600);
    const xOf = new Map(scene.lifelines.map((l) => [l.id, l.x]));
    expect(arrows(scene).map((a) => `${a.from} → ${a.to}: ${a.text}`)).toEqual([
      'server → POP3 session 1: +OK POP vs IMAP Lab POP3 server ready',
      'POP3 session 1 → server: USER learner',
      'server → IMAP session 2: * OK [CAPABILITY IMAP4rev1] ready',
      'POP3 session 1 → server: PASS ********',
      'server → POP3 session 1: -ERR [AUTH] no',
      'IMAP session 2 → server: a1 LOGIN learner ********',
    ]);
    for (const a of arrows(scene)) {
      expect([a.x1, a.x2]).toEqual([xOf.get(a.from), xOf.get(a.to)]);
      expect(a.y).toBeLessThan(scene.height);
    }
    expect(arrows(scene).map((a) => a.tone)).toEqual([
      'ok',
      'request',
      'info',
      'request',
      'error',
      'request',
    ]);
    expect(
      arrows(scene)
        .filter((a) => a.current)
        .map((a) => a.text),
    ).toEqual(['a1 LOGIN learner ********']);
  });

  it('keeps the most recently active sessions and the newest lines', () => {
    const many = Array.from({ length: LIVE_SCENE.lifelines + 3 }, (_, i) =>
      session(10 + i, 'imap', true, [line('c2s', `a${i} NOOP\r\n`), line('s2c', `a${i} OK done\r\n`, 'ok')]),
    );
    const scene = liveScene(many, 800);
    expect(scene.lifelines.map((l) => l.id)).toEqual([
      SERVER,
      ...many.slice(-LIVE_SCENE.lifelines).map(sessionLifeline),
    ]);
    expect(scene.items.length).toBe(Math.min(LIVE_SCENE.rows, 2 * LIVE_SCENE.lifelines));
    expect(arrows(scene).at(-1)!.text).toBe(`a${many.length - 1} OK done`);
  });

  it('draws only the focused session, whatever the others send; an unknown focus draws the room', () => {
    const mine = session(40, 'pop3', false, [line('c2s', 'USER me\r\n'), line('c2s', 'PASS ********\r\n')]);
    const busy = Array.from({ length: 8 }, (_, i) =>
      session(
        50 + i,
        'imap',
        true,
        Array.from({ length: 4 }, (_, j) => line('c2s', `b${i}.${j} NOOP\r\n`)),
      ),
    );
    const room = liveScene([mine, ...busy], 800);
    expect(arrows(room).some((a) => a.text === 'PASS ********')).toBe(false);
    const focused = liveScene([mine, ...busy], 800, 40);
    expect(focused.lifelines.map((l) => l.id)).toEqual([SERVER, 'POP3 session 40']);
    expect(arrows(focused).map((a) => a.text)).toEqual(['USER me', 'PASS ********']);
    expect(liveScene([mine, ...busy], 800, 99).lifelines).toHaveLength(1 + LIVE_SCENE.lifelines);
  });

  it('marks an IMAP session that idles, from the server\u2019s "+" until DONE', () => {
    const idle = (text: string, direction: LiveLine['direction'], outcome: string | null = null) => ({
      ...line(direction, text, outcome),
      command: 'IDLE',
      state: 'Selected',
    });
    const client = { ...session(3, 'imap', true, []), state: 'Selected' };
    const status = (lines: LiveLine[]) =>
      liveScene([{ ...client, lines }], 600).lifelines.find((l) => l.id === sessionLifeline(client))!.status;
    const started = [idle('a4 IDLE\r\n', 'c2s'), idle('+ idling\r\n', 's2c', 'continue')];
    expect(status(started.slice(0, 1))).toBe('127.0.0.1:5003 · Selected');
    expect(status(started)).toBe('127.0.0.1:5003 · Selected · IDLE');
    // New mail announced meanwhile: still idling.
    expect(status([...started, line('s2c', '* 7 EXISTS\r\n')])).toBe('127.0.0.1:5003 · Selected · IDLE');
    expect(status([...started, idle('DONE\r\n', 'c2s')])).toBe('127.0.0.1:5003 · Selected');
    // Any other line from the client ends it too (the server answers it BAD), and an IDLE
    // refused at once never starts.
    expect(status([...started, idle('a5 NOOP\r\n', 'c2s')])).toBe('127.0.0.1:5003 · Selected');
    expect(status([started[0]!, idle('a4 NO [LIMIT] too many\r\n', 's2c', 'no')])).toBe(
      '127.0.0.1:5003 · Selected',
    );
    expect(liveScene([{ ...client, open: false, lines: started }], 600).lifelines[1]!.status).toBe(
      '127.0.0.1:5003 · closed',
    );
  });

  it('is empty but for the server when nobody has connected', () => {
    const scene = liveScene([], 600);
    expect(scene.lifelines.map((l) => l.status)).toEqual(['0 open sessions']);
    expect(scene.items).toEqual([]);
  });

  it('writes a client’s text into SVG as text, never markup', () => {
    const hostile = session(3, 'smtp', true, [
      line('c2s', 'MAIL FROM:<a&b@x> <script>alert(1)</script>\r\n'),
    ]);
    const svg = sceneToSvg(liveScene([hostile], 600), 'Live').text;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('script')).toBeNull();
    expect(svg).not.toContain('<script');
    const titles = [...doc.querySelectorAll('g > title')].map((t) => t.textContent ?? '');
    expect(titles.some((t) => t.includes('<script>alert(1)</script>'))).toBe(true);
  });
});
