import type { Mailbox } from '../mailstore/mailbox';
import { atomsOf } from './args';
import { registry } from './extensions/registry';
import { mailboxName } from './format';
import type { Token } from './parser';
import { bad } from './types';

/** STATUS data items (RFC 9051 §6.3.11); RECENT is IMAP4rev1's (RFC 3501 §6.3.10), deprecated in IMAP4rev2 (RFC 9051 Appendix E). */
const ITEMS = ['MESSAGES', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN', 'DELETED', 'SIZE', 'RECENT'] as const;
type CoreStatusItem = (typeof ITEMS)[number];
/** A core STATUS item, or one an extension registers (upper-case, e.g. HIGHESTMODSEQ). */
export type StatusItem = CoreStatusItem | (string & {});

const isCore = (item: string): item is CoreStatusItem => (ITEMS as readonly string[]).includes(item);

export function parseStatusItems(tokens: readonly Token[]): StatusItem[] {
  const items = atomsOf(tokens, 'status item').map((t) => t.toUpperCase());
  if (items.length === 0) throw bad('Missing status items');
  for (const item of items)
    if (!isCore(item) && !registry().statusItems.has(item))
      throw bad(`Unknown status item: ${item.slice(0, 20)}`);
  return items;
}

/**
 * The `STATUS name (...)` response text, the name in the session's form (see `mailboxName`).
 * RECENT reports messages no session has seen yet.
 */
export function statusResponse(
  box: Mailbox,
  items: readonly StatusItem[],
  session: { readonly enabled: ReadonlySet<string> },
): string {
  const value = (item: StatusItem): number => {
    if (!isCore(item)) return registry().statusItems.get(item)!.value(box);
    switch (item) {
      case 'MESSAGES':
        return box.messages.length;
      case 'UIDNEXT':
        return box.uidNext;
      case 'UIDVALIDITY':
        return box.uidValidity;
      case 'UNSEEN':
        return box.messages.filter((m) => !m.flags.has('\\Seen')).length;
      case 'DELETED':
        return box.messages.filter((m) => m.flags.has('\\Deleted')).length;
      case 'SIZE':
        return box.size;
      case 'RECENT':
        return box.messages.filter((m) => m.uid > box.recentCutoff).length;
    }
  };
  return `STATUS ${mailboxName(box.name, session)} (${items.map((i) => `${i} ${value(i)}`).join(' ')})`;
}
