import type { SelectedMailbox, SessionMessage } from './selected';
import type { SequenceSet } from './seqset';

/** The messages a command names: by UID for `UID …` commands, else by sequence number. */
export function targets(selected: SelectedMailbox, set: SequenceSet, byUid: boolean): SessionMessage[] {
  return byUid ? selected.byUid(set) : selected.bySeq(set);
}
