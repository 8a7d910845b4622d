import type { SelectedMailbox, SessionMessage } from '../../selected';
import { SequenceSet } from '../../seqset';
import { formatOrdered } from '../../search-return';
import type { SearchOutcome } from '../define';

/** A search kept live by `RETURN (UPDATE)` (RFC 5267 §4.3): what it found, as UIDs in order. */
export interface LiveSearch {
  readonly tag: string;
  readonly outcome: SearchOutcome;
  uids: number[];
}

/**
 * The live searches of each selected mailbox, by tag. A new SELECT, EXAMINE, UNSELECT or CLOSE
 * makes a new SelectedMailbox, so updates stop then (§4.3: "when the mailbox is no longer
 * selected").
 */
const live = new WeakMap<SelectedMailbox, Map<string, LiveSearch>>();

/** The live searches of this selected mailbox (created empty). */
export function liveSearches(selected: SelectedMailbox): Map<string, LiveSearch> {
  let map = live.get(selected);
  if (!map) live.set(selected, (map = new Map()));
  return map;
}

/** The live searches of this selected mailbox, or undefined when it never had one. */
export function liveSearchesIfAny(selected: SelectedMailbox): ReadonlyMap<string, LiveSearch> | undefined {
  return live.get(selected);
}

/** What the search finds now, in its order (messages expunged but not yet reported left out). */
export function currentResult(selected: SelectedMailbox, outcome: SearchOutcome): SessionMessage[] {
  return outcome.order(selected.all().filter((m) => !m.message.expunged && outcome.matches(m)));
}

/**
 * The `ESEARCH` lines (without `* `) that bring a client's copy of the result up to date, and
 * the new result. RFC 5267 §4.3.2-§4.3.4: REMOVEFROM and ADDTO carry pairs of a context position
 * and a set, applied in order. A SEARCH context uses position 0 (the set goes wherever mailbox
 * order puts it); a SORT context names positions: removals from the last position back (so each
 * position is still right when it is applied), then additions at their final positions, first
 * to last. Numbers are UIDs for UID SEARCH/SORT, else sequence numbers as the client knows them.
 */
export function updateLines(selected: SelectedMailbox, search: LiveSearch): string[] {
  const now = currentResult(selected, search.outcome);
  const nowUids = now.map((m) => m.message.uid as number);
  const before = new Set(search.uids);
  const after = new Set(nowUids);
  const removed = search.uids.filter((u) => !after.has(u));
  const added = now.filter((m) => !before.has(m.message.uid));
  if (removed.length === 0 && added.length === 0) return [];
  const { byUid, command } = search.outcome;
  const seqOfUid = new Map(selected.all().map((m) => [m.message.uid as number, m.seq as number]));
  const number = (uid: number) => (byUid ? uid : (seqOfUid.get(uid) ?? null));
  const head = `ESEARCH (TAG "${search.tag}")${byUid ? ' UID' : ''}`;
  const lines: string[] = [];
  const removedNumbers = removed.map(number).filter((n): n is number => n !== null);
  if (removedNumbers.length) {
    if (command === 'SEARCH') lines.push(`${head} REMOVEFROM (0 ${SequenceSet.format(removedNumbers)})`);
    else {
      const pairs = removed
        .map((uid) => [search.uids.indexOf(uid) + 1, number(uid)] as const)
        .filter((p): p is readonly [number, number] => p[1] !== null)
        .sort((a, b) => b[0] - a[0])
        .map(([pos, n]) => `${pos} ${n}`);
      lines.push(`${head} REMOVEFROM (${pairs.join(' ')})`);
    }
  }
  if (added.length) {
    const numbers = added.map((m) => (byUid ? (m.message.uid as number) : (m.seq as number)));
    if (command === 'SEARCH') lines.push(`${head} ADDTO (0 ${SequenceSet.format(numbers)})`);
    else {
      // Runs of consecutive final positions go in one pair, the set in sort order.
      const pairs: string[] = [];
      let i = 0;
      while (i < added.length) {
        const start = nowUids.indexOf(added[i]!.message.uid);
        let j = i;
        while (j + 1 < added.length && nowUids.indexOf(added[j + 1]!.message.uid) === start + (j + 1 - i))
          j++;
        pairs.push(`${start + 1} ${formatOrdered(numbers.slice(i, j + 1))}`);
        i = j + 1;
      }
      lines.push(`${head} ADDTO (${pairs.join(' ')})`);
    }
  }
  search.uids = nowUids;
  return lines;
}
