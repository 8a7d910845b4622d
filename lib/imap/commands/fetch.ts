import { describeItem, parseFetchItems, setsSeen, type FetchItem } from '../fetch-items';
import { renderItem } from '../fetch-render';
import type { SequenceSet } from '../seqset';
import { targets } from '../targets';
import type { ImapCommand } from '../types';

interface FetchArgs {
  set: SequenceSet;
  items: FetchItem[];
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
    summary: 'Download parts of messages: flags, envelope (headers), structure, or a body section.',
    rfc: byUid ? 'RFC 9051 §6.4.9' : 'RFC 9051 §6.4.5',
    // §7.5.1: no EXPUNGE while responding to FETCH (UID FETCH may).
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      const set = a.seqSet();
      const items = parseFetchItems(a.rest());
      // UID FETCH always returns the UID (RFC 9051 §6.4.9).
      if (byUid && !items.some((i) => i.kind === 'UID')) items.unshift({ kind: 'UID' });
      return { set, items };
    },
    explain: ({ set, items }) => explainFetch(set, items, byUid),
    run(ctx, { set, items }) {
      const selected = ctx.selected!;
      const marksSeen = !selected.readOnly && items.some(setsSeen);
      const wantsFlags = items.some((i) => i.kind === 'FLAGS');
      for (const { seq, message } of targets(selected, set, byUid)) {
        let flagsChanged = false;
        if (marksSeen && !message.flags.has('\\Seen') && !message.expunged) {
          flagsChanged = selected.mailbox.setFlags(message, [...message.flags, '\\Seen'], ctx.origin);
        }
        const flags = selected.flagsOf(message, ctx.rev2);
        const parts = items.map((item) => renderItem(item, message, flags));
        // RFC 9051 §6.4.5: when a fetch sets \Seen, the new flags are included in the response.
        if (flagsChanged && !wantsFlags) parts.push(renderItem({ kind: 'FLAGS' }, message, flags));
        ctx.untagged(`${seq} FETCH (${parts.join(' ')})`);
      }
      return { text: `${name} completed` };
    },
  };
}

function explainFetch(set: SequenceSet, items: readonly FetchItem[], byUid: boolean): string {
  const single = /^\d+$/.test(set.text);
  const which = `${byUid ? 'UID' : 'message'}${single ? '' : 's'} ${set.text}`;
  const kinds = new Set(items.map((i) => i.kind));
  const fullBody = items.some(
    (i) =>
      (i.kind === 'section' && i.section.parts.length === 0 && i.section.text === null) ||
      i.kind === 'RFC822',
  );
  if (fullBody) {
    const peek = items.every((i) => !setsSeen(i));
    const them = single ? 'it' : 'them';
    return `download ${which} in full${peek ? ` (PEEK: without marking ${them} read)` : `, which marks ${them} \\Seen on the server`}`;
  }
  if (
    kinds.has('ENVELOPE') ||
    items.some((i) => i.kind === 'section' && i.section.text?.startsWith('HEADER'))
  ) {
    return `fetch only the headers of ${which}, not their bodies`;
  }
  return `fetch ${items.map(describeItem).join(', ')} of ${which}`;
}

export const fetch = fetchCommand(false);
export const uidFetch = fetchCommand(true);
