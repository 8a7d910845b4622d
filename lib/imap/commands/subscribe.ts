import { canonicalMailboxName } from '../../mailstore/account';
import { mailboxOf } from '../mailbox-access';
import { defineCommand } from '../types';

/**
 * RFC 3501 §6.3.6 / RFC 9051 §6.3.7: adds a name to the subscription list. The server may check
 * that the mailbox exists (Dovecot does): a name that is neither a mailbox nor a `\Noselect`
 * superior gets `NO [NONEXISTENT]`.
 */
export const subscribe = defineCommand({
  name: 'SUBSCRIBE',
  states: ['Authenticated', 'Selected'],
  syntax: 'SUBSCRIBE mailbox',
  summary: 'Add a mailbox to the subscribed list (many clients show only these folders).',
  rfc: 'RFC 9051 §6.3.7',
  parse(a) {
    const mailbox = a.mailbox();
    a.end();
    return mailbox;
  },
  explain: (mailbox) => `subscribe to "${mailbox}"`,
  run(ctx, mailbox) {
    const account = ctx.account!;
    const name = canonicalMailboxName(mailbox);
    if (!account.noselect.has(name)) mailboxOf(ctx, mailbox);
    account.subscribe(name, ctx.origin);
    return { text: 'SUBSCRIBE completed' };
  },
});

/**
 * RFC 3501 §6.3.7 / RFC 9051 §6.3.8: removes a name from the subscription list. The name need not
 * exist any more (a deleted mailbox stays subscribed until this, RFC 3501 §6.3.6). A name that
 * is not on the list is already unsubscribed: OK, as Dovecot answers.
 */
export const unsubscribe = defineCommand({
  name: 'UNSUBSCRIBE',
  states: ['Authenticated', 'Selected'],
  syntax: 'UNSUBSCRIBE mailbox',
  summary: 'Remove a mailbox from the subscribed list.',
  rfc: 'RFC 9051 §6.3.8',
  parse(a) {
    const mailbox = a.mailbox();
    a.end();
    return mailbox;
  },
  explain: (mailbox) => `unsubscribe from "${mailbox}"`,
  run(ctx, mailbox) {
    ctx.account!.unsubscribe(mailbox, ctx.origin);
    return { text: 'UNSUBSCRIBE completed' };
  },
});
