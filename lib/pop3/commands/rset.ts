import type { Pop3Command } from '../types';
import { messageCount } from '../wording';

/** RFC 1939 §5: unmark every message marked deleted in this session. */
export const rset: Pop3Command = {
  name: 'RSET',
  states: ['TRANSACTION'],
  syntax: 'RSET',
  summary: 'Undo every DELE of this session.',
  rfc: 'RFC 1939 §5',
  args: [0, 0],
  explain: () => 'undo every deletion mark of this session',
  run(ctx) {
    ctx.maildrop!.reset();
    const { count, octets } = ctx.maildrop!.totals();
    return { text: `maildrop has ${messageCount(count)} (${octets} octets)` };
  },
};
