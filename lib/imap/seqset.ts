import { asSeqNum, type SeqNum, type Uid } from '../mailstore/ids';
import { bad } from './types';

/** One range of a sequence set; `null` stands for `*` (the largest number in use). */
interface Range {
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * An IMAP sequence set (RFC 9051 §9 `sequence-set`): `1`, `2:4`, `5:*`, `1,3,7:9`. The same
 * syntax names sequence numbers or UIDs; the resolve methods give them their own types.
 */
export class SequenceSet {
  private constructor(
    readonly ranges: readonly Range[],
    readonly text: string,
    /** True when one of the set's elements is `$` (see `includesSaved`). */
    private readonly saved: boolean,
  ) {}

  /**
   * Parses a sequence set. Its last element may be `$`, the saved search result (RFC 5182 §3
   * `sequence-set =/ seq-last-command`, RFC 9051 §9): alone, or after numbers, as
   * `(seq-number / seq-range) ["," sequence-set]` derives `1,$`. Nothing follows it (`$,1` is
   * not derived) and it is no range's end (`$:4`): those are BAD.
   */
  static parse(text: string): SequenceSet {
    const parts = text.split(',');
    const saved = parts.at(-1) === '$';
    const numeric = saved ? parts.slice(0, -1) : parts;
    if (numeric.some((p) => !/^[0-9*:]+$/.test(p))) throw bad(`Invalid sequence set: ${text.slice(0, 40)}`);
    const ranges = numeric.map((part): Range => {
      const ends = part.split(':');
      if (ends.length > 2) throw bad(`Invalid sequence set: ${text.slice(0, 40)}`);
      const from = parseNumber(ends[0]!);
      return { from, to: ends.length === 2 ? parseNumber(ends[1]!) : from };
    });
    return new SequenceSet(ranges, text, saved);
  }

  /**
   * True for `$` alone: the messages the last `SEARCH RETURN (SAVE)` kept (extensions/searchres).
   * It has no ranges: resolve it with `targets()`, never with `resolveSeq` or `containsUid`.
   */
  get isSavedResult(): boolean {
    return this.saved && this.ranges.length === 0;
  }

  /**
   * True when the set names the saved search result, alone or beside numbers (`1,$`): its
   * messages are the saved ones and those of `ranges` (`targets()` joins them).
   */
  get includesSaved(): boolean {
    return this.saved;
  }

  /** The set's text without its `$` element: `3:4` for `3:4,$`; empty for `$`. */
  get numbersText(): string {
    return this.saved ? this.text.slice(0, -2) : this.text;
  }

  get usesStar(): boolean {
    return this.ranges.some((r) => r.from === null || r.to === null);
  }

  /**
   * Sequence numbers in a mailbox of `count` messages, ascending, without duplicates. RFC 9051
   * §9: a number past the end, or `*` in an empty mailbox, is an error (BAD).
   */
  resolveSeq(count: number): SeqNum[] {
    const out = new Set<number>();
    for (const r of this.ranges) {
      const a = r.from ?? count;
      const b = r.to ?? count;
      if (a < 1 || b < 1 || a > count || b > count) throw bad('Invalid message sequence number');
      for (let n = Math.min(a, b); n <= Math.max(a, b); n++) out.add(n);
    }
    return [...out].sort((x, y) => x - y).map(asSeqNum);
  }

  /**
   * Whether `uid` is in the set, given the largest UID in use (`*`). UIDs not in the mailbox are
   * simply absent (RFC 9051 §6.4.9); `n:*` always includes the last message.
   */
  containsUid(uid: Uid, maxUid: number): boolean {
    for (const r of this.ranges) {
      const a = r.from ?? maxUid;
      const b = r.to ?? maxUid;
      if (uid >= Math.min(a, b) && uid <= Math.max(a, b)) return true;
    }
    return false;
  }

  /** Compact text for a list of UIDs, e.g. `1:3,7` (COPYUID, ESEARCH). */
  static format(numbers: readonly number[]): string {
    const sorted = [...numbers].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
      i = j + 1;
    }
    return parts.join(',');
  }

  /** Like {@link format} but keeps the given order (COPYUID pairs source and destination UIDs). */
  static formatInOrder(numbers: readonly number[]): string {
    return numbers.join(',');
  }
}

function parseNumber(text: string): number | null {
  if (text === '*') return null;
  // nz-number: no leading zero, at most 2^32 - 1.
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) > 0xffffffff)
    throw bad(`Invalid number in sequence set: ${text.slice(0, 20)}`);
  return Number(text);
}
