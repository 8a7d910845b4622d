import { describe, expect, it } from 'vitest';
import { SequenceSet } from './seqset';
import { spansOf } from './spans';

describe('spansOf', () => {
  it.each([
    ['1', 10, [[1, 1]]],
    ['1:*', 10, [[1, 10]]],
    ['*', 7, [[7, 7]]],
    ['5:2', 10, [[2, 5]]],
    ['*:4', 6, [[4, 6]]],
    ['3,1,2', 10, [[1, 3]]],
    [
      '1:4,3:6,9',
      10,
      [
        [1, 6],
        [9, 9],
      ],
    ],
    [
      '8:9,1,5:*',
      6,
      [
        [1, 1],
        [5, 6],
        [8, 9],
      ],
    ],
    ['7:8,5:*', 6, [[5, 8]]],
    ['2,2,2', 10, [[2, 2]]],
  ] as const)('%s with * = %i', (text, star, expected) => {
    expect(spansOf(SequenceSet.parse(text), star)).toEqual(expected);
  });
});
