import { IMAP, cite } from './cite';
import type { Node } from './imap-syntax';
import type { Tokens } from './tokens';

/**
 * Where each RETURN option of SEARCH (and SORT) is defined. In an IMAP4rev2 session MIN, MAX,
 * ALL, COUNT and SAVE are the base protocol's (RFC 9051 §6.4.4); in an IMAP4rev1 session they
 * come from ESEARCH (RFC 4731 §3.1) and SEARCHRES (RFC 5182 §2.1). PARTIAL is RFC 9394 §3.1,
 * UPDATE and CONTEXT RFC 5267 §4 in both.
 */
const RETURN_OPTIONS: Record<string, { text: string; rev1: string; rev2?: string }> = {
  MIN: { text: 'the lowest matching number', rev1: 'RFC 4731 §3.1' },
  MAX: { text: 'the highest matching number', rev1: 'RFC 4731 §3.1' },
  ALL: { text: 'every matching number, as a compact set such as 2:5,9', rev1: 'RFC 4731 §3.1' },
  COUNT: { text: 'how many messages match', rev1: 'RFC 4731 §3.1' },
  SAVE: {
    text: 'keep the result on the server, so that later commands can name it as $',
    rev1: 'RFC 5182 §2.1',
  },
  PARTIAL: {
    text: 'only one page of the result: the range that follows counts matches from the first (1:100) or from the last (-1:-100)',
    rev1: 'RFC 9394 §3.1',
    rev2: 'RFC 9394 §3.1',
  },
  UPDATE: {
    text: 'keep the search live: the server reports, unasked, messages that join (ADDTO) or leave (REMOVEFROM) the result',
    rev1: 'RFC 5267 §4.3',
    rev2: 'RFC 5267 §4.3',
  },
  CONTEXT: {
    text: 'a hint that the client will ask again about this result, so the server may keep it',
    rev1: 'RFC 5267 §4.2',
    rev2: 'RFC 5267 §4.2',
  },
};

/**
 * Explains the arguments of SEARCH: `RETURN (…)` says what to send back and in what form
 * (an ESEARCH response), which is not part of which messages match; the rest are criteria
 * (RFC 3501 §6.4.4, RFC 9051 §6.4.4).
 */
export function explainSearchArgs(args: readonly Node[], rev2: boolean | undefined, t: Tokens): void {
  let i = 0;
  if (args[0]?.text.toUpperCase() === 'RETURN' && args[1]?.kind === 'list') {
    const options = args[1];
    const returnRfc = rev2 ? 'RFC 9051 §6.4.4' : 'RFC 4731 §3.1';
    t.node(
      args[0],
      'RETURN: what to send back and in what form (one ESEARCH line), not which messages match.',
      returnRfc,
    );
    if (options.children.length === 0)
      t.node(options, '(): no options: the same as (ALL), answered as ESEARCH.', returnRfc);
    for (const o of options.children) {
      const known = RETURN_OPTIONS[o.text.toUpperCase()];
      if (known)
        t.node(o, `${o.text}: ${known.text}.`, rev2 ? (known.rev2 ?? 'RFC 9051 §6.4.4') : known.rev1);
      else if (/^-?\d+:-?\d+$/.test(o.text))
        t.node(o, `${o.text}: the page of matches PARTIAL asks for.`, 'RFC 9394 §3.1');
      else t.node(o, `${o.text}: a result option this server does not know (it answers BAD).`, returnRfc);
    }
    i = 2;
  }
  const criteria = args.slice(i);
  for (let k = 0; k < criteria.length; k++) {
    const a = criteria[k]!;
    const key = a.text.toUpperCase();
    if (key === 'MODSEQ' && a.kind === 'atom') {
      k = explainModseqKey(criteria, k, t);
      continue;
    }
    // "$" is SEARCHRES's saved result (RFC 5182 §2.1), the base protocol's in IMAP4rev2
    // (RFC 9051 §6.4.4).
    if (a.text === '$') {
      t.node(
        a,
        '$: the messages of the result the last SEARCH RETURN (SAVE) kept on the server.',
        rev2 ? 'RFC 9051 §6.4.4' : 'RFC 5182 §2.1',
      );
      continue;
    }
    if (a.kind === 'list') {
      explainSearchArgs(a.children, rev2, t);
      continue;
    }
    t.node(a, `${a.text}: part of the search criteria.`, cite(IMAP.searchCommand, rev2));
  }
}

/**
 * CONDSTORE's search key (RFC 7162 §3.1.5), in either revision: `MODSEQ [entry-name
 * entry-type] n`. Returns the index of its last node.
 */
function explainModseqKey(nodes: readonly Node[], k: number, t: Tokens): number {
  const rfc = 'RFC 7162 §3.1.5';
  const key = nodes[k]!;
  const entry = nodes[k + 1]?.kind === 'quoted' ? nodes[k + 1] : undefined;
  const type = entry ? nodes[k + 2] : undefined;
  const valueAt = entry ? k + 3 : k + 1;
  const value = nodes[valueAt];
  t.node(
    key,
    `${key.text}: a search key of CONDSTORE, not of the base protocol: messages whose mod-sequence is at least the number that follows (changed since then); the answer ends with the highest mod-sequence found.`,
    rfc,
  );
  if (entry && type) {
    t.add(
      entry.start,
      type.end,
      `${entry.text} ${type.text}: which metadata item to compare (a flag, as "/flags/…"; priv, shared or all). This server keeps one mod-sequence per message, so, as RFC 7162 §3.1.5 requires of such a server, it ignores them (once their form is checked) and compares the message’s own.`,
      rfc,
    );
  }
  if (value) t.node(value, `${value.text}: the mod-sequence to compare against.`, rfc);
  return value ? valueAt : k;
}

/**
 * What `UID` changes about a command (RFC 3501 §6.4.8, RFC 9051 §6.4.9, UID EXPUNGE RFC 4315
 * §2.1): the numbers it names, and for SEARCH, SORT and THREAD the numbers it answers with.
 */
export function uidMeaning(command: string): string {
  switch (command.toUpperCase()) {
    case 'SEARCH':
    case 'SORT':
    case 'THREAD':
      return `${command} whose answer lists UIDs, not sequence numbers. The criteria keep their meaning: a bare number set is still sequence numbers, and the UID key names UIDs.`;
    case 'FETCH':
    case 'STORE':
      return `${command} with UIDs instead of sequence numbers: the set names UIDs (n:* always includes the highest UID, even one below n); each reply still starts with the message's sequence number and carries its UID as a UID item.`;
    case 'EXPUNGE':
      return 'EXPUNGE of only the \\Deleted messages whose UIDs are named; the EXPUNGE replies still give sequence numbers.';
    default:
      return `${command} with UIDs instead of sequence numbers: the set names UIDs.`;
  }
}
