import type { ScenarioId } from './catalog';
import type { Timeline } from './seek';
import type { Frame, Intent, Protocol } from './types';

/*
 * A link into a scenario that names the frame it wants by what the frame shows, not by its
 * step number: the scenarios change, the predicate still finds the frame (or a test fails).
 */

/** What a predicate sees of one frame: the frame, its intent, and the frames before it in its track. */
export interface FrameView {
  readonly frame: Frame;
  /** The intent the frame belongs to (null for the opening frame). */
  readonly intent: Intent | null;
  /** The frames before this one in the same protocol's track, oldest first. */
  readonly earlier: readonly Frame[];
  readonly timeline: Timeline;
}

export type FramePredicate = (view: FrameView) => boolean;

/** A link to the first frame of `protocol`'s run of `scenario` that `find` accepts. */
export interface StepLink {
  readonly scenario: ScenarioId;
  readonly protocol: Protocol;
  /** What the linked step shows, in a learner's words ("the first DELE the client sends"). */
  readonly shows: string;
  readonly find: FramePredicate;
}

/** Where a link lands: the lockstep step (0-based, as in `?step=`) and the frame shown there. */
export interface LocatedStep {
  readonly step: number;
  readonly frame: Frame;
}

/** The first lockstep step whose `link.protocol` column shows a frame `link.find` accepts, or null. */
export function locateStep(timeline: Timeline, link: StepLink): LocatedStep | null {
  const frames = timeline.tracks[link.protocol];
  for (let index = 0; index < frames.length; index++) {
    const frame = frames[index]!;
    const intent = frame.intent >= 0 ? (timeline.intents[frame.intent] ?? null) : null;
    if (!link.find({ frame, intent, earlier: frames.slice(0, index), timeline })) continue;
    const step = timeline.steps.findIndex((s) => s[link.protocol] === index);
    return step >= 0 ? { step, frame } : null;
  }
  return null;
}

/** The compare page's address for a step (`/?scenario=<id>&step=<n>`, as url-state.ts reads it). */
export function stepHref(scenario: string, step: number): string {
  return `/?${new URLSearchParams({ scenario, step: String(step) }).toString()}`;
}

/** The command a client line carries, without the IMAP tag, upper-cased ("UID FETCH 1:* (...)"). */
export function commandLine(frame: Frame): string | null {
  if (frame.direction !== 'c2s' || frame.raw === null) return null;
  const line = frame.protocol === 'imap' ? frame.raw.replace(/^\S+ /, '') : frame.raw;
  return line.toUpperCase();
}

/** A client line whose command starts with `prefix` (case-insensitive), from `device` if given. */
export function sends(prefix: string, device?: string): FramePredicate {
  const want = prefix.toUpperCase();
  return ({ frame }) =>
    (device === undefined || frame.device === device) && (commandLine(frame)?.startsWith(want) ?? false);
}

/** A server line matching `pattern`, to `device` if given. */
export function receives(pattern: RegExp, device?: string): FramePredicate {
  return ({ frame }) =>
    frame.direction === 's2c' &&
    frame.raw !== null &&
    (device === undefined || frame.device === device) &&
    pattern.test(frame.raw);
}

/** How many messages the server's INBOX of `user` (default: the first account) holds at a frame. */
export function serverInboxCount(frame: Frame, user?: string): number {
  const account = user ? frame.server.accounts.find((a) => a.user === user) : frame.server.accounts[0];
  return account?.mailboxes.find((m) => m.name === 'INBOX')?.messages.length ?? 0;
}

/** Both predicates hold. */
export function both(a: FramePredicate, b: FramePredicate): FramePredicate {
  return (view) => a(view) && b(view);
}

/**
 * An "open message" step while the device is offline, where the device holds (`withBody`) or
 * lacks the message's body: what a client can show without a connection.
 */
export function openedOffline(withBody: boolean): FramePredicate {
  return ({ frame, intent }) =>
    intent?.type === 'openMessage' &&
    frame.direction === 'none' &&
    frame.devices.some(
      (d) =>
        d.id === intent.device &&
        !d.online &&
        d.messages.some((m) => m.uid === intent.message && m.hasBody === withBody),
    );
}
