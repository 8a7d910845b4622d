/**
 * # ESORT: SORT answers in ESEARCH's shape (RFC 5267 §3)
 *
 * `SORT RETURN (MIN MAX ALL COUNT) (sort-criteria) charset search-criteria` asks for the sorted
 * result as one `* ESEARCH (TAG "a1") [UID] …` line instead of `* SORT n n n…`. The options mean
 * what they mean for SEARCH (RFC 4731 §3.1), read in the sort order: MIN is the first message of
 * the order and MAX the last (not the lowest and highest numbers), and ALL lists every match in
 * the order asked for. `RETURN ()` means ALL. SAVE is SEARCH's alone (RFC 5182): SORT refuses it.
 * Extension return options that take SORT (PARTIAL, RFC 9394) count positions in the sort order.
 * With a MODSEQ search key (CONDSTORE), the line ends with `MODSEQ n` (RFC 7162 §3.1.10), the
 * highest mod-sequence of the messages the options return (`returnedMessages`, RFC 4731 §3.2).
 *
 * The SORT command itself lives in `../sort/`; it reads `RETURN` and answers through here.
 */
import type { ArgReader } from '../../args';
import { esearchData, parseReturnOptions, returnWords, type ReturnRequest } from '../../search-return';
import { defineExtension } from '../define';

/** ESORT on the registry: the capability; the RETURN form is read by SORT (../sort/sort.ts). */
export const esort = defineExtension({
  name: 'esort',
  rfc: 'RFC 5267',
  capability: 'ESORT',
});

/** Reads `RETURN (…)` before SORT's criteria, or null when the command has none (RFC 5267 §3). */
export function parseSortReturn(a: ArgReader): ReturnRequest | null {
  if (!a.acceptAtom('RETURN')) return null;
  const request = parseReturnOptions(a.list('return options'), 'SORT');
  return request.names.length ? request : { names: ['ALL'], base: ['ALL'], uses: [] };
}

/** The RETURN options in words, for SORT's explanation. */
export function sortReturnWords(request: ReturnRequest): string {
  return returnWords(request);
}

/**
 * The ESEARCH line answering `SORT RETURN (…)`, without the `* `: `sorted` holds the numbers
 * (sequence numbers, or UIDs for UID SORT) in sort order (RFC 5267 §3); `extra` is what search
 * keys add after the options' data (`MODSEQ n`, RFC 7162 §3.1.10).
 */
export function esortLine(
  tag: string,
  byUid: boolean,
  sorted: readonly number[],
  request: ReturnRequest,
  extra: readonly string[] = [],
): string {
  return [
    'ESEARCH',
    `(TAG "${tag}")`,
    ...(byUid ? ['UID'] : []),
    ...esearchData(sorted, request, true),
    ...extra,
  ].join(' ');
}

/**
 * The messages an ESORT answer returns, in sort order: those whose highest mod-sequence the
 * MODSEQ result option carries. RFC 7162 §3.1.10 asks for "the MODSEQ result option defined in
 * Section 3.2 of [RFC4731]", which reads: "If the SEARCH/UID SEARCH command contained a single MIN
 * or MAX result option, the MODSEQ result option contains the mod-sequence for the found message.
 * If the SEARCH/UID SEARCH command contained both MIN and MAX result options and no ALL/COUNT
 * option, the MODSEQ result option contains the highest mod-sequence for the two returned
 * messages. Otherwise the MODSEQ result option contains the highest mod-sequence for all messages
 * being returned." MIN and MAX are the ends of the sort order (RFC 5267 §3); ALL and COUNT stand
 * for every match; an extension option that returns some positions (PARTIAL's page, RFC 9394)
 * returns those, with MIN's and MAX's: the same messages RFC 9394 §3.2 has SAVE keep.
 */
export function returnedMessages<T>(sorted: readonly T[], request: ReturnRequest): T[] {
  const { base, uses } = request;
  if (base.includes('ALL') || base.includes('COUNT')) return [...sorted];
  const picked = new Set<number>();
  if (base.includes('MIN') && sorted.length) picked.add(0);
  if (base.includes('MAX') && sorted.length) picked.add(sorted.length - 1);
  for (const use of uses) for (const i of use.picks?.(sorted.length) ?? []) picked.add(i);
  return sorted.filter((_, i) => picked.has(i));
}
