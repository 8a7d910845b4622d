import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import type { LiveEvent, LiveInfo, LiveLine, LiveSessionView } from '@/lib/live/view-types';
import { idlingAfter } from '@/lib/imap/idling';
import { idles } from '../../_components/lifeline-status';
import { eventSeq } from '@/lib/live/line-codec';
import { diffServer, NO_CHANGE } from '../../_components/store-diff';

/** What the browser keeps: bounded, however long the workshop runs. */
export const LINES_PER_SESSION = 100;
/** Sessions kept: every open one, and closed ones up to this many sessions in all. */
export const SESSIONS_SHOWN = 60;
/** Lanes drawn at once: a full workshop room stays readable and the page stays smooth. */
export const LANES_SHOWN = 24;

export interface LiveModel {
  info: LiveInfo | null;
  store: StoreSnapshot | null;
  /**
   * The store as it was before each account's latest change (an INBOX message added, removed or
   * flagged), or null before the first picture: the server panel highlights those changes. Per
   * account, so that in a room each student's INBOX keeps its own latest change while others
   * work; a store picture that changes nothing (the server sends one after any line) keeps it,
   * so a highlight stays until that account's next change instead of vanishing with the next
   * command.
   */
  storeBefore: StoreSnapshot | null;
  /** Every open session and the most recent closed ones, by id (connection order). */
  sessions: LiveSessionView[];
  /**
   * The lanes drawn, in order: open sessions first, newest first, then closed ones. While
   * `frozen` (the pointer or the focus is on the list) the order and the set stay as they are
   * and only each lane's content changes, so nothing moves under the pointer; a lane whose
   * session the model has dropped keeps its last view until the list is released.
   */
  lanes: LiveSessionView[];
  frozen: boolean;
  /**
   * The sequence number of the latest event the model shows (see LiveEvent), from the state
   * fetched at a resync or the events applied since: an event at or below it is already shown
   * (the state included it, or it came twice) and is skipped.
   */
  seq: number;
}

export const EMPTY_MODEL: LiveModel = {
  info: null,
  store: null,
  storeBefore: null,
  sessions: [],
  lanes: [],
  frozen: false,
  seq: 0,
};

/** Applies one server event to the page's model (pure, so it can be tested). */
export function applyLiveEvent(model: LiveModel, event: LiveEvent): LiveModel {
  return applyLiveEvents(model, [event]);
}

/**
 * Applies a batch of server events at once (pure): one pass over the events and one over the
 * sessions, however many events the batch holds, so a busy room costs the page one update per
 * batch instead of one per event. Events the model already shows (sequence number at or below
 * `model.seq`: the state fetched at a resync included them) are skipped, so after a resync no
 * line shows twice and no older store picture replaces the newer one.
 */
export function applyLiveEvents(model: LiveModel, all: readonly LiveEvent[]): LiveModel {
  const events = all.filter((e) => eventSeq(e) > model.seq);
  if (events.length === 0) return model;
  const seq = events.reduce((latest, e) => Math.max(latest, eventSeq(e)), model.seq);
  let store = model.store;
  let storeBefore = model.storeBefore;
  const byId = new Map(model.sessions.map((s) => [s.id, s]));
  const pending = new Map<number, LiveLine[]>();
  for (const event of events) {
    if (event.type === 'store') {
      storeBefore = store && storeBeforeChanges(event.store, store, storeBefore);
      store = event.store;
    } else if (event.type === 'session') {
      const existing = byId.get(event.session.id);
      byId.set(event.session.id, existing ? { ...event.session, lines: existing.lines } : event.session);
    } else {
      const existing = byId.get(event.session);
      // A line for a session we have not seen yet: its 'session' event follows at once.
      byId.set(
        event.session,
        existing
          ? { ...existing, state: event.line.state, idle: idlingAfter(event.line, idles(existing)) }
          : {
              id: event.session,
              protocol: 'imap',
              client: '',
              state: event.line.state,
              open: true,
              lines: [],
              idle: idlingAfter(event.line, false),
            },
      );
      const list = pending.get(event.session) ?? [];
      list.push(event.line);
      pending.set(event.session, list);
    }
  }
  for (const [id, added] of pending) {
    const s = byId.get(id)!;
    byId.set(id, { ...s, lines: appendLines(s.lines, added) });
  }
  const sessions = bound([...byId.values()].sort((a, b) => a.id - b.id));
  return withLanes({ ...model, store, storeBefore, sessions, seq });
}

/** Freezes or releases the lanes (pointer or focus on the list, or not). */
export function freezeLanes(model: LiveModel, frozen: boolean): LiveModel {
  return frozen === model.frozen ? model : withLanes({ ...model, frozen });
}

/**
 * Replaces the sessions and the store with the state fetched at a resync, which includes every
 * event up to `seq` (keeping the frozen state); no change is highlighted. Events after `seq`
 * that arrived while the state was fetched are applied after it (applyLiveEvents).
 */
export function resetSessions(
  model: LiveModel,
  next: { info: LiveInfo; sessions: LiveSessionView[]; store: StoreSnapshot | null; seq: number },
): LiveModel {
  return withLanes({
    ...model,
    ...next,
    storeBefore: null,
    sessions: bound([...next.sessions].sort((a, b) => a.id - b.id)),
  });
}

function withLanes(model: LiveModel): LiveModel {
  if (!model.frozen) return { ...model, lanes: laneOrder(model.sessions) };
  const byId = new Map(model.sessions.map((s) => [s.id, s]));
  return { ...model, lanes: model.lanes.map((lane) => byId.get(lane.id) ?? lane) };
}

/** Open sessions first, newest first; then the closed ones, newest first; at most LANES_SHOWN. */
function laneOrder(sessions: readonly LiveSessionView[]): LiveSessionView[] {
  const open = sessions.filter((s) => s.open).reverse();
  const closed = sessions.filter((s) => !s.open).reverse();
  return [...open, ...closed].slice(0, LANES_SHOWN);
}

function appendLines(lines: readonly LiveLine[], added: readonly LiveLine[]): LiveLine[] {
  const next = [...lines, ...added];
  return next.length > LINES_PER_SESSION ? next.slice(next.length - LINES_PER_SESSION) : next;
}

/** Keeps every open session and the most recent closed ones. */
function bound(sessions: LiveSessionView[]): LiveSessionView[] {
  if (sessions.length <= SESSIONS_SHOWN) return sessions;
  const closed = sessions.filter((s) => !s.open);
  const drop = new Set(closed.slice(0, sessions.length - SESSIONS_SHOWN).map((s) => s.id));
  return sessions.filter((s) => !drop.has(s.id));
}

/**
 * The store before each account's latest change, given the `next` picture, the `shown` one and
 * the last result: an account that `next` changes is taken from `shown`; one it does not keeps
 * its earlier "before" (or itself, if it never changed: nothing to highlight). Accounts are
 * matched by user; the outbox and the rest come from `next` (the panel compares INBOXes only).
 */
export function storeBeforeChanges(
  next: StoreSnapshot,
  shown: StoreSnapshot,
  before: StoreSnapshot | null,
): StoreSnapshot {
  const accounts = next.accounts.map((account) => {
    const was = shown.accounts.find((a) => a.user === account.user);
    const changed = was && diffServer({ accounts: [account] }, { accounts: [was] }) !== NO_CHANGE;
    if (changed) return was;
    return before?.accounts.find((a) => a.user === account.user) ?? was ?? account;
  });
  return { ...next, accounts };
}
