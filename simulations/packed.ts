import type { StoreSnapshot } from '../lib/mailstore/snapshot';
import type { Step, Timeline } from './seek';
import type { DeviceSnapshot, Frame, Intent, Protocol } from './types';

/**
 * A timeline as data to ship: the same frames, with each distinct server and device snapshot
 * stored once (consecutive frames share them) and referenced by index. Built at build time, so
 * the page can show a scenario without running the engine.
 */
export interface PackedTimeline {
  readonly format: 'pop-vs-imap-timeline/1';
  readonly scenario: string;
  readonly intents: readonly Intent[];
  readonly servers: readonly StoreSnapshot[];
  readonly devices: readonly DeviceSnapshot[];
  readonly tracks: Readonly<Record<Protocol, readonly PackedFrame[]>>;
  /** [intent, pop3 frame, imap frame] per lockstep step. */
  readonly steps: readonly (readonly [number, number, number])[];
}

/** `display` is left out where it equals `raw` (everything but password lines). */
type PackedFrame = Omit<Frame, 'server' | 'devices' | 'display'> & {
  readonly server: number;
  readonly devices: readonly number[];
  readonly display?: string | null;
};

export function packTimeline(timeline: Timeline): PackedTimeline {
  const servers: StoreSnapshot[] = [];
  const devices: DeviceSnapshot[] = [];
  const serverIndex = new Map<string, number>();
  const deviceIndex = new Map<string, number>();
  const intern = <T>(table: T[], index: Map<string, number>, value: T) => {
    const key = JSON.stringify(value);
    let i = index.get(key);
    if (i === undefined) {
      i = table.push(value) - 1;
      index.set(key, i);
    }
    return i;
  };
  const pack = ({ display, ...frame }: Frame): PackedFrame => ({
    ...frame,
    ...(display !== frame.raw ? { display } : {}),
    server: intern(servers, serverIndex, frame.server),
    devices: frame.devices.map((d) => intern(devices, deviceIndex, d)),
  });
  return {
    format: 'pop-vs-imap-timeline/1',
    scenario: timeline.scenario,
    intents: timeline.intents,
    servers,
    devices,
    tracks: { pop3: timeline.tracks.pop3.map(pack), imap: timeline.tracks.imap.map(pack) },
    steps: timeline.steps.map((s) => [s.intent, s.pop3, s.imap] as const),
  };
}

export function unpackTimeline(packed: PackedTimeline): Timeline {
  if (packed.format !== 'pop-vs-imap-timeline/1')
    throw new Error(`Unknown timeline format: ${String(packed.format)}`);
  const unpack = ({ display, ...frame }: PackedFrame): Frame => ({
    ...frame,
    display: display === undefined ? frame.raw : display,
    server: packed.servers[frame.server]!,
    devices: frame.devices.map((i) => packed.devices[i]!),
  });
  return {
    scenario: packed.scenario,
    intents: packed.intents,
    tracks: { pop3: packed.tracks.pop3.map(unpack), imap: packed.tracks.imap.map(unpack) },
    steps: packed.steps.map(([intent, pop3, imap]): Step => ({ intent, pop3, imap })),
  };
}
