import { uniqueId } from '../maildrop';
import type { Pop3Command } from '../types';

/** RFC 1939 §7: a unique-id per message that never changes, so a client can tell what it has already. */
export const uidl: Pop3Command = {
  name: 'UIDL',
  states: ['TRANSACTION'],
  syntax: 'UIDL [msg]',
  summary:
    'The permanent unique-id of each message (or of one), used by "leave a copy on the server". Optional (RFC 1939 §7): CAPA lists UIDL where the server has it.',
  rfc: 'RFC 1939 §7',
  args: [0, 1],
  explain: ([msg]) => (msg ? `ask the unique-id of message ${msg}` : 'list the unique-id of every message'),
  run(ctx, [msg]) {
    const drop = ctx.maildrop!;
    const validity = drop.account.inbox.uidValidity;
    if (msg !== undefined) {
      const { num, message } = drop.get(msg);
      return { text: `${num} ${uniqueId(message, validity)}` };
    }
    const body = drop.listing((message) => uniqueId(message, validity));
    return { text: 'Unique-ID listing follows', body };
  },
};
