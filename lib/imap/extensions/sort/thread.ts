import { parseSearch, type Criterion } from '../../search';
import type { SessionMessage } from '../../selected';
import { bad, defineCommand, no, type ImapCommand } from '../../types';
import type { SearchKeyDef } from '../define';
import { SORT_CHARSETS } from './sort';
import { formatReferenceThread, referenceThreads } from './references';
import { sortMessages, sortValue } from './sort-keys';

/** The threading algorithms offered (RFC 5256 §3). */
export const THREAD_ALGORITHMS = ['ORDEREDSUBJECT', 'REFERENCES'] as const;

interface ThreadArgs {
  readonly algorithm: (typeof THREAD_ALGORITHMS)[number];
  readonly charset: string;
  readonly search: Criterion;
  readonly extensionKeys: readonly SearchKeyDef[];
}

/** One thread of ORDEREDSUBJECT: its first message and the rest, all children of the first. */
export interface SubjectThread<T> {
  readonly root: T;
  readonly children: readonly T[];
}

/**
 * ORDEREDSUBJECT, "poor man's threading" (RFC 5256 §3): sort by base subject, then sent date;
 * each run of one base subject is a thread whose first message is the root and the others its
 * children, in sent-date order (no grandchildren); threads are ordered by their root's sent
 * date. Ties keep mailbox order.
 */
export function orderedSubjectThreads<T extends { readonly message: SessionMessage['message'] }>(
  messages: readonly T[],
): SubjectThread<T>[] {
  const sorted = sortMessages(messages, [
    { key: 'SUBJECT', reverse: false },
    { key: 'DATE', reverse: false },
  ]);
  const threads: { root: T; children: T[]; subject: number | string }[] = [];
  for (const m of sorted) {
    const subject = sortValue(m.message, 'SUBJECT');
    const last = threads.at(-1);
    if (last && last.subject === subject) last.children.push(m);
    else threads.push({ root: m, children: [], subject });
  }
  // Threads in the order of their first message's sent date; ties in mailbox order.
  const date = (m: T) => sortValue(m.message, 'DATE') as number;
  return threads.sort(
    (a, b) => date(a.root) - date(b.root) || messages.indexOf(a.root) - messages.indexOf(b.root),
  );
}

/**
 * One thread as `thread-list` (RFC 5256 §5): `(r)`, `(r c)` for one child, `(r (c1)(c2)…)` for
 * siblings, since `thread-nested = 2*thread-list`.
 */
export function formatSubjectThread(root: number, children: readonly number[]): string {
  if (children.length === 0) return `(${root})`;
  if (children.length === 1) return `(${root} ${children[0]})`;
  return `(${root} ${children.map((c) => `(${c})`).join('')})`;
}

/**
 * RFC 5256 §3: `THREAD algorithm charset search-criteria`; answers `* THREAD` with the threads
 * (sequence numbers, or UIDs for UID THREAD). An algorithm not offered is BAD; a charset other
 * than UTF-8 or US-ASCII is `NO [BADCHARSET (UTF-8 US-ASCII)]`.
 */
function threadCommand(byUid: boolean): ImapCommand<ThreadArgs> {
  const name = byUid ? 'UID THREAD' : 'THREAD';
  return defineCommand({
    name,
    states: ['Selected'],
    syntax: `${name} ORDEREDSUBJECT|REFERENCES charset search-criteria...`,
    summary: 'Ask the server to search and group the matches into conversations (threads).',
    rfc: 'RFC 5256 §3',
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      const word = a.atom('threading algorithm').toUpperCase();
      const algorithm = THREAD_ALGORITHMS.find((t) => t === word);
      if (!algorithm) throw bad(`Unknown threading algorithm: ${word.slice(0, 20)}`);
      const charset = a.astring('charset').toUpperCase();
      const rest = a.rest();
      if (rest.length === 0) throw bad('Missing search criteria');
      const { criterion, extensionKeys } = parseSearch(rest);
      return { algorithm, charset, search: criterion, extensionKeys };
    },
    explain: ({ algorithm }) =>
      `ask the server to group the matching messages into conversations ${algorithm === 'REFERENCES' ? 'by who replied to whom (REFERENCES)' : 'by subject (ORDEREDSUBJECT)'}, as ${byUid ? 'UIDs' : 'message numbers'}`,
    run(ctx, { algorithm, charset, search, extensionKeys }) {
      if (!(SORT_CHARSETS as readonly string[]).includes(charset))
        throw no('Unsupported charset', 'BADCHARSET (UTF-8 US-ASCII)');
      for (const key of extensionKeys) if (key.enables) ctx.enable(key.enables);
      const selected = ctx.selected!;
      const hits = selected.all().filter((m) => search(m, selected));
      const id = (m: SessionMessage) => (byUid ? m.message.uid : m.seq) as number;
      const threads =
        algorithm === 'REFERENCES'
          ? referenceThreads(hits).map((t) => formatReferenceThread(t, id))
          : orderedSubjectThreads(hits).map((t) => formatSubjectThread(id(t.root), t.children.map(id)));
      ctx.untagged(`THREAD${threads.length ? ' ' + threads.join('') : ''}`);
      return {};
    },
  });
}

export const thread = threadCommand(false);
export const uidThread = threadCommand(true);
