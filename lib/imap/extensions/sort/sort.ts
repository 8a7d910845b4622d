import { parseSearch, type Criterion } from '../../search';
import type { SessionMessage } from '../../selected';
import { bad, defineCommand, no, type ImapCommand } from '../../types';
import type { SearchKeyDef } from '../define';
import { esortLine, parseSortReturn, returnedMessages, sortReturnWords } from '../esort';
import type { ReturnRequest } from '../../search-return';
import { parseSortCriteria, sortMessages, type SortCriterion } from './sort-keys';

interface SortArgs {
  readonly criteria: readonly SortCriterion[];
  readonly charset: string;
  readonly search: Criterion;
  readonly extensionKeys: readonly SearchKeyDef[];
  readonly text: string;
  /** `RETURN (…)` (ESORT, RFC 5267 §3), or null: then the answer is `* SORT …`. */
  readonly returns: ReturnRequest | null;
}

/** The charsets SORT accepts (RFC 5256 §3: US-ASCII and UTF-8 must be). */
export const SORT_CHARSETS = ['UTF-8', 'US-ASCII'] as const;

/**
 * RFC 5256 §3: `SORT (sort-criteria) charset search-criteria`. The server searches as SEARCH
 * does, then orders what it found, and answers `* SORT n…` in that order (sequence numbers, or
 * UIDs for UID SORT). The charset is not optional: another than UTF-8 or US-ASCII is
 * `NO [BADCHARSET (UTF-8 US-ASCII)]`. A search key may add data about what was found: with
 * CONDSTORE's MODSEQ, `* SORT 2 3 (MODSEQ 917162500)` (RFC 7162 §3.1.9), or `MODSEQ n` at the
 * end of the ESORT answer (§3.1.10).
 */
function sortCommand(byUid: boolean): ImapCommand<SortArgs> {
  const name = byUid ? 'UID SORT' : 'SORT';
  return defineCommand({
    name,
    states: ['Selected'],
    syntax: `${name} [RETURN (MIN MAX ALL COUNT PARTIAL range UPDATE CONTEXT)] (sort-criteria) charset search-criteria...`,
    summary: 'Ask the server to search and return the matches in an order (date, sender, subject…).',
    rfc: 'RFC 5256 §3',
    // Like SEARCH (RFC 9051 §7.5.1): no EXPUNGE while answering SORT; UID SORT may.
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      const returns = parseSortReturn(a);
      const criteria = parseSortCriteria(a.list('sort criteria'));
      const charset = a.astring('charset').toUpperCase();
      const rest = a.rest();
      if (rest.length === 0) throw bad('Missing search criteria');
      const { criterion, extensionKeys } = parseSearch(rest);
      const text = rest
        .map((t) => (t.type === 'atom' ? t.value : t.type === 'string' ? `"${t.value}"` : '(…)'))
        .join(' ');
      return { criteria, charset, search: criterion, extensionKeys, text, returns };
    },
    explain: ({ criteria, text, returns }) =>
      `ask the server for the ${byUid ? 'UIDs' : 'numbers'} of messages matching ${text.slice(0, 60)}, ordered by ${criteria
        .map((c) => (c.reverse ? `${c.key.toLowerCase()} (reversed)` : c.key.toLowerCase()))
        .join(', then ')}${returns ? ` (return: ${sortReturnWords(returns)})` : ''}`,
    run(ctx, { criteria, charset, search, extensionKeys, returns }) {
      if (!(SORT_CHARSETS as readonly string[]).includes(charset))
        throw no('Unsupported charset', 'BADCHARSET (UTF-8 US-ASCII)');
      for (const use of returns?.uses ?? []) use.check?.(ctx);
      for (const key of extensionKeys) if (key.enables) ctx.enable(key.enables);
      const selected = ctx.selected!;
      const hits = selected.all().filter((m) => search(m, selected));
      const sorted = sortMessages(hits, criteria);
      const numbers = sorted.map((m) => (byUid ? m.message.uid : m.seq) as number);
      if (returns) {
        // RFC 7162 §3.1.10: "If a client specifies a MODSEQ criterion in an extended SORT (or
        // extended UID SORT) [RFC5267] command and the server returns a non-empty SORT result,
        // the server MUST return the ESEARCH response containing the MODSEQ result option
        // defined in Section 3.2 of [RFC4731]": the highest of the messages the options return.
        const returned = returnedMessages(sorted, returns);
        const extra = extensionKeys.flatMap((k) => k.result?.(returned) ?? []);
        ctx.untagged(esortLine(ctx.tag, byUid, numbers, returns, extra));
      } else {
        // RFC 7162 §3.1.9: "If a client specifies a MODSEQ criterion in a SORT (or UID SORT)
        // command and the server returns a non-empty SORT result, the server MUST also append (to
        // the end of the untagged SORT response) the highest mod-sequence for all messages being
        // returned", §7: `sort-data = "SORT" [1*(SP nz-number) SP search-sort-mod-seq]`.
        const extra = extensionKeys.flatMap((k) => k.result?.(sorted) ?? []);
        const data = extra.length ? ` (${extra.join(' ')})` : '';
        ctx.untagged(`SORT${numbers.map((n) => ' ' + n).join('')}${data}`);
      }
      const outcome = {
        command: 'SORT' as const,
        byUid,
        matches: (m: SessionMessage) => search(m, selected),
        order: (h: readonly SessionMessage[]) => sortMessages(h, criteria),
        result: sorted,
      };
      for (const use of returns?.uses ?? []) use.after?.(ctx, outcome);
      return {};
    },
  });
}

export const sort = sortCommand(false);
export const uidSort = sortCommand(true);
