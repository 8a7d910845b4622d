import { explainRecord } from '../lib/explain';
import type { StoreSnapshot } from '../lib/mailstore/snapshot';
import type { SessionEvent } from '../lib/session/types';
import type { DeviceSnapshot, Frame, Protocol } from './types';

/** A frame's own content; the recorder adds step, time, snapshots and metrics. */
export type FrameContent = Omit<
  Frame,
  'step' | 'intent' | 't' | 'protocol' | 'server' | 'devices' | 'metrics'
>;

/**
 * Records one protocol's frames with their pictures and running metrics. The server is pictured
 * when a frame is recorded (a command's frame before the server acts on it, a reply's after);
 * the devices when the next frame comes, so that a reply's frame shows what the client made of
 * it. Unchanged pictures are shared between consecutive frames.
 */
export class FrameRecorder {
  readonly frames: Frame[] = [];
  private bytesUp = 0;
  private bytesDown = 0;
  private roundTrips = 0;
  private unsettled = false;
  private readonly previous = new Map<string, { json: string; value: unknown }>();

  constructor(
    private readonly protocol: Protocol,
    private readonly pictureServer: () => StoreSnapshot,
    private readonly pictureDevices: () => { id: string; snapshot: DeviceSnapshot }[],
  ) {}

  /** Counts a wire unit's bytes (and a command as a round trip). */
  count(event: SessionEvent): void {
    if (event.direction === 'c2s') {
      this.bytesUp += event.bytes;
      this.roundTrips++;
    } else this.bytesDown += event.bytes;
  }

  record(content: FrameContent, intent: number, t: number): void {
    this.settle();
    const server = this.reuse('server', this.pictureServer());
    const inboxes = server.accounts.map((a) => a.mailboxes.find((b) => b.name === 'INBOX')!);
    this.frames.push({
      step: this.frames.length,
      intent,
      t: Math.round(t),
      protocol: this.protocol,
      ...this.explained(content),
      server,
      devices: [],
      metrics: {
        bytesDown: this.bytesDown,
        bytesUp: this.bytesUp,
        roundTrips: this.roundTrips,
        serverMessages: inboxes.reduce((n, box) => n + box.messages.length, 0),
        serverBytes: server.accounts.reduce((n, a) => n + a.usedBytes, 0),
      },
    });
    this.unsettled = true;
  }

  /**
   * A wire frame with its explanation and RFC section (lib/explain): a server line's from the
   * explainer, which reads the frames before it for context; a client line keeps its command's
   * unless it has none (or the section depends on the state, as QUIT's does).
   */
  private explained(content: FrameContent): FrameContent {
    if (content.direction === 'none') return content;
    const x = explainRecord({ ...content, protocol: this.protocol }, this.frames);
    return { ...content, explanation: content.explanation ?? x.explanation, rfc: x.rfc };
  }

  /** Gives the latest frame its device pictures. */
  settle(): void {
    if (!this.unsettled) return;
    const last = this.frames[this.frames.length - 1]!;
    const devices = this.pictureDevices().map(({ id, snapshot }) => this.reuse(`device:${id}`, snapshot));
    this.frames[this.frames.length - 1] = { ...last, devices };
    this.unsettled = false;
  }

  /** The previous picture when nothing changed: less memory, and the UI skips identical redraws. */
  private reuse<T>(key: string, value: T): T {
    const json = JSON.stringify(value);
    const before = this.previous.get(key);
    if (before && before.json === json) return before.value as T;
    this.previous.set(key, { json, value });
    return value;
  }
}

/** A frame for one wire unit. */
export function wireContent(
  device: string,
  e: SessionEvent,
  narration: string,
  /** The connection was inside TLS when the unit travelled. */
  encrypted = false,
  /** The account whose server the unit went to or came from (`Frame.account`). */
  account: string | null = null,
): FrameContent {
  return {
    ...(e.protocol === 'smtp' ? { wire: 'smtp' as const } : {}),
    ...(account ? { account } : {}),
    ...(encrypted ? { encrypted: true as const } : {}),
    device,
    direction: e.direction,
    raw: e.raw,
    display: e.masked ?? e.raw,
    bytes: e.bytes,
    command: e.command ?? null,
    outcome: e.outcome ?? null,
    stateBefore: e.stateBefore,
    stateAfter: e.stateAfter,
    explanation: e.explanation ?? null,
    rfc: e.rfc ?? null,
    narration,
  };
}

/** A frame that only narrates (an intent, a note). */
export function noteContent(device: string | null, narration: string): FrameContent {
  return {
    device,
    direction: 'none',
    raw: null,
    display: null,
    bytes: 0,
    command: null,
    outcome: null,
    stateBefore: null,
    stateAfter: null,
    explanation: null,
    rfc: null,
    narration,
  };
}
