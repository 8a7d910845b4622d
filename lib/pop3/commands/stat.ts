import type { Pop3Command } from '../types';

/** RFC 1939 §5: "+OK nn mm" — messages and octets, not counting those marked deleted. */
export const stat: Pop3Command = {
  name: 'STAT',
  states: ['TRANSACTION'],
  syntax: 'STAT',
  summary: 'How many messages are waiting and their total size in octets.',
  rfc: 'RFC 1939 §5',
  args: [0, 0],
  explain: () => 'ask how many messages are waiting and their total size',
  run(ctx) {
    const { count, octets } = ctx.maildrop!.totals();
    return { text: `${count} ${octets}` };
  },
};
