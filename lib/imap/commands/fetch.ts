import { describeSet } from '../describe-set';
import type { FetchModifierUse } from '../extensions/define';
import { flagUpdateItems } from '../extensions/registry';
import { describeItem, parseFetchItems, setsSeen, type FetchItem } from '../fetch-items';
import { renderItem } from '../fetch-render';
import { parseFetchModifiers, type ModifierList } from '../modifiers';
import type { Token } from '../parser';
import type { SequenceSet } from '../seqset';
import { targets } from '../targets';
import type { ImapCommand } from '../types';

interface FetchArgs {
  set: SequenceSet;
  items: FetchItem[];
  /** RFC 4466 §2.4 fetch modifiers, registered by extensions (e.g. CHANGEDSINCE). */
  modifiers: ModifierList<FetchModifierUse>;
}

/**
 * RFC 9051 §6.4.5. A client fetches headers and envelopes first, and a body only when the user
 * opens a message; a non-PEEK body fetch sets \Seen on the server, so every device sees it read.
 */
function fetchCommand(byUid: boolean): ImapCommand<FetchArgs> {
  const name = byUid ? 'UID FETCH' : 'FETCH';
  return {
    name,
    states: ['Selected'],
    syntax: `${name} ${byUid ? 'uid-set' : 'sequence-set'} (item...)`,
    summary:
      'Download parts of messages: flags, size, envelope (a parsed header summary), structure, or a body section.',
    rfc: byUid ? 'RFC 9051 §6.4.9, §6.4.5' : 'RFC 9051 §6.4.5',
    // §7.5.1: no EXPUNGE while responding to FETCH (UID FETCH may).
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      const set = a.seqSet();
      const rest = a.rest();
      // `FETCH set items (modifiers)` (RFC 4466 §2.4): a list after the items holds modifiers.
      let modifierTokens: readonly Token[] | null = null;
      let itemTokens = rest;
      if (rest.length === 2 && rest[1]!.type === 'list') {
        itemTokens = rest.slice(0, 1);
        modifierTokens = rest[1]!.items;
      }
      const items = parseFetchItems(itemTokens);
      const modifiers = parseFetchModifiers(modifierTokens, byUid);
      // UID FETCH always returns the UID (RFC 9051 §6.4.9).
      if (byUid && !items.some((i) => i.kind === 'UID')) items.unshift({ kind: 'UID' });
      for (const use of modifiers.uses)
        for (const item of use.items ?? [])
          if (!items.some((i) => describeItem(i) === describeItem(item))) items.push(item);
      return { set, items, modifiers };
    },
    explain: ({ set, items, modifiers }, on) =>
      explainFetch(set, items, byUid, on.readOnly) + modifiers.uses.map((u) => `, ${u.words}`).join(''),
    run(ctx, { set, items, modifiers }) {
      const selected = ctx.selected!;
      // The messages the set names (a number past the end is BAD, RFC 9051 §9), read once.
      const named = targets(selected, set, byUid);
      const given = new Map(modifiers.names.map((n, i) => [n, modifiers.uses[i]!]));
      // Every modifier's filter must keep a message; each reads the set's messages on its own, so
      // their order does not matter (RFC 9394 §3.4: PARTIAL and CHANGEDSINCE in either order).
      const filters = modifiers.uses.flatMap((u) => (u.filter ? [u.filter] : []));
      // Items that may refuse a message (BINARY's [UNKNOWN-CTE]) do so before anything changes.
      const checks = items.flatMap((i) => (i.kind === 'extension' && i.check ? [i.check] : []));
      if (checks.length)
        for (const target of named)
          if (!filters.length || filters.every((f) => f(target)))
            for (const check of checks) check(target.message);
      for (const use of modifiers.uses) use.before?.(ctx, { byUid, set, items, modifiers: given });
      // Nothing refuses the command past this point, so what it uses is turned on only now: a
      // refused FETCH changes nothing, and the first CONDSTORE-enabling command's `OK
      // [HIGHESTMODSEQ n]` (RFC 7162 §3.1) comes before its FETCH responses.
      for (const item of items) if (item.kind === 'extension' && item.enables) ctx.enable(item.enables);
      for (const use of modifiers.uses) if (use.enables) ctx.enable(use.enables);
      const marksSeen = !selected.readOnly && items.some(setsSeen);
      const wantsFlags = items.some((i) => i.kind === 'FLAGS');
      const rev2 = ctx.rev2;
      for (const target of named) {
        if (filters.length && !filters.every((f) => f(target))) continue;
        const { seq, message } = target;
        let flagsChanged = false;
        if (marksSeen && !message.flags.has('\\Seen') && !message.expunged) {
          flagsChanged = selected.mailbox.setFlags(message, [...message.flags, '\\Seen'], ctx.origin);
        }
        const flags = wantsFlags || flagsChanged ? selected.flagText(message, rev2) : '';
        let line = `${seq} FETCH (`;
        for (let i = 0; i < items.length; i++) line += (i ? ' ' : '') + renderItem(items[i]!, message, flags);
        // RFC 9051 §6.4.5: when a fetch sets \Seen, the new flags are included in the response.
        if (flagsChanged && !wantsFlags) line += ` FLAGS ${flags}`;
        // …and what extensions add to every flag change (MODSEQ, RFC 7162 §3.1.4), unless asked.
        if (flagsChanged) line += flagUpdateItems(ctx.enabled, message, new Set(items.map(describeItem)));
        ctx.untagged(line + ')');
      }
      return { text: `${name} completed` };
    },
  };
}

/**
 * What the client asks for, in words: which messages, and which items of them. In a mailbox open
 * read-only (EXAMINE) a body fetch changes no flag (RFC 9051 §6.3.3), and the words say so.
 */
function explainFetch(
  set: SequenceSet,
  items: readonly FetchItem[],
  byUid: boolean,
  readOnly: boolean,
): string {
  const single = /^\d+$/.test(set.text);
  const which = describeSet(set, byUid);
  const them = single ? 'it' : 'them';
  const unmarked = `; the mailbox is open read-only (EXAMINE), so this does not mark ${them} \\Seen`;
  const fullBody = items.some(
    (i) =>
      (i.kind === 'section' && i.section.parts.length === 0 && i.section.text === null) ||
      i.kind === 'RFC822',
  );
  if (fullBody) {
    const peek = items.every((i) => !setsSeen(i));
    if (peek) return `download ${which} in full (PEEK: without marking ${them} read)`;
    return `download ${which} in full${readOnly ? unmarked : `, which marks ${them} \\Seen on the server`}`;
  }
  const words = items.filter((i) => !(byUid && i.kind === 'UID')).map(describeInWords);
  const seen = !items.some(setsSeen) ? '' : readOnly ? unmarked : `; this marks ${them} \\Seen on the server`;
  const noBody = items.some((i) => i.kind === 'section' || i.kind === 'RFC822.TEXT')
    ? ''
    : `, not ${single ? 'its body' : 'their bodies'}`;
  const envelope = items.some((i) => i.kind === 'ENVELOPE')
    ? ". The envelope is the server's parsed summary of some header fields (date, subject, addresses, Message-ID), not the header itself"
    : '';
  return `fetch ${list(words)} of ${which}${noBody}${seen}${envelope}`;
}

function describeInWords(item: FetchItem): string {
  switch (item.kind) {
    case 'extension':
      return item.words;
    case 'FLAGS':
      return 'the flags';
    case 'UID':
      return 'the UID';
    case 'INTERNALDATE':
      return 'the date the server received it';
    case 'RFC822.SIZE':
      return 'the size in octets';
    case 'ENVELOPE':
      return 'the envelope';
    case 'BODYSTRUCTURE':
    case 'BODY':
      return 'the MIME structure (which parts, their types and sizes)';
    case 'RFC822.HEADER':
      return 'the header';
    case 'RFC822.TEXT':
      return 'the body text';
    case 'section': {
      const { parts, text } = item.section;
      const where = parts.length ? `body part ${parts.join('.')}` : 'the message';
      const what =
        text === 'HEADER' || text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT'
          ? `the header of ${where}`
          : text === 'TEXT'
            ? `the text of ${where}`
            : text === 'MIME'
              ? `the MIME header of ${where}`
              : where;
      return `${what} (${describeItem(item)}${item.peek ? '; PEEK: not marked read' : ''})`;
    }
    default:
      return item.kind;
  }
}

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const fetch = fetchCommand(false);
export const uidFetch = fetchCommand(true);
