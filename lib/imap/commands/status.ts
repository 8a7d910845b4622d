import { registry } from '../extensions/registry';
import { mailboxOf } from '../mailbox-access';
import { parseStatusItems, statusResponse } from '../status-items';
import { defineCommand } from '../types';

/** RFC 9051 §6.3.11: counts of a mailbox without selecting it. */
export const status = defineCommand({
  name: 'STATUS',
  states: ['Authenticated', 'Selected'],
  syntax: 'STATUS mailbox (item...)',
  summary: 'Counts for a mailbox (messages, unseen, UIDNEXT…) without opening it.',
  rfc: 'RFC 9051 §6.3.11',
  parse(a) {
    const mailbox = a.mailbox();
    const items = parseStatusItems(a.list('status items'));
    a.end();
    return { mailbox, items };
  },
  explain: ({ mailbox, items }) => `ask for ${items.join(', ')} of "${mailbox}" without opening it`,
  run(ctx, { mailbox, items }) {
    const box = mailboxOf(ctx, mailbox);
    // An extension's item may turn its extension on (RFC 7162 §3.1: STATUS HIGHESTMODSEQ).
    for (const item of items) {
      const enables = registry().statusItems.get(item)?.enables;
      if (enables) ctx.enable(enables);
    }
    ctx.untagged(statusResponse(box, items, ctx));
    return { text: 'STATUS completed' };
  },
});
