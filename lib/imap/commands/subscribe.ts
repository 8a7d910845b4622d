import { mailboxOf } from '../mailbox-access';
import { defineCommand, type ImapCommand } from '../types';

function subscription(name: 'SUBSCRIBE' | 'UNSUBSCRIBE', on: boolean, rfc: string): ImapCommand<string> {
  return defineCommand({
    name,
    states: ['Authenticated', 'Selected'],
    syntax: `${name} mailbox`,
    summary: on
      ? 'Add a mailbox to the subscribed list (the folders a client shows).'
      : 'Remove a mailbox from the subscribed list.',
    rfc,
    parse(a) {
      const mailbox = a.mailbox();
      a.end();
      return mailbox;
    },
    explain: (mailbox) => `${on ? 'subscribe to' : 'unsubscribe from'} "${mailbox}"`,
    run(ctx, mailbox) {
      mailboxOf(ctx, mailbox).subscribed = on;
      return { text: `${name} completed` };
    },
  });
}

/** RFC 9051 §6.3.7 */
export const subscribe = subscription('SUBSCRIBE', true, 'RFC 9051 §6.3.7');
/** RFC 9051 §6.3.8 */
export const unsubscribe = subscription('UNSUBSCRIBE', false, 'RFC 9051 §6.3.8');
