import { parseDateTime } from '../format';
import { parseFlagTokens } from '../flags';
import { printableName, storeOp } from '../mailbox-access';
import { bad, defineCommand, no } from '../types';

/** RFC 9051 §6.3.12: add a message to a mailbox (a client saving to Sent or Drafts). UIDPLUS reply code. */
export const append = defineCommand({
  name: 'APPEND',
  states: ['Authenticated', 'Selected'],
  syntax: 'APPEND mailbox [(flags)] [date-time] literal',
  summary: 'Upload a message into a mailbox, e.g. a copy of sent mail into Sent.',
  rfc: 'RFC 9051 §6.3.12',
  parse(a) {
    const mailbox = a.mailbox();
    const flagTokens = a.optionalList();
    const flags = flagTokens ? parseFlagTokens(flagTokens) : [];
    let date: number | null = null;
    const next = a.peek();
    if (next?.type === 'string' && !next.literal) {
      a.next('date-time');
      date = parseDateTime(next.value);
      if (date === null) throw bad('Invalid date-time');
    }
    // append-data is a literal (RFC 9051 §9); literal8 (`~{n}`) needs BINARY, which we lack.
    const data = a.next('message literal');
    if (data.type !== 'string' || !data.literal) throw bad('Expected the message as a literal {n}');
    const message = data.value;
    a.end();
    return { mailbox, flags, date, message };
  },
  explain: ({ mailbox, message }) => `upload a ${message.length}-octet message into "${mailbox}"`,
  run(ctx, { mailbox, flags, date, message }) {
    const account = ctx.account!;
    const box = account.getMailbox(mailbox);
    // RFC 9051 §6.3.12: TRYCREATE tells the client it could create the mailbox and retry.
    if (!box) throw no(`Mailbox doesn't exist: ${printableName(mailbox)}`, 'TRYCREATE');
    if (message.length === 0) throw bad('Empty message');
    const stored = storeOp(() =>
      account.append(box, message, flags, date ?? ctx.server.store.clock.now(), ctx.origin),
    );
    return { code: `APPENDUID ${box.uidValidity} ${stored.uid}`, text: 'APPEND completed' };
  },
});
