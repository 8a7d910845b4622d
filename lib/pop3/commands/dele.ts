import type { Pop3Command } from '../types';

/** RFC 1939 §5: only marks the message; the server removes it in the UPDATE state, after QUIT. */
export const dele: Pop3Command = {
  name: 'DELE',
  states: ['TRANSACTION'],
  syntax: 'DELE msg',
  summary:
    'Mark a message for deletion. Nothing is removed until QUIT; RSET or a dropped connection undoes it.',
  rfc: 'RFC 1939 §5',
  args: [1, 1],
  explain: ([msg]) => `mark message ${msg} for deletion (removed only when the session ends with QUIT)`,
  run(ctx, [msg]) {
    const { num } = ctx.maildrop!.get(msg!);
    ctx.maildrop!.markDeleted(num);
    return { text: `Message ${num} deleted` };
  },
};
