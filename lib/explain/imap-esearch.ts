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

/** The tag in `(TAG "t")`, or undefined. */
function tagOf(n: Node | undefined): string | undefined {
  if (n?.kind !== 'list') return undefined;
  return /^\(TAG\s+"((?:[^"\\]|\\.)*)"\)$/i.exec(n.text)?.[1] ?? /^\(TAG\s+(\S+)\)$/i.exec(n.text)?.[1];
}

/** Explains `* ESEARCH (TAG "t") [UID] name value …`, result by result. */
export function explainEsearch(u: WireUnit, at: number, nodes: readonly Node[], tokens: Tokens): Said {
  // ADDTO and REMOVEFROM are unsolicited updates of a live search, a SEARCH's or a SORT's made
  // with RETURN (UPDATE) (RFC 5267 §4.3); they "MAY be sent at any time" (§4.3.2), so the tag
  // they carry is that search's, not the command in progress's.
  // No command's answer carries ADDTO or REMOVEFROM.
  if (nodes.some((n) => /^(ADDTO|REMOVEFROM)$/i.test(n.text)))
    return explainUpdate(nodes, tagOf(nodes[0]), tokens, at);
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
      parts.push(updateToken(n, nodes[++i]!, tokens));
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
  if (parts.length)
    return { explanation: `Search results${uid ? ' (as UIDs)' : ''}: ${parts.join(', ')}.`, rfc };
  // No result data. RFC 5267 §4.3: "There is no interaction between UPDATE and any other return
  // options", so RETURN (UPDATE) alone asks for no data now, only for the changes later.
  const asked = returnOptions(u.commandLine);
  if (asked && !asked.some((o) => DATA_OPTIONS.has(o))) {
    const update = asked.includes('UPDATE');
    return {
      explanation: `No result data: the ${sorted ? 'SORT' : 'SEARCH'} asked only for ${asked.join(' and ')}, not for MIN, MAX, ALL, COUNT or PARTIAL, so this line carries none; it does not mean that no message matches.${update ? ' The changes to the result will follow, unasked, as ADDTO and REMOVEFROM.' : ''}`,
      rfc: update ? 'RFC 5267 §4.3' : rfc,
    };
  }
  return {
    explanation: asked
      ? `Search results${uid ? ' (as UIDs)' : ''}: no message matches.`
      : `Search results${uid ? ' (as UIDs)' : ''}: no result data: no message matches, or (after RETURN (UPDATE) alone) none was asked for.`,
    rfc,
  };
}

/** The return options that ask for result data now (RFC 4731 §3.1, RFC 9394 §3.1). */
const DATA_OPTIONS = new Set(['MIN', 'MAX', 'ALL', 'COUNT', 'PARTIAL']);

/**
 * The RETURN options of the SEARCH or SORT line, upper-case: `[]` for `RETURN ()` (which means
 * ALL), `['ALL']` for a SEARCH without RETURN; undefined when the line is unknown.
 */
function returnOptions(line: string | undefined): string[] | undefined {
  if (!line || !/^\S+ (UID )?(SEARCH|SORT)\b/i.test(line)) return undefined;
  const m = /\bRETURN \(([^)]*)\)/i.exec(line);
  if (!m) return ['ALL'];
  const words = m[1]!.toUpperCase().split(/\s+/).filter(Boolean);
  return words.length ? words : ['ALL'];
}

/**
 * An unsolicited ESEARCH with ADDTO and REMOVEFROM: changes to the live result of the SEARCH or
 * SORT tagged `tag`, asked for with RETURN (UPDATE) (RFC 5267 §4.3), sent at any time, even with
 * no command in progress (§4.3.2). The line does not say which of the two it was, but position
 * 0 is a SEARCH's only (§4.3.3, §4.3.4).
 */
function explainUpdate(nodes: readonly Node[], tag: string | undefined, tokens: Tokens, at: number): Said {
  const rfc = 'RFC 5267 §4.3';
  const which = tag === undefined ? 'a SEARCH or SORT' : `the SEARCH or SORT tagged "${tag}"`;
  tokens.add(
    at,
    at + 7,
    `ESEARCH: an update, sent unasked, to the live result of ${which}, which asked for RETURN (UPDATE); such updates may come at any time, even with no command in progress (RFC 5267 §4.3.2).`,
    'RFC 5267 §4.3, §4.3.2',
  );
  const parts: string[] = [];
  let uid = false;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const key = n.text.toUpperCase();
    if (n.kind === 'list')
      tokens.node(
        n,
        `${n.text}: the tag of the SEARCH or SORT whose live result this changes, not of the command in progress.`,
        rfc,
      );
    else if (key === 'UID') {
      uid = true;
      tokens.node(
        n,
        'UID: the numbers below are UIDs, as the UID SEARCH or UID SORT gave them.',
        'RFC 5267 §4.3.2',
      );
    } else if ((key === 'ADDTO' || key === 'REMOVEFROM') && nodes[i + 1]) {
      const v = nodes[++i]!;
      parts.push(updateToken(n, v, tokens));
    }
  }
  return {
    explanation: `An unasked update to the live result of ${which}${uid ? ' (as UIDs)' : ''}: ${parts.join('; ')}. It is not an answer to the command in progress, if any: such updates may come at any time.`,
    rfc: 'RFC 5267 §4.3, §4.3.2',
  };
}

/** Tokens for `ADDTO (pos set …)` or `REMOVEFROM (pos set …)` (RFC 5267 §4.3.3, §4.3.4). */
function updateToken(n: Node, v: Node, tokens: Tokens): string {
  const add = n.text.toUpperCase() === 'ADDTO';
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
  return `${add ? 'added' : 'removed'} ${said.join(', ')}`;
}
