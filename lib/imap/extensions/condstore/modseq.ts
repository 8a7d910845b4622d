import type { ArgReader } from '../../args';
import type { SessionMessage } from '../../selected';
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

/** The capability names (RFC 7162 §3.1, §3.2). */
export const CONDSTORE = 'CONDSTORE';
export const QRESYNC = 'QRESYNC';
