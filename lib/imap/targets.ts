import { savedMessages } from './extensions/searchres';
import type { SelectedMailbox, SessionMessage } from './selected';
import type { SequenceSet } from './seqset';

/**
 * The messages a command names: by UID for `UID …` commands, else by sequence number; `$` names
 * the saved search result either way (RFC 5182 §2.1), possibly none.
 */
export function targets(selected: SelectedMailbox, set: SequenceSet, byUid: boolean): SessionMessage[] {
  if (set.isSavedResult) return savedMessages(selected);
  return byUid ? selected.byUid(set) : selected.bySeq(set);
}
