import { whoCanRead } from '../../session/secret-words';
import { Pop3Error, type Pop3Command } from '../types';
import { messageCount } from '../wording';

/** RFC 1939 §7. The password travels in plain text: without TLS anyone on the path can read it. */
export const pass: Pop3Command = {
  name: 'PASS',
  states: ['AUTHORIZATION'],
  syntax: 'PASS string',
  summary: 'Give the password for the name sent with USER; on success the maildrop is locked.',
  rfc: 'RFC 1939 §7',
  args: [1, 1],
  secretArgs: [0],
  explain: (_, on) => `send the password as it is typed (${whoCanRead(on.tls, 'it')})`,
  run(ctx, [password]) {
    const name = ctx.pendingUser;
    if (name === null) throw new Pop3Error('No username given: send USER first');
    ctx.pendingUser = null;
    const account = ctx.server.store.authenticate(name, password!);
    if (!account) return ctx.failAuth('Invalid username or password');
    ctx.openMaildrop(account);
    const { count, octets } = ctx.maildrop!.totals();
    return {
      text: `Logged in, maildrop has ${messageCount(count)} (${octets} octets)`,
      nextState: 'TRANSACTION',
    };
  },
};
