import { DELIMITER } from '../../mailstore/account';
import { mailboxName } from '../format';
import { listAttributes, nameMatcher, sortNames } from '../list-mailboxes';
import { defineCommand } from '../types';

/**
 * RFC 3501 §6.3.9 (IMAP4rev1; replaced by LIST (SUBSCRIBED) in IMAP4rev2, still sent by clients).
 * Lists the subscription list, whether or not the mailboxes exist; and when `%` stops short of
 * a subscribed name, its unsubscribed superior that matches is listed with `\Noselect`.
 */
export const lsub = defineCommand({
  name: 'LSUB',
  states: ['Authenticated', 'Selected'],
  syntax: 'LSUB reference pattern',
  summary: 'List the subscribed mailboxes that match a pattern (IMAP4rev1).',
  rfc: 'RFC 3501 §6.3.9',
  parse(a) {
    // RFC 3501 §9: lsub = "LSUB" SP mailbox SP list-mailbox.
    const reference = a.mailbox('reference');
    const pattern = a.listMailbox('mailbox pattern');
    a.end();
    return { reference, pattern };
  },
  explain: ({ pattern }) => `list the subscribed folders matching "${pattern}"`,
  run(ctx, { reference, pattern }) {
    const account = ctx.account!;
    const matches = nameMatcher(reference, [pattern]);
    const superiors = new Set<string>();
    for (const name of account.subscriptions) {
      if (matches(name)) continue;
      const parts = name.split(DELIMITER);
      for (let i = 1; i < parts.length; i++) {
        const superior = parts.slice(0, i).join(DELIMITER);
        if (!account.subscriptions.has(superior) && matches(superior)) superiors.add(superior);
      }
    }
    const subscribed = [...account.subscriptions].filter(matches);
    for (const name of sortNames([...subscribed, ...superiors])) {
      const attrs = superiors.has(name)
        ? ['\\Noselect']
        : listAttributes(account, name, { subscribed: false, specialUse: false, lsub: true });
      ctx.untagged(`LSUB (${attrs.join(' ')}) "/" ${mailboxName(name, ctx)}`);
    }
    return { text: 'LSUB completed' };
  },
});
