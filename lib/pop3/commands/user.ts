import type { Pop3Command } from '../types';

/** RFC 1939 §7. Any name is accepted here, so USER does not reveal which mailboxes exist. */
export const user: Pop3Command = {
  name: 'USER',
  states: ['AUTHORIZATION'],
  syntax: 'USER name',
  summary: 'Name the mailbox to log in to; PASS follows.',
  rfc: 'RFC 1939 §7',
  args: [1, 1],
  explain: ([name]) => `log in as "${name}" (the password follows in PASS)`,
  run(ctx, [name]) {
    ctx.pendingUser = name!;
    return { text: `Send your password for ${name}` };
  },
};
