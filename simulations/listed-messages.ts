import { composeMessage, rfc5322Date } from '../lib/mailstore/compose';
import { SEED_EPOCH } from '../lib/mailstore/seed';
import type { Account } from '../lib/mailstore/account';
import { messageIdFrom } from './message-id';
import type { ListedMessage } from './types';

const HOUR = 60 * 60 * 1000;

/**
 * Fills an account's INBOX with the messages a story lists, in order (UID 1 first), one hour
 * apart from the seed's first date, so their Date: headers and internal dates agree (RFC 9051
 * §2.3.3). Each is plain 7bit text addressed to the account, with `\Seen` / `\Flagged` when the
 * story says it was read or flagged before the story starts.
 */
export function fillListed(account: Account, user: string, messages: readonly ListedMessage[]): void {
  messages.forEach((m, i) => {
    const date = SEED_EPOCH + i * HOUR;
    const raw = composeMessage({
      from: m.from,
      to: `${user}@popvsimap.lab`,
      subject: m.subject,
      date: rfc5322Date(date),
      messageId: messageIdFrom(`listed.${i + 1}.${user}`, m.from),
      text: m.text ?? m.subject,
    });
    const flags = [...(m.seen ? ['\\Seen'] : []), ...(m.flagged ? ['\\Flagged'] : [])];
    account.inbox.append(raw, flags, date);
  });
}
