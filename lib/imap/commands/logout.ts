import { defineCommand } from '../types';

/** RFC 9051 §6.1.3: BYE, then the tagged OK, then the server closes the connection. */
export const logout = defineCommand({
  name: 'LOGOUT',
  states: ['Not Authenticated', 'Authenticated', 'Selected'],
  syntax: 'LOGOUT',
  summary: 'End the session.',
  rfc: 'RFC 9051 §6.1.3',
  updates: 'none',
  parse: (a) => a.end(),
  explain: () => 'end the session (mail stays on the server)',
  run(ctx) {
    ctx.untagged('BYE POP vs IMAP Lab IMAP server logging out');
    ctx.logout();
    return {};
  },
});
