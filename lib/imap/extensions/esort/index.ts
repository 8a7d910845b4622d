/**
 * # ESORT: SORT answers in ESEARCH's shape (RFC 5267 §3)
 *
 * `SORT RETURN (MIN MAX ALL COUNT) (sort-criteria) charset search-criteria` asks for the sorted
 * result as one `* ESEARCH (TAG "a1") [UID] …` line instead of `* SORT n n n…`. The options mean
 * what they mean for SEARCH (RFC 4731 §3.1), read in the sort order: MIN is the first message of
 * the order and MAX the last (not the lowest and highest numbers), and ALL lists every match in
 * the order asked for. `RETURN ()` means ALL. SAVE is SEARCH's alone (RFC 5182): SORT refuses it.
 * Extension return options that take SORT (PARTIAL, RFC 9394) count positions in the sort order.
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
 * (sequence numbers, or UIDs for UID SORT) in sort order (RFC 5267 §3).
 */
export function esortLine(
  tag: string,
  byUid: boolean,
  sorted: readonly number[],
  request: ReturnRequest,
): string {
  return ['ESEARCH', `(TAG "${tag}")`, ...(byUid ? ['UID'] : []), ...esearchData(sorted, request, true)].join(
    ' ',
  );
}
