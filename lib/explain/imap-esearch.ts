/**
 * The ESEARCH response (RFC 9051 §7.3.4, RFC 4731 §3.1): a SEARCH's result in compact form, also
 * ESORT's (RFC 5267 §3.1), its updates (ADDTO and REMOVEFROM, RFC 5267 §4.3.3, §4.3.4), PARTIAL
 * pages (RFC 9394 §3.1) and MODSEQ (RFC 7162 §3.1.10).
 */
import { IMAP, cite } from './cite';
import type { Said } from './imap-data';
import type { Node } from './imap-syntax';
import type { Tokens } from './tokens';
import type { WireUnit } from './types';

/** Explains `* ESEARCH (TAG "t") [UID] name value …`, result by result. */
export function explainEsearch(u: WireUnit, at: number, nodes: readonly Node[], tokens: Tokens): Said {
  // ESORT (RFC 5267 §3.1): SORT RETURN (…) answers in ESEARCH's shape, read in the sort order.
  const sorted = /(^|\s)SORT$/i.test(u.command ?? '');
  const rfc = sorted ? 'RFC 5267 §3.1' : cite(IMAP.esearch, u.rev2);
  tokens.add(
    at,
    at + 7,
    sorted
      ? 'ESEARCH: the result of a SORT, in compact form (ESORT).'
      : 'ESEARCH: the result of a SEARCH in compact form.',
    rfc,
  );
  const parts: string[] = [];
  let uid = false;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const key = n.text.toUpperCase();
    if (n.kind === 'list')
      tokens.node(n, `${n.text}: the tag of the ${sorted ? 'SORT' : 'SEARCH'} this answers.`, rfc);
    else if (key === 'UID') {
      uid = true;
      tokens.node(n, 'UID: the numbers below are UIDs, not sequence numbers.', rfc);
    } else if ((key === 'ADDTO' || key === 'REMOVEFROM') && nodes[i + 1]) {
      // RFC 5267 §4.3.3, §4.3.4: unasked updates of a search made with RETURN (UPDATE).
      const v = nodes[++i]!;
      const add = key === 'ADDTO';
      const pairs = v.text.replace(/^\(|\)$/g, '').split(' ');
      const said: string[] = [];
      for (let p = 0; p + 1 < pairs.length; p += 2)
        said.push(
          pairs[p] === '0'
            ? `${pairs[p + 1]} (in mailbox order)`
            : `${pairs[p + 1]} ${add ? 'at' : 'from'} position ${pairs[p]}`,
        );
      tokens.add(
        n.start,
        v.end,
        `${n.text} ${v.text}: ${add ? 'messages that now match the search, to add to its result' : 'messages that no longer match (or were expunged), to take out of its result'}: ${said.join(', ')}.`,
        add ? 'RFC 5267 §4.3.3' : 'RFC 5267 §4.3.4',
      );
      parts.push(`${add ? 'added' : 'removed'} ${said.join(', ')}`);
    } else if (key === 'PARTIAL' && nodes[i + 1]) {
      const v = nodes[++i]!;
      const [range, found] = v.text.replace(/^\(|\)$/g, '').split(' ');
      const from = range?.startsWith('-')
        ? 'counting back from the last match'
        : 'counting from the first match';
      tokens.add(
        n.start,
        v.end,
        `${n.text} ${v.text}: one page of the result, positions ${range ?? '?'} (${from}): ${found === 'NIL' || !found ? 'no message is in that page' : found}.`,
        'RFC 9394 §3.1',
      );
      parts.push(`page ${range ?? '?'}: ${found ?? 'NIL'}`);
    } else if (key === 'MODSEQ' && nodes[i + 1]) {
      // RFC 7162 §3.1.10 (and RFC 4731 §3.2): after a search with the MODSEQ key.
      const v = nodes[++i]!;
      tokens.add(
        n.start,
        v.end,
        `${n.text} ${v.text}: the highest mod-sequence among the messages this answer returns (the ${sorted ? 'sort' : 'search'} used MODSEQ).`,
        'RFC 7162 §3.1.10',
      );
      parts.push(`highest mod-sequence ${v.text}`);
    } else if (nodes[i + 1]) {
      const v = nodes[++i]!;
      const what: Record<string, string> = sorted
        ? {
            ALL: 'all matching messages, in the sort order (a range a:b only where the order goes up by one)',
            COUNT: 'how many match',
            MIN: 'the first message of the sort order',
            MAX: 'the last message of the sort order',
          }
        : {
            ALL: 'all matching messages, as a set with ranges',
            COUNT: 'how many match',
            MIN: 'the lowest match',
            MAX: 'the highest match',
          };
      tokens.add(n.start, v.end, `${n.text} ${v.text}: ${what[key] ?? 'a result'}.`, rfc);
      parts.push(`${key} ${v.text}`);
    }
  }
  return { explanation: `Search results${uid ? ' (as UIDs)' : ''}: ${parts.join(', ') || 'no match'}.`, rfc };
}
