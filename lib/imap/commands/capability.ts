import { defineCommand } from '../types';

/** RFC 9051 §6.1.1 */
export const capability = defineCommand({
  name: 'CAPABILITY',
  states: ['Not Authenticated', 'Authenticated', 'Selected'],
  syntax: 'CAPABILITY',
  summary: 'List what the server supports.',
  rfc: 'RFC 9051 §6.1.1',
  parse: (a) => a.end(),
  explain: () => 'ask which IMAP features the server supports',
  run(ctx) {
    ctx.untagged(`CAPABILITY ${ctx.capabilities().join(' ')}`);
    return {};
  },
});
