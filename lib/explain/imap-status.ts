/**
 * The STATUS response (RFC 9051 §7.3.3, RFC 3501 §7.2.4): a mailbox's counts, asked for by STATUS
 * or LIST-STATUS (RFC 5819), or sent unasked as NOTIFY's news (RFC 5465 §5.1, §5.2, §5.3).
 */
import { IMAP, cite } from './cite';
import type { Said } from './imap-data';
import { statusItemRfc } from './imap-ext-items';
import { isNews } from './imap-notify';
import { valueOf, type Node } from './imap-syntax';
import { mailboxNameMeaning } from './mailbox-name';
import type { Tokens } from './tokens';
import type { WireUnit } from './types';

const STATUS_ITEMS: Record<string, string> = {
  MESSAGES: 'messages in the mailbox',
  RECENT:
    '\\Recent messages; an IMAP4rev1 item, deprecated in IMAP4rev2 (RFC 9051 Appendix E); this server still answers it when asked',
  UIDNEXT: 'the UID the next new message will get',
  UIDVALIDITY: 'the UIDVALIDITY: cached UIDs stay valid while it is unchanged',
  UNSEEN: 'messages without \\Seen (a count, unlike the [UNSEEN n] code of SELECT)',
  DELETED: 'messages marked \\Deleted',
  SIZE: 'the total size of the mailbox in octets',
  'DELETED-STORAGE':
    'the storage an EXPUNGE would free (RFC 9208 §4.1.4, which names no unit: this server counts units of 1024 octets, as STORAGE does, §5.1)',
  HIGHESTMODSEQ:
    'the highest mod-sequence in the mailbox (RFC 7162 §3.1.7): if it has not grown, nothing changed',
};

/** Commands whose answer holds STATUS responses (LIST-STATUS, RFC 5819). */
const STATUSING = new Set(['STATUS', 'LIST']);

/** Explains `* STATUS mailbox (item value …)`, item by item. */
export function explainStatus(u: WireUnit, at: number, nodes: readonly Node[], tokens: Tokens): Said {
  const [mailbox, list] = nodes;
  const itemNames = (list?.kind === 'list' ? list.children : []).map((n) => n.text.toUpperCase());
  // A STATUS no STATUS or LIST-STATUS asked for is NOTIFY's: its first counts (NOTIFY SET
  // STATUS, RFC 5465 §3.1) or news of a watched mailbox. MESSAGES and UIDNEXT are news of new
  // messages (§5.2) or expunged ones (§5.3), which the line alone does not tell apart; UNSEEN
  // and UIDVALIDITY, or HIGHESTMODSEQ alone, are news of changed flags (§5.1). One STATUS may
  // carry both when the changes came together.
  const asked = u.command !== 'NOTIFY' && !isNews(u, STATUSING);
  const counts = itemNames.includes('MESSAGES') || itemNames.includes('UIDNEXT');
  const flags = !counts || itemNames.includes('UNSEEN') || itemNames.includes('UIDVALIDITY');
  const rfc = asked
    ? cite(IMAP.status, u.rev2)
    : u.command === 'NOTIFY'
      ? 'RFC 5465 §3.1'
      : counts
        ? flags
          ? 'RFC 5465 §5.1, §5.2, §5.3'
          : 'RFC 5465 §5.2, §5.3'
        : 'RFC 5465 §5.1';
  tokens.add(
    at,
    at + 6,
    asked
      ? 'STATUS: counts for a mailbox, without opening it.'
      : u.command === 'NOTIFY'
        ? 'STATUS: the counts of a mailbox NOTIFY will watch (NOTIFY SET STATUS), to read later news against.'
        : 'STATUS: news, unasked: a mailbox NOTIFY watches has changed (new or expunged messages: MESSAGES and UIDNEXT; changed flags: UNSEEN when the number of seen messages changed, and, once CONDSTORE is enabled, UIDVALIDITY and HIGHESTMODSEQ).',
    rfc,
  );
  if (mailbox) {
    const meaning = mailboxNameMeaning(mailbox.text, valueOf(u.raw, mailbox), u.rev2, 'the mailbox');
    tokens.node(mailbox, meaning.text, meaning.rfc);
  }
  const items = list?.kind === 'list' ? list.children : [];
  const parts: string[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const what = STATUS_ITEMS[items[i]!.text.toUpperCase()] ?? items[i]!.text;
    tokens.add(
      items[i]!.start,
      items[i + 1]!.end,
      `${items[i]!.text} ${items[i + 1]!.text}: ${what}.`,
      // RECENT is RFC 3501's only; HIGHESTMODSEQ, DELETED-STORAGE (and in IMAP4rev1 DELETED
      // and SIZE) are their extensions' (imap-ext-items.ts).
      statusItemRfc(items[i]!.text, u.rev2),
    );
    parts.push(`${items[i]!.text} ${items[i + 1]!.text}`);
  }
  return { explanation: `Mailbox ${mailbox ? valueOf(u.raw, mailbox) : ''}: ${parts.join(', ')}.`, rfc };
}
