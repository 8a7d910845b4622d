import { storeOp } from '../mailbox-access';
import { defineCommand } from '../types';

/** RFC 9051 §6.3.6: inferiors are renamed too; renaming INBOX moves its messages out. */
export const rename = defineCommand({
  name: 'RENAME',
  states: ['Authenticated', 'Selected'],
  syntax: 'RENAME existing-mailbox new-mailbox',
  summary: 'Rename a mailbox (and the mailboxes under it).',
  rfc: 'RFC 9051 §6.3.6',
  parse(a) {
    const from = a.mailbox();
    const to = a.mailbox();
    a.end();
    return { from, to };
  },
  explain: ({ from, to }) => `rename the folder "${from}" to "${to}"`,
  run(ctx, { from, to }) {
    storeOp(() => ctx.account!.renameMailbox(from, to, ctx.origin));
    return { text: 'RENAME completed' };
  },
});
