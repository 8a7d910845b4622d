import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseThreadLine, type ThreadNode } from './thread-tree';

const leaf = (n: number | null, ...children: ThreadNode[]): ThreadNode => ({ number: n, children });

describe('reading a THREAD response (RFC 5256 §4)', () => {
  it('a chain of members is each message answering the one before', () => {
    expect(parseThreadLine('* THREAD (1)(2)(3)(4 5 6)')).toEqual([
      leaf(1),
      leaf(2),
      leaf(3),
      leaf(4, leaf(5, leaf(6))),
    ]);
  });

  it('nested lists are several answers to one message', () => {
    expect(parseThreadLine('* THREAD (4 (5)(6))')).toEqual([leaf(4, leaf(5), leaf(6))]);
  });

  it("RFC 5256 §4's example: (2)(3 6 (4 23)(44 7 96))", () => {
    expect(parseThreadLine('* THREAD (2)(3 6 (4 23)(44 7 96))')).toEqual([
      leaf(2),
      leaf(3, leaf(6, leaf(4, leaf(23)), leaf(44, leaf(7, leaf(96))))),
    ]);
  });

  it('a thread opening with nested lists has a missing first message', () => {
    expect(parseThreadLine('* THREAD ((7)(8))')).toEqual([leaf(null, leaf(7), leaf(8))]);
  });

  it('no threads, and lines that are not THREAD responses', () => {
    expect(parseThreadLine('* THREAD')).toEqual([]);
    expect(parseThreadLine('* SORT 1 2')).toBeNull();
    expect(parseThreadLine('* THREAD (1')).toBeNull();
    expect(parseThreadLine('* THREAD (1) x')).toBeNull();
  });

  it('fuzzed: never throws, and every number of a well-formed response appears once', () => {
    const tree: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? fc.integer({ min: 1, max: 99 }).map((n) => `(${n})`)
        : fc
            .tuple(
              fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
              fc.array(tree(depth - 1), { maxLength: 3 }),
            )
            .map(([members, nested]) =>
              nested.length >= 2 ? `(${members.join(' ')} ${nested.join('')})` : `(${members.join(' ')})`,
            ),
    );
    const count = (nodes: readonly ThreadNode[]): number =>
      nodes.reduce((n, t) => n + (t.number === null ? 0 : 1) + count(t.children), 0);
    fc.assert(
      fc.property(fc.array(tree(3), { maxLength: 4 }), fc.string(), (threads, junk) => {
        const line = `* THREAD ${threads.join('')}`.trimEnd();
        const parsed = parseThreadLine(line);
        expect(parsed).not.toBeNull();
        expect(count(parsed!)).toBe((threads.join(' ').match(/\d+/g) ?? []).length);
        expect(() => parseThreadLine(`* THREAD ${junk}`)).not.toThrow();
      }),
    );
  });
});
