import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import type { DeviceSnapshot, LocalMessage } from '@/simulations/types';

/** What one step did to one message in one store. */
export interface MessageChange {
  /** `new`: not in this store at the previous step; `updated`: there before, and something changed. */
  readonly kind: 'new' | 'updated';
  /** What changed, in the words the card shows, e.g. `['now read']` or `['body downloaded']`. */
  readonly what: readonly string[];
}

/** The difference between a store at one step and at the step before, keyed like the cards. */
export interface StoreDiff {
  /** Changed or new messages, by card key (see `serverKey` and `deviceKeys`). */
  readonly changed: ReadonlyMap<string, MessageChange>;
  /** Subjects of the messages that were there at the previous step and are gone now. */
  readonly removed: readonly string[];
}

/** No previous step (the first frame, a live view): nothing is highlighted. */
export const NO_CHANGE: StoreDiff = { changed: new Map(), removed: [] };

/** The card key of a server message: account and UID (UIDs are never reused, RFC 9051 §2.3.1.1). */
export const serverKey = (account: string, uid: number) => `${account}/${uid}`;

/**
 * Card keys for a device's messages, in order: account, server UID and an occurrence count,
 * since a POP3 client can hold two copies of one message after a session that dropped before
 * QUIT (RFC 1939 §6: the deletions were never committed, so the next session downloads again).
 */
export function deviceKeys(messages: readonly LocalMessage[]): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const base = `${m.account}/${m.uid}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

/** Words for a flag that was set (`on`) or cleared, as the cards name them. */
function flagWords(flag: string, on: boolean): string {
  switch (flag) {
    case '\\Seen':
      return on ? 'now read' : 'now unread';
    case '\\Flagged':
      return on ? 'now flagged' : 'flag removed';
    case '\\Deleted':
      return on ? 'marked \\Deleted' : '\\Deleted removed';
    default:
      return on ? `${flag} set` : `${flag} removed`;
  }
}

/**
 * The server's INBOXes now against the same protocol's server at the previous step: messages
 * delivered (or appended), flags set or cleared, messages expunged or deleted at POP3 QUIT.
 * Without a previous snapshot, or with the very same one (frames share unchanged snapshots),
 * nothing changed.
 */
export function diffServer(now: StoreSnapshot, previous: StoreSnapshot | undefined): StoreDiff {
  if (!previous || previous === now) return NO_CHANGE;
  const before = new Map<string, { flags: readonly string[]; subject: string }>();
  for (const account of previous.accounts) {
    for (const m of inboxOf(account)) before.set(serverKey(account.user, m.uid), m);
  }
  const changed = new Map<string, MessageChange>();
  const present = new Set<string>();
  for (const account of now.accounts) {
    for (const m of inboxOf(account)) {
      const key = serverKey(account.user, m.uid);
      present.add(key);
      const old = before.get(key);
      if (!old) {
        changed.set(key, { kind: 'new', what: ['new on the server'] });
        continue;
      }
      const what = [
        ...m.flags.filter((f) => !old.flags.includes(f)).map((f) => flagWords(f, true)),
        ...old.flags.filter((f) => !m.flags.includes(f)).map((f) => flagWords(f, false)),
      ];
      if (what.length > 0) changed.set(key, { kind: 'updated', what });
    }
  }
  const removed = [...before].filter(([key]) => !present.has(key)).map(([, m]) => m.subject);
  return changed.size === 0 && removed.length === 0 ? NO_CHANGE : { changed, removed };
}

function inboxOf(account: StoreSnapshot['accounts'][number]) {
  return account.mailboxes.find((b) => b.name === 'INBOX')?.messages ?? [];
}

/** How much of a message a device holds: its body, the text part only, or the envelope only (UID FETCH … ENVELOPE: a summary of some header fields, not the header). */
export type CopyWords = 'envelope only' | 'text part only' | 'full copy';

/** How much of a message a device holds, in the cards' words. */
export function copyWords(m: Pick<LocalMessage, 'hasBody' | 'partial'>): CopyWords {
  return !m.hasBody ? 'envelope only' : m.partial ? 'text part only' : 'full copy';
}

/**
 * One device's mail now against the same device at the previous step: copies that arrived
 * (an envelope-only entry, a whole message), bodies downloaded into envelope-only entries, flags
 * changed, copies removed. A device that was not there before has nothing highlighted.
 */
export function diffDevice(now: DeviceSnapshot, previous: DeviceSnapshot | undefined): StoreDiff {
  if (!previous || previous === now || previous.messages === now.messages) return NO_CHANGE;
  const oldKeys = deviceKeys(previous.messages);
  const before = new Map(oldKeys.map((k, i) => [k, previous.messages[i]!]));
  const keys = deviceKeys(now.messages);
  const changed = new Map<string, MessageChange>();
  keys.forEach((key, i) => {
    const m = now.messages[i]!;
    const old = before.get(key);
    if (!old) {
      changed.set(key, { kind: 'new', what: [now.client === 'server' ? 'new' : `arrived: ${copyWords(m)}`] });
      return;
    }
    const what: string[] = [];
    if (copyWords(old) !== copyWords(m)) {
      what.push(old.hasBody ? `now ${copyWords(m)}` : m.partial ? 'text part downloaded' : 'body downloaded');
    }
    if (old.seen !== m.seen) what.push(flagWords('\\Seen', m.seen));
    if (old.flagged !== m.flagged) what.push(flagWords('\\Flagged', m.flagged));
    if (Boolean(old.deleted) !== Boolean(m.deleted)) what.push(flagWords('\\Deleted', Boolean(m.deleted)));
    if (what.length > 0) changed.set(key, { kind: 'updated', what });
  });
  const present = new Set(keys);
  const removed = oldKeys.filter((k) => !present.has(k)).map((k) => before.get(k)!.subject);
  return changed.size === 0 && removed.length === 0 ? NO_CHANGE : { changed, removed };
}

/** Each device's diff, matched by device id. */
export function diffDevices(
  now: readonly DeviceSnapshot[],
  previous: readonly DeviceSnapshot[] | undefined,
): Map<string, StoreDiff> {
  const byId = new Map(previous?.map((d) => [d.id, d]));
  return new Map(now.map((d) => [d.id, diffDevice(d, byId.get(d.id))]));
}

/**
 * The cards to draw for a store at this step: `now` (with its card keys `nowKeys`), and each
 * message the step removed from `before` put back where it was, marked `leaving` (the card fades
 * out; see MessageCard). Without `before` (the first frame, a jump), just `now`.
 */
export function withLeaving<T>(
  now: readonly T[],
  nowKeys: readonly string[],
  before?: { messages: readonly T[]; keys: readonly string[] },
): { message: T; key: string; leaving: boolean }[] {
  const out = now.map((message, i) => ({ message, key: nowKeys[i]!, leaving: false }));
  if (!before) return out;
  const present = new Set(nowKeys);
  // Each leaving card goes right after the last card that stayed before it.
  let at = 0;
  before.messages.forEach((message, i) => {
    const key = before.keys[i]!;
    if (present.has(key)) {
      at = out.findIndex((o) => !o.leaving && o.key === key) + 1;
      return;
    }
    out.splice(at, 0, { message, key, leaving: true });
    at += 1;
  });
  return out;
}
