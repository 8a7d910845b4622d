import { bad } from '../../types';

/**
 * A page of a result, as PARTIAL names it (RFC 9394 §4):
 *
 * ```abnf
 * partial-range       = partial-range-first / partial-range-last
 * partial-range-first = nz-number ":" nz-number          ; 1 is the first result
 * partial-range-last  = MINUS nz-number ":" MINUS nz-number ; -1 is the last result
 * ```
 *
 * `500:400` is the same page as `400:500`; `*` is not allowed; both ends carry the same sign.
 */
export interface PartialRange {
  /** The range as the client wrote it, echoed in the response (RFC 9394 §3.1). */
  readonly text: string;
  /** True for `-a:-b`: positions counted back from the last result. */
  readonly fromEnd: boolean;
  /** The smaller and larger position, both >= 1 (without the minus). */
  readonly low: number;
  readonly high: number;
}

const NZ = '[1-9][0-9]{0,9}';
const RANGE = new RegExp(`^(-?)(${NZ}):(-?)(${NZ})$`);

/** Reads a partial-range; anything else (`*`, 0, mixed signs, a single number) is a BAD. */
export function parsePartialRange(text: string): PartialRange {
  const m = RANGE.exec(text);
  const a = Number(m?.[2]);
  const b = Number(m?.[4]);
  if (!m || m[1] !== m[3] || a > 0xffffffff || b > 0xffffffff)
    throw bad(`Invalid PARTIAL range (1:100 or -1:-100): ${text.slice(0, 30)}`);
  return { text, fromEnd: m[1] === '-', low: Math.min(a, b), high: Math.max(a, b) };
}

/**
 * The 0-based positions, ascending, that a range picks out of a result of `count` entries: for
 * `low:high` entries low…high counting from 1; for `-low:-high` the same counted back from the
 * last (-1). Positions past either end are simply not there (RFC 9394 §3.1), so the page may be
 * shorter than the range, or empty.
 */
export function pagePositions(range: PartialRange, count: number): number[] {
  const first = range.fromEnd ? count - range.high : range.low - 1;
  const last = range.fromEnd ? count - range.low : range.high - 1;
  const out: number[] = [];
  for (let i = Math.max(first, 0); i <= Math.min(last, count - 1); i++) out.push(i);
  return out;
}

/** The range in words, for explanations: "results 1 to 50", "the last 50 results". */
export function rangeWords(range: PartialRange): string {
  if (!range.fromEnd) return `results ${range.low} to ${range.high}`;
  return range.low === 1
    ? `the last ${range.high}`
    : `results ${range.low} to ${range.high} counted back from the last`;
}
