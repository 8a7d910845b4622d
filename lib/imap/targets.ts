import { savedMessages } from './extensions/searchres';
import type { SelectedMailbox, SessionMessage } from './selected';
import type { SequenceSet } from './seqset';

/**
 * The messages a command names, ascending, each once: by UID for `UID …` commands, else by
 * sequence number; `$` names the saved search result either way (RFC 5182 §2.1), possibly none,
 * and `1,$` both (RFC 5182 §3).
 */
export function targets(selected: SelectedMailbox, set: SequenceSet, byUid: boolean): SessionMessage[] {
  if (set.isSavedResult) return savedMessages(selected);
  const named = byUid ? selected.byUid(set) : selected.bySeq(set);
  if (!set.includesSaved) return named;
  const seen = new Set(named.map((m) => m.seq));
  return [...named, ...savedMessages(selected).filter((m) => !seen.has(m.seq))].sort((a, b) => a.seq - b.seq);
}
