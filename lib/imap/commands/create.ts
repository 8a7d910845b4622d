import { storeOp } from '../mailbox-access';
import { defineCommand } from '../types';

/** RFC 9051 §6.3.4: superiors are created too; a trailing delimiter is ignored. */
export const create = defineCommand({
  name: 'CREATE',
  states: ['Authenticated', 'Selected'],
  syntax: 'CREATE mailbox',
  summary: 'Create a mailbox (folder) on the server.',
  rfc: 'RFC 9051 §6.3.4',
  parse(a) {
    const mailbox = a.mailbox();
    a.end();
    return mailbox;
  },
  explain: (mailbox) => `create the folder "${mailbox}" on the server`,
  run(ctx, mailbox) {
    storeOp(() => ctx.account!.createMailbox(mailbox, null, ctx.origin));
    return { text: 'CREATE completed' };
  },
});
