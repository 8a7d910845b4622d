import { defineCommand } from '../types';

/** RFC 9051 §6.3.10: one personal namespace, no prefix, "/" delimiter; no shared folders. */
export const namespace = defineCommand({
  name: 'NAMESPACE',
  states: ['Authenticated', 'Selected'],
  syntax: 'NAMESPACE',
  summary: "Where personal, other users' and shared mailboxes live in the name space.",
  rfc: 'RFC 9051 §6.3.10',
  parse: (a) => a.end(),
  explain: () => 'ask how mailbox names are organised',
  run(ctx) {
    ctx.untagged('NAMESPACE (("" "/")) NIL NIL');
    return {};
  },
});
