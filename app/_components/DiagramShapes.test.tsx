import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { headBox, headRooms, headWidthBound, LifelineHead } from './DiagramShapes';
import type { Lifeline } from './sequence-scene';

const laptop = (status: string): Lifeline => ({
  id: 'laptop',
  label: 'laptop',
  x: 100,
  server: false,
  online: true,
  connected: status !== 'not connected',
  state: null,
  status,
});

/** The head's lines as drawn: the text of each `headLine`, the hidden separator left out. */
function lines(status: string): string[] {
  const html = renderToStaticMarkup(<LifelineHead lifeline={laptop(status)} room={140} width={400} />);
  return [...html.matchAll(/<span class="[^"]*headLine[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]!);
}

describe('a lifeline head', () => {
  it('puts the connection on one line and the session state on the next', () => {
    expect(lines('connected · AUTHORIZATION')).toEqual(['connected', 'AUTHORIZATION']);
    expect(lines('connected · Not authenticated')).toEqual(['connected', 'Not authenticated']);
    expect(lines('SMTP connected · after MAIL FROM')).toEqual(['SMTP connected', 'after MAIL FROM']);
    expect(lines('connected · Selected · IDLE + SMTP · after MAIL FROM')).toEqual([
      'connected',
      'Selected · IDLE',
      '+ SMTP',
      'after MAIL FROM',
    ]);
  });

  it('keeps a status without a state on one line', () => {
    expect(lines('not connected')).toEqual(['not connected']);
    expect(lines('6 in INBOX')).toEqual(['6 in INBOX']);
    expect(lines('connected')).toEqual(['connected']);
  });

  it('still reads as one phrase, with the whole status as its tooltip', () => {
    const html = renderToStaticMarkup(
      <LifelineHead lifeline={laptop('connected · TRANSACTION')} room={140} width={400} />,
    );
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toBe('laptop: connected · TRANSACTION');
    expect(html).toContain('title="connected · TRANSACTION"');
    const both = 'connected · Selected · IDLE + SMTP · after MAIL FROM';
    const smtp = renderToStaticMarkup(<LifelineHead lifeline={laptop(both)} room={140} width={400} />);
    expect(smtp.replace(/<[^>]+>/g, '')).toBe(`laptop: ${both}`);
  });
});

describe('where a head sits', () => {
  it('a head between two lifelines is centred on its own and no wider than the room between them', () => {
    expect(headBox(200, 400, 140)).toEqual({
      maxWidth: 140,
      transform: 'translateX(clamp(-198px, -50%, calc(198px - 100%)))',
    });
  });

  it('an outer head takes its outer side and half the room inside, and is kept in the strip', () => {
    // 56 px from the left edge: 54 px outside the lifeline, 70 px (half the room) inside.
    expect(headBox(56, 400, 140)).toEqual({
      maxWidth: 124,
      transform: 'translateX(clamp(-54px, -50%, calc(342px - 100%)))',
    });
    expect(headBox(344, 400, 140).maxWidth).toBe(124);
  });
});

describe('the room of each head (headRooms)', () => {
  const head = (id: string, x: number, label: string, status: string, server = false): Lifeline => ({
    id,
    label,
    x,
    server,
    online: true,
    connected: !server,
    state: null,
    status,
  });
  // A laptop with a session per account between its two servers, 140 px from each.
  const three = [
    head('server (student)', 60, 'student', 'server · 6 in INBOX', true),
    head('laptop', 200, 'laptop', 'connected · student: TRANSACTION; work: closed'),
    head('server (work)', 340, 'work', 'server · 0 in INBOX', true),
  ];

  it('gives a head beside narrow neighbours more than the room between two lifelines', () => {
    const rooms = headRooms(three, 1, 134);
    expect(rooms[1]).toBeGreaterThan(134);
    // "student: TRANSACTION" fits whole (at its bound, which no drawn text exceeds).
    expect(rooms[1]).toBeGreaterThanOrEqual(headWidthBound(three[1]!));
    expect(rooms[0]).toBe(134);
  });

  it('never lets two neighbours meet: each head drawn at most its bound and its room', () => {
    const cases = [
      three,
      three.map((l) => ({ ...l, x: l.x * 0.6 })),
      three.map((l) => ({ ...l, label: `${l.label} with a long name` })),
    ];
    for (const lifelines of cases)
      for (const zoom of [1, 1.5]) {
        const room = Math.max(72, (lifelines[1]!.x - lifelines[0]!.x) * zoom - 6);
        const rooms = headRooms(lifelines, zoom, room);
        const half = (i: number) => Math.min(rooms[i]!, headWidthBound(lifelines[i]!)) / 2;
        for (let i = 1; i < lifelines.length; i++)
          expect(half(i - 1) + half(i)).toBeLessThanOrEqual((lifelines[i]!.x - lifelines[i - 1]!.x) * zoom);
      }
  });

  it('in two rows (stride 2), gives each of four heads on a phone room for its words, apart from its row', () => {
    // server-quota on a 390 px phone: four lifelines 83 px apart, under 100 px for "AUTHORIZATION".
    const four = [
      head('server', 42, 'server', 'server · 4 in 2 INBOXes', true),
      head('laptop', 125, 'laptop', 'connected · AUTHORIZATION'),
      head('classmate', 208, 'classmate', 'SMTP connected · after MAIL FROM'),
      head('sender', 291, 'sender’s server', 'delivers over SMTP', true),
    ];
    const spacing = 83;
    const bound = (l: Lifeline) => headWidthBound(l, 'crowded');
    expect(bound(four[1]!)).toBeGreaterThan(spacing);
    const rooms = headRooms(four, 1, 2 * spacing - 6, { type: 'crowded', stride: 2 });
    const half = (i: number) => Math.min(rooms[i]!, bound(four[i]!)) / 2;
    for (let i = 0; i < four.length; i++) {
      expect(rooms[i]!).toBeGreaterThanOrEqual(Math.min(bound(four[i]!), 2 * spacing - 6));
      if (i >= 2) expect(half(i - 2) + half(i)).toBeLessThanOrEqual(four[i]!.x - four[i - 2]!.x);
    }
  });
});
