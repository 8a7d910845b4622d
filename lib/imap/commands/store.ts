import { describeSet } from '../describe-set';
import type { StoreModifierUse } from '../extensions/define';
import { flagUpdateItems } from '../extensions/registry';
import { flagList } from '../format';
import { parseFlagTokens } from '../flags';
import { parseStoreModifiers, type ModifierList } from '../modifiers';
import type { SequenceSet } from '../seqset';
import { targets } from '../targets';
import { bad, no, type ImapCommand } from '../types';

interface StoreArgs {
  set: SequenceSet;
  mode: 'replace' | 'add' | 'remove';
  silent: boolean;
  flags: string[];
  /** RFC 4466 §2.5 store modifiers, registered by extensions (e.g. UNCHANGEDSINCE). */
  modifiers: ModifierList<StoreModifierUse>;
}

/**
 * RFC 9051 §6.4.6: `STORE set [(modifiers)] [+|-]FLAGS[.SILENT] (flags)`; each change is reported
 * with a FETCH. Modifiers (RFC 4466 §2.5) come from extensions: a message one of them does not
 * allow is left alone, and the tagged OK carries the code they give (CONDSTORE's MODIFIED).
 */
function storeCommand(byUid: boolean): ImapCommand<StoreArgs> {
  const name = byUid ? 'UID STORE' : 'STORE';
  return {
    name,
    states: ['Selected'],
    syntax: `${name} ${byUid ? 'uid-set' : 'sequence-set'} [+|-]FLAGS[.SILENT] (flag...)`,
    summary:
      'Set, add or remove flags such as \\Seen, \\Flagged or \\Deleted; other sessions, on any device, see the change for the flags the mailbox keeps (PERMANENTFLAGS).',
    rfc: byUid ? 'RFC 9051 §6.4.9, §6.4.6' : 'RFC 9051 §6.4.6',
    // §7.5.1: no EXPUNGE while responding to STORE (UID STORE may).
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      const set = a.seqSet();
      const modifiers = parseStoreModifiers(a.optionalList());
      const item = a.atom('store item').toUpperCase();
      const m = /^([+-]?)FLAGS(\.SILENT)?$/.exec(item);
      if (!m) throw bad(`Invalid store item: ${item.slice(0, 30)}`);
      const rest = a.rest();
      const tokens = rest.length === 1 && rest[0]!.type === 'list' ? rest[0]!.items : rest;
      const flags = parseFlagTokens(tokens);
      if (m[1] !== '' && flags.length === 0) throw bad('Missing flags');
      return {
        set,
        mode: m[1] === '+' ? 'add' : m[1] === '-' ? 'remove' : 'replace',
        silent: Boolean(m[2]),
        flags,
        modifiers,
      };
    },
    explain: ({ set, mode, flags, modifiers }) =>
      explainStore(set, mode, flags) + modifiers.uses.map((u) => `, ${u.words}`).join(''),
    run(ctx, { set, mode, silent, flags, modifiers }) {
      const selected = ctx.selected!;
      if (selected.readOnly) throw no('Mailbox is read-only', 'READ-ONLY');
      // The set is checked (BAD for a number past the end) before UNCHANGEDSINCE turns CONDSTORE
      // on: a refused command changes nothing, not even that (RFC 7162 §3.1).
      const named = targets(selected, set, byUid);
      for (const use of modifiers.uses) if (use.enables) ctx.enable(use.enables);
      const checks = modifiers.uses.flatMap((u) => (u.allows ? [u.allows] : []));
      const reportSilent = modifiers.uses.some((u) => u.reportsSilent);
      const refused: number[] = [];
      for (const { seq, message } of named) {
        if (message.expunged) continue;
        if (checks.length && !checks.every((allows) => allows(message))) {
          refused.push(byUid ? message.uid : seq);
          continue;
        }
        const next = new Set(mode === 'replace' ? [] : message.flags);
        for (const f of flags) {
          if (mode === 'remove') next.delete(f);
          else next.add(f);
        }
        selected.mailbox.setFlags(message, next, ctx.origin);
        // A keyword new to the mailbox is announced in FLAGS before any FETCH shows it (§7.3.5).
        for (const line of selected.keywordAnnouncement()) ctx.untagged(line);
        const uid = byUid ? `UID ${message.uid} ` : '';
        const extra = flagUpdateItems(ctx.enabled, message, byUid ? HAS_UID : undefined);
        if (!silent)
          ctx.untagged(`${seq} FETCH (${uid}FLAGS ${flagList(selected.flagsOf(message, ctx.rev2))}${extra})`);
        else if (reportSilent && (uid || extra))
          ctx.untagged(`${seq} FETCH (${(uid + extra.trim()).trim()})`);
      }
      const code = modifiers.uses.map((u) => u.code?.(refused)).find((c) => c !== undefined);
      return { code, text: `${name} completed` };
    },
  };

  function explainStore(set: SequenceSet, mode: StoreArgs['mode'], flags: readonly string[]): string {
    const what = flags.join(' ') || 'no flags';
    const which = describeSet(set, byUid);
    if (mode === 'add') return `add ${what} to ${which} on the server`;
    if (mode === 'remove') return `remove ${what} from ${which} on the server`;
    return `set the flags of ${which} to ${what}`;
  }
}

const HAS_UID: ReadonlySet<string> = new Set(['UID']);

export const store = storeCommand(false);
export const uidStore = storeCommand(true);
