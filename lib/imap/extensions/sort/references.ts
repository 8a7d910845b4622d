/**
 * THREAD=REFERENCES (RFC 5256 §3): threads built from Message-ID, References and In-Reply-To,
 * then threads whose base subjects match are merged: the RFC's steps (1)–(6), after Jamie
 * Zawinski's algorithm.
 */
import { decodeHeaderValue } from '../../../mail/decode';
import { headerValue } from '../../../mail/mime';
import type { StoredMessage } from '../../../mailstore/message';
import { mimeOf } from '../../fetch-render';
import { baseSubject } from './base-subject';
import { sortValue } from './sort-keys';

/** A node of the thread tree: a message, or a dummy (`message` null) standing for a missing one. */
interface Container<T> {
  message: T | null;
  parent: Container<T> | null;
  children: Container<T>[];
}

/** A msg-id: its left part quoted (`<"a b"@host>`, RFC 5322's obsolete form) or not, or anything else between angle brackets. */
const MSG_ID = /<"((?:[^"\\\r\n]|\\.)*)"@([^<>\s]+)>|<[^<>\s]+>/g;

/**
 * The msg-ids of a header field, in order, normalized; [] when it has none. RFC 5256 §3: "MUST
 * normalize any msg-id in order to avoid false non-matches due to differences in quoting", so
 * `<"01KF8JCEOCBS0045PS"@xxx.yyy.com>` is `<01KF8JCEOCBS0045PS@xxx.yyy.com>`. Comparisons stay
 * case-sensitive (§3).
 */
export function msgIds(value: string | null): string[] {
  if (value === null) return [];
  return [...value.matchAll(MSG_ID)].map((m) =>
    m[1] === undefined ? m[0] : `<${m[1].replace(/\\(.)/g, '$1')}@${m[2]}>`,
  );
}

/** The normalized msg-ids of a message's header field (msgIds). */
const idsOf = (message: StoredMessage, field: string) => msgIds(headerValue(mimeOf(message).headers, field));

/** The decoded Subject (or ""), the input of base-subject extraction (RFC 5256 §2.1 step 1). */
function subjectOf(message: StoredMessage): string {
  const subject = headerValue(mimeOf(message).headers, 'subject');
  return subject === null ? '' : decodeHeaderValue(subject);
}

/**
 * True when base-subject extraction removes a reply or forward marker: a `subj-refwd` leader, a
 * "(fwd)" trailer, or a `[fwd: …]` wrapper. RFC 5256 §3 calls such a message "a reply or
 * forward", which REFERENCES step (5) asks.
 */
export function isReplyOrForward(decoded: string): boolean {
  const s = decoded.replace(/[\t\r\n ]+/g, ' ');
  return (
    /^ ?(?:\[[^[\]]*\] ?)*(?:re|fwd?) ?(?:\[[^[\]]*\] ?)?:/i.test(s) ||
    /\(fwd\)[ ]*$/i.test(s) ||
    /^ ?\[fwd:.*\] ?$/i.test(s)
  );
}

/** True when `a` is `b` or one of its ancestors: linking b above a would make a loop. */
function reaches<T>(a: Container<T>, b: Container<T>): boolean {
  for (let c: Container<T> | null = b; c; c = c.parent) if (c === a) return true;
  return false;
}

function unlink<T>(c: Container<T>): void {
  if (!c.parent) return;
  c.parent.children = c.parent.children.filter((x) => x !== c);
  c.parent = null;
}

function link<T>(parent: Container<T>, child: Container<T>): void {
  child.parent = parent;
  parent.children.push(child);
}

/**
 * The threads of `messages` (the search hits, in mailbox order) by RFC 5256 §3's REFERENCES
 * algorithm. Each returned container is a thread's root; a root with `message` null is a dummy
 * whose children are sibling threads (written `((a)(b))`).
 */
export function referenceThreads<T extends { readonly message: StoredMessage }>(
  messages: readonly T[],
): Container<T>[] {
  // (1) The id table: a container per msg-id seen.
  const table = new Map<string, Container<T>>();
  const containerFor = (id: string) => {
    let c = table.get(id);
    if (!c) table.set(id, (c = { message: null, parent: null, children: [] }));
    return c;
  };
  let unique = 0;
  for (const m of messages) {
    let refs = idsOf(m.message, 'references');
    if (refs.length === 0) refs = idsOf(m.message, 'in-reply-to').slice(0, 1);
    // (1A) Link the references in order, parent before child, keeping existing links, no loops.
    for (let i = 0; i + 1 < refs.length; i++) {
      const parent = containerFor(refs[i]!);
      const child = containerFor(refs[i + 1]!);
      if (!child.parent && !reaches(child, parent)) link(parent, child);
    }
    // (1B) This message's container (a new one when its Message-ID is missing or seen before).
    const own = idsOf(m.message, 'message-id')[0];
    const existing = own === undefined ? undefined : table.get(own);
    const self: Container<T> =
      existing && existing.message === null
        ? existing
        : own === undefined || existing
          ? { message: null, parent: null, children: [] }
          : containerFor(own);
    if (existing === undefined && own === undefined) table.set(`\0${unique++}`, self);
    else if (existing && existing !== self) table.set(`\0${unique++}`, self);
    self.message = m;
    unlink(self);
    const last = refs.length ? containerFor(refs.at(-1)!) : null;
    if (last && !reaches(self, last)) link(last, self);
  }
  // (2) The root set: the containers with no parent.
  let roots = [...table.values()].filter((c) => !c.parent);
  // (3) Prune dummies.
  roots = prune(roots, true);
  // (4) Sort by sent date (a dummy by its first child's), ties in mailbox order. Below the top
  // level too: step (6) sorts those again after the merge, to the same order.
  const order = new Map(messages.map((m, i) => [m, i]));
  const sortAll = (list: Container<T>[]) => sortSiblings(list, order);
  sortAll(roots);
  // (5) Merge threads with the same base subject.
  roots = mergeBySubject(roots);
  // (6) Sort every set of siblings again.
  sortAll(roots);
  return roots;
}

/** RFC 5256 §3 REFERENCES step (3): drop childless dummies; promote a dummy's children unless at the root with several. */
function prune<T>(list: Container<T>[], atRoot: boolean): Container<T>[] {
  const out: Container<T>[] = [];
  for (const c of list) {
    c.children = prune(c.children, false);
    if (c.message !== null) out.push(c);
    else if (c.children.length === 0) continue;
    else if (!atRoot || c.children.length === 1) {
      for (const child of c.children) child.parent = atRoot ? null : c.parent;
      out.push(...c.children);
    } else out.push(c);
  }
  return out;
}

/** The message that stands for a container when sorting or reading its subject: its own or its first child's. */
function representative<T>(c: Container<T>): T {
  let x = c;
  while (x.message === null) x = x.children[0]!;
  return x.message;
}

function sortSiblings<T extends { readonly message: StoredMessage }>(
  list: Container<T>[],
  order: ReadonlyMap<T, number>,
): void {
  for (const c of list) sortSiblings(c.children, order);
  const key = (c: Container<T>) => {
    const m = representative(c);
    return { date: sortValue(m.message, 'DATE') as number, index: order.get(m)! };
  };
  list.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x.date - y.date || x.index - y.index;
  });
}

/** RFC 5256 §3 REFERENCES step (5): one thread per base subject among the roots. */
function mergeBySubject<T extends { readonly message: StoredMessage }>(
  roots: Container<T>[],
): Container<T>[] {
  const subject = (c: Container<T>) => subjectOf(representative(c).message);
  const isDummy = (c: Container<T>) => c.message === null;
  const reply = (c: Container<T>) => !isDummy(c) && isReplyOrForward(subject(c));
  // (5A)–(5B) The subject table: one thread per base subject, a dummy before a message, and a
  // message that is no reply or forward before one that is.
  const table = new Map<string, Container<T>>();
  for (const c of roots) {
    const base = baseSubject(subject(c));
    if (base === '') continue;
    const held = table.get(base);
    if (!held || (!isDummy(held) && (isDummy(c) || (reply(held) && !reply(c))))) table.set(base, c);
  }
  // (5C) Merge each root into the thread the table holds for its subject.
  let out = [...roots];
  for (const c of roots) {
    const base = baseSubject(subject(c));
    const held = base === '' ? undefined : table.get(base);
    if (!held || held === c) continue;
    out = out.filter((x) => x !== c);
    if (isDummy(held) && isDummy(c)) {
      for (const child of c.children) link(held, child);
    } else if (isDummy(held) || (reply(c) && !reply(held))) {
      link(held, c);
    } else {
      const dummy: Container<T> = { message: null, parent: null, children: [] };
      out[out.indexOf(held)] = dummy;
      link(dummy, held);
      link(dummy, c);
      table.set(base, dummy);
    }
  }
  return out;
}

/**
 * One thread as `thread-list` (RFC 5256 §5): a chain of single children is written with spaces
 * (`(1 2 3)`), several children as `thread-nested` (`(1 (2)(3))`), a dummy root as `((2)(3))`.
 */
export function formatReferenceThread<T>(root: Container<T>, id: (m: T) => number): string {
  const members = (c: Container<T>): string => {
    const head = c.message === null ? [] : [String(id(c.message))];
    if (c.children.length === 1 && c.message !== null) return [...head, members(c.children[0]!)].join(' ');
    const nested = c.children.map((x) => `(${members(x)})`).join('');
    return nested ? [...head, nested].join(' ') : head.join(' ');
  };
  return `(${members(root)})`;
}
