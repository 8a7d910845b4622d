/**
 * # CONDSTORE: mod-sequences, and only what changed (RFC 7162 §3.1)
 *
 * Every message carries a mod-sequence, the mailbox's counter at its last change (the store
 * bumps it on every append, flag change and expunge; HIGHESTMODSEQ is the counter). A client
 * that remembers the HIGHESTMODSEQ it last saw asks for what changed since with one
 * `FETCH 1:* (FLAGS) (CHANGEDSINCE n)`, instead of every message's flags. What this folder adds:
 *
 * - the FETCH item `MODSEQ` (§3.1.4.2, response `MODSEQ (n)`) and the FETCH modifier
 *   `CHANGEDSINCE n` (§3.1.4.1: only messages whose mod-sequence is greater; MODSEQ is added);
 * - the STORE modifier `UNCHANGEDSINCE n` (§3.1.3): a message changed since n is left alone and
 *   named in `OK [MODIFIED set]`; each message stored is reported, even with .SILENT;
 * - the SEARCH key `MODSEQ [entry type] n` (§3.1.5: mod-sequence ≥ n), the response then
 *   ending with the highest mod-sequence found, `(MODSEQ n)` (§3.1.6); one mod-sequence per message is
 *   kept, so the optional per-flag entry name is read and checked, and every entry (flag,
 *   `priv`, `shared`, `all`) compares the message's own mod-sequence, which every change of any
 *   of its flags raises (so a message whose flag changed since n is always found);
 * - the STATUS item `HIGHESTMODSEQ` (§3.1.7), the SELECT/EXAMINE parameter `CONDSTORE`
 *   (§3.1.8), and `ENABLE CONDSTORE` (§3.1; ENABLE is RFC 5161's);
 * - with the MODSEQ key, SORT's answer ends with `(MODSEQ n)` too (RFC 7162 §3.1.9), and an
 *   ESORT answer carries `MODSEQ n` (§3.1.10): see `../sort/sort.ts`; THREAD's is unchanged
 *   (§3.1.9);
 * - once any of these is used (a "CONDSTORE-enabling command", §3.1), SELECT/EXAMINE say
 *   `OK [HIGHESTMODSEQ n]` (RFC 7162 §3.1.2.1), and every FETCH response reporting a flag change carries
 *   `MODSEQ` (§3.1) and `UID` (§3.2.4, which §3.1.4.2 asks a CONDSTORE-only server to follow
 *   too). The first of them with a mailbox selected says `OK [HIGHESTMODSEQ n]` for it at once
 *   (§3.1). Every mailbox keeps mod-sequences, so `[NOMODSEQ]` (§3.1.2.2) is never sent;
 * - a SELECT or EXAMINE that closes a mailbox says `OK [CLOSED]` in every session (§3.2.11; the
 *   code is registered by `../qresync/`).
 */
import type { StoredMessage } from '../../../mailstore/message';
import { SequenceSet } from '../../seqset';
import { bad } from '../../types';
import { defineExtension, type ExtensionFetchItem } from '../define';
import { CONDSTORE, highestOf, modseqValue, readModseq, reportableHighest } from './modseq';

export { CONDSTORE, QRESYNC, modseqValue, readModseq } from './modseq';

/** True once the session has CONDSTORE on (ENABLE, or a CONDSTORE-enabling command). */
export const condstoreOn = (enabled: ReadonlySet<string>) => enabled.has(CONDSTORE);

/** The FETCH item MODSEQ (RFC 7162 §3.1.4.2 and §7 `fetch-mod-resp`). */
export const MODSEQ_ITEM: ExtensionFetchItem = {
  kind: 'extension',
  name: 'MODSEQ',
  words: 'the mod-sequence (the number of its last change)',
  setsSeen: false,
  enables: CONDSTORE,
  render: (message: StoredMessage) => `MODSEQ (${message.modseq})`,
};

/** `"/flags/" attr-flag` in double quotes, then `priv` / `shared` / `all` (RFC 7162 §7). */
function readEntry(name: string, type: string): void {
  if (!/^\/flags\/\\?[^\s()"\\{%*\]]+$/i.test(name)) throw bad('Invalid MODSEQ entry name');
  if (!['PRIV', 'SHARED', 'ALL'].includes(type.toUpperCase())) throw bad('Invalid MODSEQ entry type');
}

export const condstore = defineExtension({
  name: 'condstore',
  rfc: 'RFC 7162',
  capability: CONDSTORE,
  enable: { CONDSTORE: [] },
  fetchItems: [{ name: 'MODSEQ', parse: (atom) => (atom.toUpperCase() === 'MODSEQ' ? MODSEQ_ITEM : null) }],
  fetchModifiers: [
    {
      name: 'CHANGEDSINCE',
      parse(a) {
        const since = readModseq(a, 'CHANGEDSINCE mod-sequence');
        return {
          words: `only those changed since mod-sequence ${since}, with their mod-sequences`,
          value: since,
          enables: CONDSTORE,
          items: [MODSEQ_ITEM],
          filter: ({ message }) => message.modseq > since,
        };
      },
    },
  ],
  storeModifiers: [
    {
      name: 'UNCHANGEDSINCE',
      parse(a) {
        const since = readModseq(a, 'UNCHANGEDSINCE mod-sequence', true);
        return {
          words: `but only where nothing changed since mod-sequence ${since} (else the server names them in MODIFIED)`,
          enables: CONDSTORE,
          reportsSilent: true,
          allows: (message) => message.modseq <= since,
          code: (refused) => (refused.length ? `MODIFIED ${SequenceSet.format(refused)}` : undefined),
        };
      },
    },
  ],
  searchKeys: [
    {
      name: 'MODSEQ',
      syntax: 'MODSEQ ["/flags/flag" priv|shared|all] mod-sequence',
      enables: CONDSTORE,
      parse(r) {
        const first = r.peek();
        if (first?.type === 'string') {
          readEntry(r.text('MODSEQ entry name'), r.text('MODSEQ entry type'));
        }
        const since = modseqValue(r.text('mod-sequence'), 'MODSEQ mod-sequence', true);
        return ({ message }) => message.modseq >= since;
      },
      result: (hits) => (hits.length ? `MODSEQ ${highestOf(hits)}` : null),
    },
  ],
  selectParams: [
    {
      name: 'CONDSTORE',
      parse: () => ({ words: 'and turn on CONDSTORE (mod-sequences)', enables: CONDSTORE }),
    },
  ],
  statusItems: [{ name: 'HIGHESTMODSEQ', enables: CONDSTORE, value: (box) => box.highestModseq }],
  responseCodes: [
    {
      name: 'HIGHESTMODSEQ',
      summary: 'The highest mod-sequence in the mailbox: remember it, and ask for changes since.',
      rfc: 'RFC 7162 §3.1.2.1',
    },
    {
      name: 'NOMODSEQ',
      summary: 'The mailbox keeps no mod-sequences (never sent here: every mailbox keeps them).',
      rfc: 'RFC 7162 §3.1.2.2',
    },
    {
      name: 'MODIFIED',
      summary: 'STORE … (UNCHANGEDSINCE n) left these messages alone: they changed since n.',
      rfc: 'RFC 7162 §3.1.3',
    },
  ],
  hooks: {
    selected(ctx, selected) {
      if (condstoreOn(ctx.enabled))
        ctx.untagged(`OK [HIGHESTMODSEQ ${selected.mailbox.highestModseq}] Highest`);
    },
    flagUpdate: (enabled, message) =>
      condstoreOn(enabled) ? [`UID ${message.uid}`, `MODSEQ (${message.modseq})`] : null,
    enabled(ctx, name) {
      // §3.1: "A first CONDSTORE enabling command executed in the session with a mailbox selected
      // MUST cause the server to return HIGHESTMODSEQ (Section 3.1.2.1) for the mailbox (if any is
      // selected), unless the server has sent a NOMODSEQ (Section 3.1.2.2) response code when the
      // currently selected mailbox was selected." Sent first, with the value before the command
      // changes anything, as Example 5 of §3.1.3 shows it.
      if (name === CONDSTORE && ctx.selected)
        ctx.untagged(`OK [HIGHESTMODSEQ ${reportableHighest(ctx.selected)}] Highest`);
    },
    // §3.2.11: "A server that advertises "QRESYNC" or "CONDSTORE" in the capability string must
    // return the CLOSED response code in this case, whether or not a CONDSTORE enabling command
    // was issued."
    announcesClosed: () => true,
  },
});
