import type { LiveLine, LiveSessionView } from '@/lib/live/view-types';
import type { Tone } from './frame-text';
import { idles } from './lifeline-status';
import { SERVER } from './scene-participants';
import {
  SCENE,
  fit,
  moreMark,
  type ArrowItem,
  type Lifeline,
  type Scene,
  type Segment,
} from './sequence-scene';

/*
 * The Live page's sequence diagram: the same scene shapes as a story's (sequence-scene.ts), built
 * from real clients' sessions instead of frames. The lab's server is one lifeline and each live
 * session another; each line on the wire is an arrow, the newest at the bottom. A pure function
 * of the sessions, so the page draws it with the story's shapes (DiagramShapes).
 */

/** How much a live diagram holds: a workshop room's sessions stay readable, the page smooth. */
export const LIVE_SCENE = {
  /** Sessions drawn as lifelines: the most recently active. */
  lifelines: 5,
  /** Arrows drawn: the newest lines of those sessions. */
  rows: 16,
} as const;

/** The lifeline id (and name) of a live session, e.g. "IMAP session 3". */
export function sessionLifeline(session: Pick<LiveSessionView, 'id' | 'protocol'>): string {
  return `${session.protocol.toUpperCase()} session ${session.id}`;
}

/** A line's colour: requests, positive and negative replies, untagged data. */
export function liveTone(line: LiveLine): Tone {
  if (line.direction === 'c2s') return 'request';
  if (line.outcome === 'err' || line.outcome === 'no' || line.outcome === 'bad') return 'error';
  return line.outcome === 'ok' ? 'ok' : 'info';
}

/**
 * The scene of `sessions` (as the Live page keeps them), `width` units wide: the server, then one
 * lifeline per session among the `LIVE_SCENE.lifelines` most recently active (oldest left), and
 * an arrow per line among their newest `LIVE_SCENE.rows`, in the order the server saw them
 * (`seq`). A session's lifeline is solid while its connection is open. The newest arrow is the
 * current item. Lines are shown as the server relays them: passwords already masked.
 *
 * With `focus` (a session id), only that session is drawn, so its lines stay on the picture however
 * busy the room is; a focus on a session no longer in `sessions` is ignored (the room view).
 */
export function liveScene(
  sessions: readonly LiveSessionView[],
  width: number,
  focus: number | null = null,
): Scene {
  const lastSeq = (s: LiveSessionView) => s.lines[s.lines.length - 1]?.seq ?? 0;
  const focused = focus === null ? [] : sessions.filter((s) => s.id === focus);
  const shown =
    focused.length > 0
      ? focused
      : [...sessions]
          .sort((a, b) => lastSeq(b) - lastSeq(a) || b.id - a.id)
          .slice(0, LIVE_SCENE.lifelines)
          .sort((a, b) => a.id - b.id);
  const ids = [SERVER, ...shown.map((s) => sessionLifeline(s))];
  // Wider margins than a story's: the outer heads carry "POP3 session 12" and the client's address.
  const margin = Math.max(SCENE.margin, Math.min(80, width / 8));
  const step = (width - 2 * margin) / Math.max(1, ids.length - 1);
  const xOf = new Map(ids.map((id, i) => [id, margin + i * step]));
  const x = (id: string) => xOf.get(id) ?? margin;

  const lines = shown
    .flatMap((s) => s.lines.map((line) => ({ session: sessionLifeline(s), line })))
    .sort((a, b) => a.line.seq - b.line.seq)
    .slice(-LIVE_SCENE.rows);
  const items: ArrowItem[] = lines.map(({ session, line }, i) => {
    const text = line.text.split('\r\n');
    if (text.length > 1 && text[text.length - 1] === '') text.pop();
    const toServer = line.direction === 'c2s';
    const x1 = toServer ? x(session) : x(SERVER);
    const x2 = toServer ? x(SERVER) : x(session);
    const room = Math.abs(x2 - x1) - 12;
    const mark = moreMark(text.length - 1, false, room);
    return {
      kind: 'arrow',
      key: String(line.seq),
      step: line.seq,
      y: SCENE.head + i * SCENE.row,
      height: SCENE.row,
      current: i === lines.length - 1,
      from: toServer ? session : SERVER,
      to: toServer ? SERVER : session,
      x1,
      x2,
      direction: line.direction,
      tone: liveTone(line),
      text: text[0] ?? '',
      label: fit(text[0] ?? '', room - mark.room),
      moreLines: text.length - 1,
      more: mark.text,
      moreRoom: mark.room,
      block: [],
      expanded: false,
    };
  });
  const height = SCENE.head + items.length * SCENE.row + SCENE.foot;

  const segments: Segment[] = shown.map((s) => ({
    id: sessionLifeline(s),
    x: x(sessionLifeline(s)),
    y1: SCENE.head,
    y2: height,
    connected: s.open,
    online: true,
  }));
  const open = sessions.filter((s) => s.open).length;
  const lifelines: Lifeline[] = [
    {
      id: SERVER,
      label: 'server',
      x: x(SERVER),
      server: true,
      online: true,
      connected: open > 0,
      state: null,
      status: `${open} open session${open === 1 ? '' : 's'}`,
    },
    ...shown.map((s) => ({
      id: sessionLifeline(s),
      label: sessionLifeline(s),
      x: x(sessionLifeline(s)),
      server: false,
      online: true,
      connected: s.open,
      state: s.open ? s.state : null,
      status: `${s.client} · ${s.open ? s.state + (idles(s) ? ' · IDLE' : '') : 'closed'}`,
    })),
  ];
  return {
    width,
    height,
    lifelines,
    segments,
    items,
    currentY: items[items.length - 1]?.y ?? SCENE.head,
  };
}
