import { storeOp } from '../mailbox-access';
import { defineCommand } from '../types';

/** RFC 9051 §6.3.5: the mailbox and its messages are gone; INBOX cannot be deleted. */
export const deleteMailbox = defineCommand({
  name: 'DELETE',
  states: ['Authenticated', 'Selected'],
  syntax: 'DELETE mailbox',
  summary: 'Delete a mailbox and every message in it.',
  rfc: 'RFC 9051 §6.3.5',
  parse(a) {
    const mailbox = a.mailbox();
    a.end();
    return mailbox;
  },
  explain: (mailbox) => `delete the folder "${mailbox}" and its messages`,
  run(ctx, mailbox) {
    storeOp(() => ctx.account!.deleteMailbox(mailbox, ctx.origin));
    return { text: 'DELETE completed' };
  },
});
