import type { Mailbox } from '../mailstore/mailbox';
import { atomsOf } from './args';
import { mailboxName } from './format';
import type { Token } from './parser';
import { bad } from './types';

/** STATUS data items (RFC 9051 §6.3.11); RECENT is IMAP4rev1 only. */
const ITEMS = ['MESSAGES', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN', 'DELETED', 'SIZE', 'RECENT'] as const;
export type StatusItem = (typeof ITEMS)[number];

export function parseStatusItems(tokens: readonly Token[]): StatusItem[] {
  const items = atomsOf(tokens, 'status item').map((t) => t.toUpperCase());
  if (items.length === 0) throw bad('Missing status items');
  for (const item of items)
    if (!(ITEMS as readonly string[]).includes(item)) throw bad(`Unknown status item: ${item.slice(0, 20)}`);
  return items as StatusItem[];
}

/** The `STATUS name (...)` response text. RECENT reports messages no session has seen yet. */
export function statusResponse(box: Mailbox, items: readonly StatusItem[]): string {
  const value = (item: StatusItem): number => {
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
  return `STATUS ${mailboxName(box.name)} (${items.map((i) => `${i} ${value(i)}`).join(' ')})`;
}
