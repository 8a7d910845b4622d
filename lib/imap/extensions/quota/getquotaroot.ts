import { astring, mailboxName } from '../../format';
import { mailboxOf } from '../../mailbox-access';
import { defineCommand } from '../../types';
import { quotaResources, quotaResponse, quotaRootsOf } from './resources';

/**
 * RFC 9208 §4.1.2: `GETQUOTAROOT mailbox` answers with the mailbox's quota roots (QUOTAROOT,
 * §4.2.2) and then each root's QUOTA response (§4.2.1). A mailbox of an account without limits
 * has no root: `* QUOTAROOT INBOX` alone. A mailbox that does not exist is `NO [NONEXISTENT]`.
 */
export const getquotaroot = defineCommand({
  name: 'GETQUOTAROOT',
  states: ['Authenticated', 'Selected'],
  syntax: 'GETQUOTAROOT mailbox',
  summary: 'Show which quota roots a mailbox counts against, with their usage and limits.',
  rfc: 'RFC 9208 §4.1.2',
  parse(a) {
    const mailbox = a.mailbox();
    a.end();
    return mailbox;
  },
  explain: (mailbox) =>
    `ask which storage limits mailbox ${mailbox.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)} counts against, and how full they are`,
  run(ctx, mailbox) {
    const box = mailboxOf(ctx, mailbox);
    const account = ctx.account!;
    const roots = quotaRootsOf(account);
    ctx.untagged(`QUOTAROOT ${mailboxName(box.name, ctx)}${roots.map((r) => ' ' + astring(r)).join('')}`);
    for (const root of roots) ctx.untagged(quotaResponse(root, quotaResources(account)));
    return {};
  },
});
