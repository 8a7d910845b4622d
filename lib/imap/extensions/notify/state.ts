/**
 * NOTIFY's state per session (RFC 5465): what the last NOTIFY asked for, kept by session object
 * (`ImapContext.origin`), so the session itself names no extension.
 */
import type { FetchItem } from '../../fetch-items';
import type { NotifyWatch } from './watch';

/** What SELECTED or SELECTED-DELAYED asked for (RFC 5465 §6.1), or null when neither was given. */
export interface SelectedRequest {
  /** SELECTED-DELAYED: EXPUNGE waits for a command that allows it (NOOP, IDLE…). */
  readonly delayed: boolean;
  readonly events: ReadonlySet<string>;
  /** MessageNew's fetch attributes: a FETCH after EXISTS for each new message (§5.2). */
  readonly fetch: readonly FetchItem[];
}

/** One session's NOTIFY: after NOTIFY NONE, `selected` is null and `watch` watches nothing. */
export interface NotifyState {
  readonly selected: SelectedRequest | null;
  readonly watch: NotifyWatch | null;
  /** The session's ENABLEd names (live), for IMAP4rev2's flag lists. */
  readonly enabled: ReadonlySet<string>;
}

/** By session object; a session that never sent NOTIFY has none and keeps the core's rules. */
export const NOTIFY_STATE = new WeakMap<object, NotifyState>();

/** The state of a session, if it sent NOTIFY. */
export function notifyStateOf(session: unknown): NotifyState | undefined {
  return typeof session === 'object' && session !== null ? NOTIFY_STATE.get(session) : undefined;
}

/** Replaces a session's NOTIFY state, detaching the old watch's listeners. */
export function setNotifyState(session: unknown, state: NotifyState | null): void {
  if (typeof session !== 'object' || session === null) return;
  NOTIFY_STATE.get(session)?.watch?.stop();
  if (state) NOTIFY_STATE.set(session, state);
  else NOTIFY_STATE.delete(session);
}
