import type { ArgReader } from '../../args';
import type { SelectedMailbox, SessionMessage } from '../../selected';
import { bad } from '../../types';

/** RFC 7162 §7: a mod-sequence is a positive 63-bit integer. */
const MAX = 2n ** 63n - 1n;

/**
 * Reads `mod-sequence-value` (RFC 7162 §7: 1*DIGIT, 1 ≤ n ≤ 2^63 − 1), or with `zero`
 * `mod-sequence-valzer` ("0" / mod-sequence-value). An atom of digits only; a quoted string,
 * a sign or a value out of range is BAD. Values past 2^53 keep their order against ours (which
 * are far smaller), which is all a comparison needs.
 */
export function modseqValue(text: string, what: string, zero = false): number {
  if (!/^\d{1,19}$/.test(text)) throw bad(`Invalid ${what} (expected a mod-sequence number)`);
  const n = BigInt(text);
  if (n > MAX || (n === 0n && !zero)) throw bad(`Invalid ${what} (out of range)`);
  return Number(n);
}

/** Reads a mod-sequence atom from an argument reader. */
export function readModseq(a: ArgReader, what: string, zero = false): number {
  return modseqValue(a.atom(what), what, zero);
}

/** The highest mod-sequence among messages (RFC 7162 §3.1.5: what SEARCH MODSEQ reports). */
export function highestOf(messages: readonly SessionMessage[]): number {
  let max = 0;
  for (const { message } of messages) if (message.modseq > max) max = message.modseq;
  return max;
}

/**
 * The HIGHESTMODSEQ this session may be told now: the mailbox's (RFC 7162 §3.1.2.1: "the highest
 * mod-sequence value of all messages in the mailbox"), but below any expunge it has not yet been
 * told of. §3.2: "if the server sends MODSEQ FETCH data items while EXPUNGE (or VANISHED) replies
 * with lower mod-sequences being delayed, the server MUST send the HIGHESTMODSEQ response code
 * with a lower value than the EXPUNGE's mod-sequence" (a client that kept the higher value and
 * lost the connection would never hear of the expunge). A message another session expunged stays
 * in this session's view, marked expunged, until an EXPUNGE may be sent (RFC 9051 §7.5.1: not
 * during FETCH, STORE or SEARCH). A lower value is always safe: the client asks again for changes
 * it has. Flag changes and new messages waiting are reported before the command's tagged reply,
 * the point where the client takes the value (§6), so they need no such care.
 */
export function reportableHighest(selected: SelectedMailbox): number {
  const box = selected.mailbox;
  const unheard: number[] = [];
  for (const { message } of selected.all()) if (message.expunged) unheard.push(message.uid);
  if (unheard.length === 0) return box.highestModseq;
  // `expungedSince(n)` names the UIDs expunged after n: the largest n that still names every one
  // of them is one below the earliest of their expunges.
  let low = 0;
  let high = box.highestModseq;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const after = new Set<number>(box.expungedSince(mid));
    if (unheard.every((uid) => after.has(uid))) low = mid;
    else high = mid - 1;
  }
  // A mod-sequence-value is at least 1 (§7); the counter starts there, so every expunge is above.
  return Math.max(low, 1);
}

/** The capability names (RFC 7162 §3.1, §3.2). */
export const CONDSTORE = 'CONDSTORE';
export const QRESYNC = 'QRESYNC';
