import type { SceneItem } from './sequence-scene';

/**
 * Which rows of a sequence diagram to draw: those whose band meets [`lo`, `hi`] (scene units,
 * y down). A long run has hundreds of rows; drawing only these keeps each step's work (and a
 * seek's) proportional to the view, not to the run.
 *
 * `items` must be sorted by `y` and must not overlap (as `sequenceScene` makes them). Returns
 * indices into `items`, ascending.
 */
export function rowsInView(items: readonly SceneItem[], lo: number, hi: number): number[] {
  // The first row whose bottom reaches `lo` (rows do not overlap, so bottoms ascend too).
  let a = 0;
  let b = items.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    const item = items[mid]!;
    if (item.y + item.height < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let i = a; i < items.length && items[i]!.y <= hi; i++) out.push(i);
  return out;
}
