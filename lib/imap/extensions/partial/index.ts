/**
 * # PARTIAL: one page of a SEARCH, SORT or UID FETCH result (RFC 9394)
 *
 * A phone showing the newest 50 messages of a 20,000-message mailbox does not want 20,000 UIDs.
 * `UID SEARCH RETURN (PARTIAL -1:-50) UNDELETED` asks for the last 50 matches only, and the
 * server answers `* ESEARCH (TAG "a1") UID PARTIAL (-1:-50 19950:20000)`: the range asked for,
 * then the UIDs in it (or NIL when none is, §3.1). What this folder owns:
 *
 * - the range (`range.ts`): `1:100` counts from the first result, `-1:-100` from the last
 *   (§4; RFC 5267 §4.4 had only the positive form, which RFC 9394 replaces);
 * - the return option for SEARCH and SORT (with ESORT the page is counted in the sort order and
 *   listed in it). PARTIAL and ALL exclude each other, as do two PARTIALs (§3.1); MIN, MAX and
 *   COUNT still describe the whole result (§3.2); with SAVE, `$` holds the page, plus the MIN/MAX
 *   messages if asked, or everything found when COUNT is asked too (§3.2);
 * - the UID FETCH modifier (§3.3): `UID FETCH 1:* (FLAGS) (PARTIAL -1:-50)` answers for the
 *   last 50 messages the UID set names. The page is counted in the UID set alone, before any
 *   other modifier's filter: with CHANGEDSINCE, the server "first select[s] the last 30 messages
 *   and then only return[s] flag changes for a subset of those messages that have MODSEQ higher
 *   than 98305" (§3.4), whichever of the two modifiers comes first. Plain FETCH refuses it: §3.3
 *   extends UID FETCH only.
 */
import { SequenceSet } from '../../seqset';
import { targets } from '../../targets';
import { bad } from '../../types';
import { formatOrdered } from '../../search-return';
import { defineExtension, type FetchModifierDef, type SearchReturnOptionDef } from '../define';
import { pagePositions, parsePartialRange, rangeWords } from './range';

export { pagePositions, parsePartialRange, type PartialRange } from './range';

/** `RETURN (PARTIAL range)` for SEARCH and SORT (RFC 9394 §3.1, §3.2). */
const returnOption: SearchReturnOptionDef = {
  name: 'PARTIAL',
  commands: ['SEARCH', 'SORT'],
  parse(a) {
    const range = parsePartialRange(a.atom('PARTIAL range'));
    return {
      words: `only ${rangeWords(range)} (PARTIAL ${range.text})`,
      excludes: ['ALL'],
      render(numbers, ordered) {
        const page = pagePositions(range, numbers.length).map((i) => numbers[i]!);
        const set = page.length ? (ordered ? formatOrdered(page) : SequenceSet.format(page)) : 'NIL';
        return `PARTIAL (${range.text} ${set})`;
      },
      picks: (count) => pagePositions(range, count),
    };
  },
};

/** `UID FETCH set items (PARTIAL range)` (RFC 9394 §3.3). */
const fetchModifier: FetchModifierDef = {
  name: 'PARTIAL',
  parse(a, { byUid }) {
    const range = parsePartialRange(a.atom('PARTIAL range'));
    if (!byUid) throw bad('PARTIAL is a UID FETCH modifier (RFC 9394 §3.3)');
    let page = new Set<number>();
    return {
      // Counted among the messages the UID set names, whatever other modifiers say (§3.4).
      words: `and of the messages the UID set names, only ${rangeWords(range)} (PARTIAL ${range.text})`,
      before(ctx, request) {
        // §3.3: "only return FETCH results for messages in the specified range" of the UID set;
        // §3.4: with CHANGEDSINCE, "first select the last 30 messages and then only return flag
        // changes for a subset of those messages". So the page is taken from every message the
        // set names, and the other modifiers' filters (FETCH applies them all) narrow it after.
        const named = targets(ctx.selected!, request.set, true);
        page = new Set(pagePositions(range, named.length).map((i) => named[i]!.message.uid as number));
      },
      filter: (m) => page.has(m.message.uid),
    };
  },
};

export const partial = defineExtension({
  name: 'partial',
  rfc: 'RFC 9394',
  capability: 'PARTIAL',
  searchReturnOptions: [returnOption],
  fetchModifiers: [fetchModifier],
});
