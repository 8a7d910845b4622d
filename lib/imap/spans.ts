import type { SequenceSet } from './seqset';

/**
 * The numbers a sequence set names, as ascending, non-overlapping `[low, high]` spans (both
 * ends included), `*` read as `star` (RFC 9051 §9: the largest number in use). `3:1` is `1:3`,
 * and overlapping or adjacent ranges merge, so walking the spans visits each number once, in
 * order, without building a list of every number. Nothing is checked against a mailbox here.
 */
export function spansOf(set: SequenceSet, star: number): [number, number][] {
  const spans: [number, number][] = [];
  let sorted = true;
  for (const r of set.ranges) {
    const a = r.from ?? star;
    const b = r.to ?? star;
    const span: [number, number] = a <= b ? [a, b] : [b, a];
    const last = spans[spans.length - 1];
    if (last && span[0] < last[0]) sorted = false;
    spans.push(span);
  }
  if (!sorted) spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}
