import type { Pop3Command } from '../types';
import { messageCount } from '../wording';

/**
 * RFC 1939 §6: in TRANSACTION, QUIT enters the UPDATE state, which commits the deletions; in
 * AUTHORIZATION it just ends the session.
 */
export const quit: Pop3Command = {
  name: 'QUIT',
  states: ['AUTHORIZATION', 'TRANSACTION'],
  syntax: 'QUIT',
  summary: 'End the session. In TRANSACTION this commits the deletions marked with DELE.',
  rfc: 'RFC 1939 §4, §6',
  args: [0, 0],
  explain: (_args, { state }) =>
    state === 'AUTHORIZATION'
      ? 'end the session before logging in: no maildrop was opened, so the server only says goodbye and closes the connection; nothing is removed'
      : 'end the session: the server enters the UPDATE state and removes the messages marked with DELE; by its own policy it also marks \\Seen those retrieved and kept',
  run(ctx) {
    const host = ctx.server.hostname;
    if (ctx.state === 'AUTHORIZATION') return { text: `${host} POP3 server signing off`, close: true };
    const { left } = ctx.maildrop!.commit(ctx);
    const rest = left === 0 ? 'maildrop empty' : `${messageCount(left)} left`;
    return { text: `${host} POP3 server signing off (${rest})`, nextState: 'UPDATE', close: true };
  },
};
