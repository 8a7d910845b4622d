import { describe, expect, it } from 'vitest';
import type { SceneItem } from './sequence-scene';
import { rowsInView } from './diagram-window';

/** Rows of 30 units one under the other from y = 58, as a scene lays them out. */
const rows = (n: number): SceneItem[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'note',
    key: String(i),
    step: i,
    y: 58 + i * 30,
    height: 30,
    current: false,
    device: null,
    x: 4,
    width: 400,
    text: `note ${i}`,
    label: `note ${i}`,
  }));

describe('rowsInView', () => {
  it('keeps the rows whose band meets the range, touching rows included', () => {
    // Row 3 spans 148–178, row 6 spans 238–268.
    expect(rowsInView(rows(20), 160, 238)).toEqual([3, 4, 5, 6]);
  });

  it('is empty for a range past the last row, and for no rows', () => {
    expect(rowsInView(rows(5), 1000, 2000)).toEqual([]);
    expect(rowsInView([], 0, 2000)).toEqual([]);
  });

  it('starts at the first row for a range above it', () => {
    expect(rowsInView(rows(3), -500, 100)).toEqual([0, 1]);
  });
});
