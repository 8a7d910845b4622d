import { mailboxName } from '../format';
import { listAttributes, matchMailboxes } from '../list-mailboxes';
import { defineCommand } from '../types';

/** RFC 3501 §6.3.9 (IMAP4rev1; replaced by LIST (SUBSCRIBED) in IMAP4rev2, still sent by clients). */
export const lsub = defineCommand({
  name: 'LSUB',
  states: ['Authenticated', 'Selected'],
  syntax: 'LSUB reference pattern',
  summary: 'List the subscribed mailboxes that match a pattern (IMAP4rev1).',
  rfc: 'RFC 3501 §6.3.9',
  parse(a) {
    const reference = a.astring('reference');
    const pattern = a.astring('mailbox pattern');
    a.end();
    return { reference, pattern };
  },
  explain: ({ pattern }) => `list the subscribed folders matching "${pattern}"`,
  run(ctx, { reference, pattern }) {
    const account = ctx.account!;
    for (const box of matchMailboxes(account, reference, [pattern])) {
      if (!box.subscribed) continue;
      const attrs = listAttributes(account, box, { subscribed: false, specialUse: false });
      ctx.untagged(`LSUB (${attrs.join(' ')}) "/" ${mailboxName(box.name)}`);
    }
    return { text: 'LSUB completed' };
  },
});
