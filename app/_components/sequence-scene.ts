import { smtpStateWords } from '@/lib/smtp/state-words';
import type { Frame } from '@/simulations/types';
import { displayText, linesWord, toneOf, type Tone } from './frame-text';
import { connectionStatus, inboxStatus, linked } from './lifeline-status';
import { MailSessions } from './scene-sessions';
import { accountsOf, SENDER, SERVER, serverOf } from './scene-participants';

/*
 * The sequence diagram as data: a pure function of the frames up to the current step (data in,
 * shapes out). The view (SequenceDiagram.tsx), the SVG export (scene-svg.ts) and the embed all
 * draw this same scene, so seeking, rewinding and exporting cannot disagree. Coordinates are SVG
 * user units (CSS pixels at scale 1); y grows downward with time.
 */

/** Layout constants, in SVG user units. */
export const SCENE = {
  /** Height of the participants' heads (name, connection, session state). */
  head: 58,
  /** One arrow row. */
  row: 30,
  /** One note row (a story event, or a note beside a device). */
  noteRow: 24,
  /** One extra line of an expanded multi-line reply. */
  line: 15,
  /** Most lines an expanded block draws; the rest are in the transcript. */
  maxBlockLines: 30,
  /** Space left and right of the outer lifelines (less where many share a narrow width: sceneMargin). */
  margin: 56,
  /** Approximate advance of one character of 11px monospace text. */
  charWidth: 6.7,
  /** Space below the last row. */
  foot: 16,
} as const;

/** One participant: a device or the server, with what matters about it now. */
export interface Lifeline {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly server: boolean;
  /** Devices: the network is up (the server is always online). */
  readonly online: boolean;
  /** Devices: a TCP connection to the server is open now (POP3/IMAP, or SMTP while sending). */
  readonly connected: boolean;
  /**
   * The POP3/IMAP session state after the latest such line to or from this device (RFC 1939 §3,
   * RFC 9051 §3); the sender's server: its SMTP state, in the RFC's terms (smtpStateWords).
   */
  readonly state: string | null;
  /**
   * A short status under the name, e.g. "connected · TRANSACTION", "connected · Selected · IDLE"
   * while an IMAP client idles, "SMTP connected · after MAIL FROM" while the mail app sends,
   * "connected · student: TRANSACTION; work: closed" for a device with a session per account, or
   * "offline". Drawn in lines by `statusLines`.
   */
  readonly status: string;
}

/** A stretch of a device's lifeline with one connection status (solid while connected, SMTP too). */
export interface Segment {
  readonly id: string;
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
  readonly connected: boolean;
  readonly online: boolean;
}

interface ItemBase {
  /** Unique within the scene: the frame's step, plus the device for a break. */
  readonly key: string;
  /** The frame (track index) this item draws; choosing the item seeks there. */
  readonly step: number;
  /** Top of the item's row. */
  readonly y: number;
  /** Height of the row, block included. */
  readonly height: number;
  /** The current step's item. */
  readonly current: boolean;
}

/** One wire unit: an arrow from sender to receiver carrying its first line. */
export interface ArrowItem extends ItemBase {
  readonly kind: 'arrow';
  readonly from: string;
  readonly to: string;
  readonly x1: number;
  readonly x2: number;
  readonly direction: 'c2s' | 's2c';
  readonly tone: Tone;
  /** The first line as shown (password masked), whole. */
  readonly text: string;
  /** `text` cut to fit between the lifelines, with an ellipsis when cut. */
  readonly label: string;
  /** Lines after the first (a multi-line reply is one block: "+ N lines"). */
  readonly moreLines: number;
  /** The mark at the arrow's right end for those lines ("+ 9 lines", "+9"; '' for none). */
  readonly more: string;
  /** Units the mark takes at the right end (the label is centred in the rest); 0 for none. */
  readonly moreRoom: number;
  /** When expanded: the further lines drawn (at most `SCENE.maxBlockLines`), cut to fit. */
  readonly block: readonly string[];
  readonly expanded: boolean;
}

/** A story event across the diagram, or a note beside one device (frames with direction 'none'). */
export interface NoteItem extends ItemBase {
  readonly kind: 'note';
  /** The device the note is about, or null for a story event spanning all lifelines. */
  readonly device: string | null;
  readonly x: number;
  readonly width: number;
  readonly text: string;
  readonly label: string;
}

/** A connection that broke without a goodbye: a broken arrow from the device toward the server. */
export interface BreakItem extends ItemBase {
  readonly kind: 'break';
  readonly device: string;
  readonly x1: number;
  readonly x2: number;
  readonly text: string;
}

export type SceneItem = ArrowItem | NoteItem | BreakItem;

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly lifelines: readonly Lifeline[];
  readonly segments: readonly Segment[];
  readonly items: readonly SceneItem[];
  /** Top of the current step's row (the view scrolls there). */
  readonly currentY: number;
}

/** Units a label keeps at least, beside the "+ N lines" mark: four characters. */
const MIN_LABEL_ROOM = 4 * SCENE.charWidth;

/**
 * The mark for the `moreLines` lines after a reply's first, at the right end of its arrow, and
 * the units it takes there, given the arrow's `room` (units between its ends, less a margin).
 * It reads "+ 9 lines" ("− 9 lines" when expanded); on an arrow too short for that and four
 * characters of label (lifelines close together: three devices in a narrow column) it reads
 * "+9", so the label does not run under it.
 */
export function moreMark(moreLines: number, expanded: boolean, room: number): { text: string; room: number } {
  if (moreLines <= 0) return { text: '', room: 0 };
  const sign = expanded ? '−' : '+';
  // The mark ends 6 units before the arrow's end; 4 more keep it off the label.
  const roomOf = (text: string) => Math.ceil(text.length * SCENE.charWidth) + 10;
  const full = `${sign} ${linesWord(moreLines)}`;
  if (room - roomOf(full) >= MIN_LABEL_ROOM) return { text: full, room: roomOf(full) };
  const short = `${sign}${moreLines}`;
  return { text: short, room: roomOf(short) };
}

/**
 * Space left and right of the outer lifelines, in units, for `lifelines` across `width`:
 * SCENE.margin, or less where four or more share a narrow width (a phone's), so that each head has the
 * room for its name (an outer head is moved inwards to stay whole, headBox). Never under 36.
 */
export function sceneMargin(width: number, lifelines: number): number {
  return Math.min(SCENE.margin, Math.max(36, width / (2 * lifelines)));
}

/** `text` cut to `room` units of monospace text, with an ellipsis when cut. */
export function fit(text: string, room: number): string {
  const chars = Math.max(3, Math.floor(room / SCENE.charWidth));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

/** Decoded lines per frame: frames are immutable, and a scene is rebuilt at every step. */
const LINES = new WeakMap<Frame, readonly string[]>();

/** The lines of a wire unit as shown, without the final CRLF's empty tail. */
function linesOf(frame: Frame): readonly string[] {
  const known = LINES.get(frame);
  if (known) return known;
  const lines = displayText(frame).split('\r\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  LINES.set(frame, lines);
  return lines;
}

/**
 * The scene for `frames[0..current]` of one protocol's track, `width` units wide.
 * `expanded` holds the steps whose multi-line block is open. Frames after `current` are not drawn.
 */
export function sequenceScene(
  frames: readonly Frame[],
  current: number,
  width: number,
  expanded: ReadonlySet<number> = new Set(),
): Scene {
  const last = frames[Math.max(0, Math.min(current, frames.length - 1))];
  if (!last) return { width, height: SCENE.head, lifelines: [], segments: [], items: [], currentY: 0 };
  // The sender's server gets a lifeline, at the far side, once it has spoken.
  const sender = frames.slice(0, current + 1).some((f) => f.device === SENDER) ? [SENDER] : [];
  // One server per account the story's wire units name (from the start, so nothing moves): the
  // first at the left, the others right of the devices, so each one's arrows stay short.
  const accounts = accountsOf(frames);
  const servers = accounts.length > 1 ? accounts.map(serverOf) : [SERVER];
  const home = servers[0]!;
  const serverFor = (frame: Frame) => (accounts.length > 1 && frame.account ? serverOf(frame.account) : home);
  const ids = [home, ...last.devices.map((d) => d.id), ...servers.slice(1), ...sender];
  const span = Math.max(1, ids.length - 1);
  const margin = sceneMargin(width, ids.length);
  const step = (width - 2 * margin) / span;
  const xOf = new Map(ids.map((id, i) => [id, margin + i * step]));
  const x = (id: string | null) => xOf.get(id ?? home) ?? margin;
  /** The server each device spoke to last: where its broken arrow points. */
  const peer = new Map<string, string>();

  const items: SceneItem[] = [];
  const segments: Segment[] = [];
  const open = new Map<string, { y1: number; connected: boolean; online: boolean }>();
  // Per device, its POP3/IMAP sessions (one per account with two) and its SMTP one: a phone whose
  // IMAP client idles while it sends has both open, and SMTP's states are not the mail client's.
  const sessions = new MailSessions(accounts);
  const smtpStates = new Map<string, string>();
  let y = SCENE.head;
  let currentY = SCENE.head;
  let previous: Frame | null = null;

  /** Closes a device's segment at `at` when its status changes (or at the end). */
  const mark = (frame: Frame, at: number, end = false) => {
    for (const d of frame.devices) {
      const seg = open.get(d.id);
      const connected = linked(d);
      if (seg && !end && seg.connected === connected && seg.online === d.online) continue;
      if (seg && at > seg.y1)
        segments.push({
          id: d.id,
          x: x(d.id),
          y1: seg.y1,
          y2: at,
          connected: seg.connected,
          online: seg.online,
        });
      open.set(d.id, { y1: seg && at <= seg.y1 ? seg.y1 : at, connected, online: d.online });
    }
  };

  for (let i = 0; i <= current && i < frames.length; i++) {
    const frame = frames[i]!;
    const isCurrent = i === current;
    const top = y;
    mark(frame, top);
    // A session that has closed or dropped idles no more.
    for (const d of frame.devices) if (!d.connected) sessions.stopIdling(d.id);
    if (frame.direction !== 'none') {
      const lines = linesOf(frame);
      const device = frame.device ?? '';
      const toServer = frame.direction === 'c2s';
      const server = serverFor(frame);
      peer.set(device, server);
      const x1 = toServer ? x(device) : x(server);
      const x2 = toServer ? x(server) : x(device);
      const room = Math.abs(x2 - x1) - 12;
      const open = expanded.has(frame.step) && lines.length > 1;
      const block = open ? lines.slice(1, 1 + SCENE.maxBlockLines).map((l) => fit(l, room)) : [];
      const height = SCENE.row + block.length * SCENE.line + (open ? 6 : 0);
      const mark = moreMark(lines.length - 1, open, room);
      if (frame.wire === 'smtp') {
        if (frame.stateAfter) smtpStates.set(device, frame.stateAfter);
      } else if (device) sessions.add(device, frame);
      items.push({
        kind: 'arrow',
        key: String(frame.step),
        step: frame.step,
        y: top,
        height,
        current: isCurrent,
        from: toServer ? device : server,
        to: toServer ? server : device,
        x1,
        x2,
        direction: frame.direction,
        tone: toneOf(frame),
        text: lines[0] ?? '',
        label: fit(lines[0] ?? '', room - mark.room),
        moreLines: lines.length - 1,
        more: mark.text,
        moreRoom: mark.room,
        block,
        expanded: open,
      });
      y += height;
    } else {
      const broken = previous
        ? frame.devices.filter((d) => !d.connected && previous!.devices.find((p) => p.id === d.id)?.connected)
        : [];
      if (broken.length > 0) {
        for (const d of broken) {
          sessions.drop(d.id);
          items.push({
            kind: 'break',
            key: `${frame.step}-${d.id}`,
            step: frame.step,
            y,
            height: SCENE.row,
            current: isCurrent,
            device: d.id,
            x1: x(d.id),
            x2: x(peer.get(d.id) ?? home),
            text: frame.narration,
          });
          y += SCENE.row;
        }
      } else {
        const beside = frame.device !== null && xOf.has(frame.device);
        const noteWidth = beside ? Math.min(width - 8, Math.max(step, 160)) : width - 8;
        const noteX = beside
          ? Math.max(4, Math.min(width - 4 - noteWidth, x(frame.device) - noteWidth / 2))
          : 4;
        items.push({
          kind: 'note',
          key: String(frame.step),
          step: frame.step,
          y,
          height: SCENE.noteRow,
          current: isCurrent,
          device: beside ? frame.device : null,
          x: noteX,
          width: noteWidth,
          text: frame.narration,
          label: fit(frame.narration, noteWidth - 12),
        });
        y += SCENE.noteRow;
      }
    }
    if (isCurrent) currentY = top;
    previous = frame;
  }
  const height = y + SCENE.foot;
  mark(last, height, true);

  const lifelines: Lifeline[] = ids.map((id) => {
    if (servers.includes(id)) {
      // Two servers are named by their account ("work", "server · 3 in INBOX"): short enough
      // for a head between close lifelines.
      const account = accounts.length > 1 ? accounts[servers.indexOf(id)] : undefined;
      return {
        id,
        label: account ?? id,
        x: x(id),
        server: true,
        online: true,
        connected: last.devices.some(linked),
        state: null,
        status: account ? `server · ${inboxStatus(last, account)}` : inboxStatus(last),
      };
    }
    if (id === SENDER)
      return {
        id,
        label: 'sender’s server',
        x: x(id),
        server: true,
        online: true,
        connected: false,
        state: smtpStates.has(id) ? smtpStateWords(smtpStates.get(id)!) : null,
        status: 'delivers over SMTP',
      };
    const d = last.devices.find((dev) => dev.id === id)!;
    const state = d.connected ? sessions.rawStateOf(id) : null;
    const shown = d.connected ? sessions.stateOf(id) : null;
    const status = !d.online
      ? 'offline'
      : d.client === 'server'
        ? 'reads the server'
        : connectionStatus(d, shown, d.smtp ? (smtpStates.get(id) ?? null) : null);
    return {
      id,
      label: id,
      x: x(id),
      server: false,
      online: d.online,
      connected: linked(d),
      state,
      status,
    };
  });

  return { width, height, lifelines, segments, items, currentY };
}
