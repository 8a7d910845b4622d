/**
 * Reads a `* THREAD` response (RFC 5256 §4) into a tree, for drawing a conversation view:
 *
 * ```abnf
 * thread-data    = "THREAD" [SP 1*thread-list]
 * thread-list    = "(" (thread-members / thread-nested) ")"
 * thread-members = nz-number *(SP nz-number) [SP thread-nested]
 * thread-nested  = 2*thread-list
 * ```
 *
 * `(4 5 6)` is 4, answered by 5, answered by 6; `(4 (5)(6))` is 4 with two answers. A thread
 * that opens with a nested list, `((7)(8))`, has a first message that is not in the mailbox (a
 * dummy): its node has `number: null`.
 */
export interface ThreadNode {
  /** The message (sequence number, or UID for UID THREAD); null for a missing parent. */
  readonly number: number | null;
  readonly children: readonly ThreadNode[];
}

/** The threads of a THREAD line (`* THREAD …` or `THREAD …`); null when it is not one. */
export function parseThreadLine(line: string): ThreadNode[] | null {
  const m = /^(?:\* )?THREAD ?(.*)$/.exec(line);
  if (!m) return null;
  const text = m[1]!;
  let i = 0;
  // thread-list: "(" then members and/or nested lists, ")"; returns the list's root node.
  const list = (): ThreadNode => {
    if (text[i] !== '(') throw new Error('expected (');
    i++;
    const numbers: number[] = [];
    while (/[0-9]/.test(text[i] ?? '')) {
      const start = i;
      while (/[0-9]/.test(text[i] ?? '')) i++;
      numbers.push(Number(text.slice(start, i)));
      if (text[i] === ' ') i++;
    }
    const nested: ThreadNode[] = [];
    while (text[i] === '(') nested.push(list());
    if (text[i] !== ')') throw new Error('expected )');
    i++;
    // The chain of members, the last holding the nested replies (or, with no member, a dummy).
    let node: ThreadNode = { number: numbers.length ? numbers.pop()! : null, children: nested };
    while (numbers.length) node = { number: numbers.pop()!, children: [node] };
    return node;
  };
  try {
    const threads: ThreadNode[] = [];
    while (i < text.length) threads.push(list());
    return threads;
  } catch {
    return null;
  }
}
