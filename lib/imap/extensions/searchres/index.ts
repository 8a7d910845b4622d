/**
 * # SEARCHRES: the saved search result, `$` (RFC 5182; part of IMAP4rev2 as RFC 9051 §6.4.4.1)
 *
 * `SEARCH RETURN (SAVE) …` keeps the messages found in the session's *search result variable*,
 * and `$` then stands for them wherever a sequence set may stand: FETCH, STORE, COPY, MOVE, the
 * UID forms, UID EXPUNGE, and SEARCH itself (`SEARCH $ UNSEEN`, `UID SEARCH UID $`). What this
 * folder owns, and where the rest of the engine meets it:
 *
 * - the variable: the UIDs saved, per selected mailbox (`saveResult`, `savedMessages`). It lives
 *   as long as the session's `SelectedMailbox`, so SELECT, EXAMINE, UNSELECT and CLOSE reset it
 *   (RFC 5182 §2.1), and an expunged message simply drops out of it, as §2.1 requires;
 * - what is saved (`resultToSave`): everything found, or only the MIN and/or MAX message when
 *   those are the only other return options (§2.4); an empty result saves the empty set;
 * - `$` itself is read by `SequenceSet.parse` (seqset.ts, `sequence-set =/ seq-last-command`,
 *   §3: alone, or last after numbers as in `1,$`) and resolved by `targets()` and the SEARCH keys;
 * - the capability name, registered below (`searchres`, listed in extensions/index.ts).
 *
 * Errors (§2.1, §2.4): `$` before any SAVE, or after a reset, is the empty set — FETCH $, STORE $
 * and the rest answer OK and touch nothing; a SEARCH with SAVE that fails with NO (an unknown
 * CHARSET) empties the variable; one that fails with BAD leaves it unchanged.
 */
import type { Uid } from '../../../mailstore/ids';
import type { SelectedMailbox, SessionMessage } from '../../selected';
import { defineExtension } from '../define';

/** The capability name (RFC 5182 §3). */
export const SEARCHRES = 'SEARCHRES';

/** SEARCHRES on the registry: its capability; `$` itself is core grammar (seqset.ts). */
export const searchres = defineExtension({
  name: 'searchres',
  rfc: 'RFC 5182',
  capability: SEARCHRES,
});

/** The saved UIDs, per selected mailbox: a new SELECT has a new SelectedMailbox, hence none. */
const saved = new WeakMap<SelectedMailbox, ReadonlySet<Uid>>();

/** Replaces the search result variable of the session that has `selected` open. */
export function saveResult(selected: SelectedMailbox, messages: Iterable<SessionMessage>): void {
  saved.set(selected, new Set([...messages].map(({ message }) => message.uid)));
}

/** True when `$` holds this message (it was saved and has not been expunged). */
export function isSaved(selected: SelectedMailbox, { message }: SessionMessage): boolean {
  return !message.expunged && (saved.get(selected)?.has(message.uid) ?? false);
}

/**
 * The messages `$` stands for, in sequence order: those saved that the mailbox still holds. The
 * same messages whether the command numbers them by sequence number or by UID (§2.1).
 */
export function savedMessages(selected: SelectedMailbox): SessionMessage[] {
  const uids = saved.get(selected);
  if (!uids?.size) return [];
  return selected.all().filter((m) => !m.message.expunged && uids.has(m.message.uid));
}

/** How a command's explanation names `$`. */
export const SAVED_RESULT_WORDS = 'the messages the last SEARCH saved ($)';

/** The return options of a SEARCH (RFC 4731 / RFC 9051 §6.4.4), SAVE included. */
export type SearchReturnOption = 'MIN' | 'MAX' | 'ALL' | 'COUNT' | 'SAVE';

/**
 * What SAVE keeps of `hits` (in sequence order), RFC 5182 §2.4: with MIN and/or MAX as the only
 * other options, just the message(s) they return; otherwise (SAVE alone, or with ALL or COUNT)
 * every message found. `picked` holds the positions in `hits` that other return options return
 * (PARTIAL's page, RFC 9394 §3.2), or null when none was given: they are kept as MIN and MAX's
 * are, and COUNT still keeps everything.
 */
export function resultToSave(
  hits: readonly SessionMessage[],
  options: readonly SearchReturnOption[],
  picked: readonly number[] | null = null,
): SessionMessage[] {
  if (options.includes('ALL') || options.includes('COUNT') || hits.length === 0) return [...hits];
  const keep = new Set<number>(picked ?? []);
  if (options.includes('MIN')) keep.add(0);
  if (options.includes('MAX')) keep.add(hits.length - 1);
  if (keep.size === 0 && picked === null) return [...hits];
  return hits.filter((_, i) => keep.has(i));
}
