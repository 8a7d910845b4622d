import type { LocalMessage } from '../types';
import {
  envelopeSummary,
  fetchItems,
  parseUntagged,
  splitResponses,
  tokenList,
  tokenText,
} from './imap-responses';

export interface ImapCache {
  /** Cached messages in UID order, which is also the server's sequence order. */
  readonly messages: readonly LocalMessage[];
  /** The message count the server last reported (EXISTS). */
  readonly exists: number;
}

/** EXISTS grew past what is cached: the envelopes of new mail must be fetched. */
export function needsFetch(cache: ImapCache): boolean {
  return cache.exists > cache.messages.length;
}

/**
 * Applies a server reply to the client's cache, in order: EXISTS (new mail to fetch),
 * EXPUNGE (a message left the server), FETCH (envelope, flags, a body). This is the client half
 * of RFC 9051 §7.5's untagged responses.
 */
export function applyResponses(cache: ImapCache, raw: string, account: string): ImapCache {
  let messages = [...cache.messages];
  let exists = cache.exists;
  for (const response of splitResponses(raw)) {
    const u = parseUntagged(response);
    if (u?.kind === 'VANISHED' && u.number === null) {
      // QRESYNC (RFC 7162 §3.2.10): UIDs gone. `(EARLIER)`: gone before this session, already
      // left out of EXISTS; without it, each one leaves the mailbox now, as an EXPUNGE would.
      const earlier = /^\(EARLIER\) /i.test(u.rest);
      const uids = uidsOf(u.rest.replace(/^\(EARLIER\) /i, ''));
      messages = messages.filter((m) => !(m.account === account && uids.has(m.uid)));
      if (!earlier) exists -= uids.size;
      continue;
    }
    if (!u || u.number === null) continue;
    if (u.kind === 'EXISTS') {
      exists = u.number;
    } else if (u.kind === 'EXPUNGE') {
      messages.splice(u.number - 1, 1);
      exists--;
    } else if (u.kind === 'FETCH') {
      const items = fetchItems(u.rest);
      const uidText = tokenText(items.get('UID'));
      const uid = uidText ? Number(uidText) : messages[u.number - 1]?.uid;
      if (uid === undefined) continue;
      const index = messages.findIndex((m) => m.uid === uid && m.account === account);
      const flags = items.has('FLAGS') ? tokenList(items.get('FLAGS')).map((t) => tokenText(t) ?? '') : null;
      // BODY[] is the whole message; BODY[1] (or 1.1…) one part of it (RFC 9051 §6.4.5).
      const section = [...items.keys()].find((k) => k.startsWith('BODY['));
      const body = section ? tokenText(items.get(section)) : null;
      const update: Partial<LocalMessage> = {};
      if (flags) {
        Object.assign(update, {
          seen: flags.includes('\\Seen'),
          flagged: flags.includes('\\Flagged'),
          deleted: flags.includes('\\Deleted'),
        });
      }
      if (body !== null && section === 'BODY[]') {
        Object.assign(update, { hasBody: true, partial: false, storedBytes: body.length });
      } else if (body !== null && index >= 0) {
        const before = messages[index]!;
        Object.assign(update, {
          hasBody: true,
          partial: true,
          storedBytes: before.storedBytes + body.length,
        });
      }
      if (index >= 0) {
        messages[index] = { ...messages[index]!, ...update };
      } else if (items.has('ENVELOPE')) {
        const { subject, from } = envelopeSummary(items.get('ENVELOPE'));
        const size = Number(tokenText(items.get('RFC822.SIZE')) ?? 0);
        messages.push({
          uid,
          subject,
          from,
          size,
          seen: false,
          flagged: false,
          hasBody: false,
          account,
          storedBytes: response.length,
          ...update,
        });
        messages = messages.sort((a, b) => a.uid - b.uid);
      }
    }
  }
  return { messages, exists };
}

/** The UIDs of a sequence set such as `2,5:7` (no `*`: a server sends none in VANISHED). */
function uidsOf(text: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.trim().split(',')) {
    const [a, b = a] = part.split(':').map(Number);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    for (let n = Math.min(a!, b!); n <= Math.max(a!, b!); n++) out.add(n);
  }
  return out;
}
