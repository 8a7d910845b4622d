import type { StoredMessage } from '../../mailstore/message';
import type { Pop3Command } from '../types';
import { messageCount } from '../wording';

const sizeOf = (message: StoredMessage) => message.size;

/** RFC 1939 §5: the size of one message, or a scan listing of all that are not deleted. */
export const list: Pop3Command = {
  name: 'LIST',
  states: ['TRANSACTION'],
  syntax: 'LIST [msg]',
  summary: 'The size of each message (or of one), numbered for this session.',
  rfc: 'RFC 1939 §5',
  args: [0, 1],
  explain: ([msg]) => (msg ? `ask the size of message ${msg}` : 'list every message with its size'),
  run(ctx, [msg]) {
    const drop = ctx.maildrop!;
    if (msg !== undefined) {
      const { num, message } = drop.get(msg);
      return { text: `${num} ${message.size}` };
    }
    const { count, octets } = drop.totals();
    return { text: `${messageCount(count)} (${octets} octets)`, body: drop.listing(sizeOf) };
  },
};
