import type { Pop3Command } from '../types';

/** RFC 1939 §5: the whole message, dot-stuffed. The client now has its own copy. */
export const retr: Pop3Command = {
  name: 'RETR',
  states: ['TRANSACTION'],
  syntax: 'RETR msg',
  summary: 'Download a message in full: headers and body.',
  rfc: 'RFC 1939 §5',
  args: [1, 1],
  explain: ([msg]) => `download message ${msg} in full`,
  run(ctx, [msg]) {
    const { num, message } = ctx.maildrop!.get(msg!);
    ctx.maildrop!.markRetrieved(num);
    return { text: `${message.size} octets`, body: message.raw };
  },
};
