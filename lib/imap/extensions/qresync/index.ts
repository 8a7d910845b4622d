/**
 * # QRESYNC: resynchronize a mailbox in one SELECT (RFC 7162 §3.2)
 *
 * A client that cached a mailbox gives SELECT what it remembers, its UIDVALIDITY and the
 * HIGHESTMODSEQ it last saw, and the server answers with only the difference: `VANISHED
 * (EARLIER) uids` for what was expunged since, and a FETCH for each message changed since. No
 * `FETCH 1:* FLAGS`, no UID SEARCH to find what went. What this folder adds:
 *
 * - `ENABLE QRESYNC` (§3.2.3), which turns CONDSTORE on too; nothing below works without it;
 * - the SELECT/EXAMINE parameter `QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])`
 *   (§3.2.5): with a matching UIDVALIDITY, `VANISHED (EARLIER)` for the UIDs expunged since
 *   `modseq` (among `known-uids` when given), then `n FETCH (UID FLAGS MODSEQ)` for each message
 *   changed or added since; with another UIDVALIDITY the rest is ignored (§3.2.5.1). The store
 *   remembers every expunge with its mod-sequence, so the answer is exact, and the message
 *   sequence match data (§3.2.5.2), which helps servers that forget, is checked for syntax only;
 * - the UID FETCH modifier `VANISHED` (§3.2.6), with CHANGEDSINCE: `VANISHED (EARLIER)` for the
 *   UIDs of the set expunged since, before the FETCHes; `*` reaches the highest UID ever given,
 *   so the newest messages deleted are reported too;
 * - once enabled, `VANISHED uids` replaces `n EXPUNGE` (§3.2.10.2);
 * - in every session, enabled or not, a SELECT or EXAMINE that closes a mailbox says `OK [CLOSED]`
 *   (§3.2.11: a server advertising QRESYNC or CONDSTORE "must return the CLOSED response code in
 *   this case, whether or not a CONDSTORE enabling command was issued").
 */
import type { Uid } from '../../../mailstore/ids';
import { ArgReader } from '../../args';
import { SequenceSet } from '../../seqset';
import { bad, type ImapContext } from '../../types';
import { defineExtension, type SelectParamUse } from '../define';
import { QRESYNC, readModseq } from '../condstore/modseq';

/** True once the session has ENABLEd QRESYNC. */
export const qresyncOn = (enabled: ReadonlySet<string>) => enabled.has(QRESYNC);

function requireEnabled(ctx: ImapContext, what: string): void {
  // §3.2.5, §3.2.6: "MUST respond with a tagged BAD" unless ENABLE QRESYNC came first.
  if (!qresyncOn(ctx.enabled)) throw bad(`${what} needs ENABLE QRESYNC first`);
}

/** A sequence set of UIDs without `*` (RFC 7162 §7 `known-uids`, `seq-match-data`). */
function knownSet(a: ArgReader, what: string): SequenceSet {
  const set = SequenceSet.parse(a.atom(what));
  if (set.includesSaved || set.usesStar) throw bad(`Invalid ${what}`);
  return set;
}

/** The numbers a set without `*` names, ascending (bounded by the set's own text). */
function count(set: SequenceSet): number {
  let n = 0;
  for (const r of set.ranges) n += Math.abs(r.to! - r.from!) + 1;
  return n;
}

/** `VANISHED (EARLIER) uids`, or nothing when none went (RFC 7162 §3.2.10.1). */
function vanishedEarlier(ctx: ImapContext, uids: readonly Uid[]): void {
  if (uids.length) ctx.untagged(`VANISHED (EARLIER) ${SequenceSet.format(uids)}`);
}

function parseQresync(a: ArgReader): SelectParamUse {
  const p = new ArgReader(a.list('QRESYNC parameters'));
  const validity = p.atom('UIDVALIDITY');
  if (!/^[1-9]\d{0,9}$/.test(validity) || Number(validity) > 0xffffffff)
    throw bad('Invalid UIDVALIDITY in QRESYNC');
  const since = readModseq(p, 'QRESYNC mod-sequence');
  const known = p.peek()?.type === 'atom' ? knownSet(p, 'known UIDs') : null;
  const match = p.optionalList();
  if (match) {
    const m = new ArgReader(match);
    const seqs = knownSet(m, 'known sequence set');
    const uids = knownSet(m, 'known UID set');
    m.end();
    if (count(seqs) !== count(uids)) throw bad('QRESYNC sequence match data: the two sets differ in size');
  }
  p.end();
  return {
    words: `and report only what changed since mod-sequence ${since} (QRESYNC: the client cached this mailbox)`,
    check: (ctx) => requireEnabled(ctx, 'SELECT … (QRESYNC …)'),
    after(ctx, selected) {
      const box = selected.mailbox;
      // §3.2.5.1: another UIDVALIDITY means the cache is worthless; the rest is ignored.
      if (Number(validity) !== box.uidValidity) return;
      const gone = box.expungedSince(since).filter((uid) => !known || known.containsUid(uid, 0));
      vanishedEarlier(ctx, gone);
      const rev2 = ctx.rev2;
      for (const { seq, message } of selected.all())
        if (message.modseq > since)
          ctx.untagged(
            `${seq} FETCH (UID ${message.uid} FLAGS ${selected.flagText(message, rev2)} MODSEQ (${message.modseq}))`,
          );
    },
  };
}

export const qresync = defineExtension({
  name: 'qresync',
  rfc: 'RFC 7162',
  capability: QRESYNC,
  enable: { QRESYNC: ['CONDSTORE'] },
  selectParams: [{ name: 'QRESYNC', parse: parseQresync }],
  fetchModifiers: [
    {
      name: 'VANISHED',
      parse(_a, { byUid }) {
        if (!byUid) throw bad('VANISHED is a UID FETCH modifier');
        return {
          words: 'and name the UIDs expunged since then (VANISHED)',
          requires: ['CHANGEDSINCE'],
          before(ctx, request) {
            requireEnabled(ctx, 'VANISHED');
            const since = request.modifiers.get('CHANGEDSINCE')!.value!;
            const selected = ctx.selected!;
            const box = selected.mailbox;
            if (request.set.isSavedResult) return;
            // `*` as the highest UID ever given, so the newest messages deleted are named too.
            const star = box.uidNext - 1;
            const gone = box.expungedSince(since).filter((uid) => request.set.containsUid(uid, star));
            if (gone.length === 0) return;
            // A message this session has not yet been told is gone still has its number here: it
            // is answered as it stands, and its VANISHED follows when expunges may be reported.
            const shown = new Set(selected.all().map(({ message }) => message.uid as number));
            vanishedEarlier(
              ctx,
              gone.filter((uid) => !shown.has(uid)),
            );
          },
        };
      },
    },
  ],
  responseCodes: [
    {
      name: 'CLOSED',
      summary: 'The mailbox selected before is closed: responses from here on are about the new one.',
      rfc: 'RFC 7162 §3.2.11',
    },
  ],
  hooks: {
    expunged: (enabled, removed) =>
      qresyncOn(enabled) ? [`VANISHED ${SequenceSet.format(removed.map((r) => r.uid))}`] : null,
    // §3.2.11: "A server that advertises "QRESYNC" or "CONDSTORE" in the capability string must
    // return the CLOSED response code in this case, whether or not a CONDSTORE enabling command
    // was issued." QRESYNC is always advertised here, so every session hears it, ENABLE or not.
    announcesClosed: () => true,
  },
});
