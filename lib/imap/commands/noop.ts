import { defineCommand } from '../types';

/** RFC 9051 §6.1.2: does nothing, which gives the server a chance to report changes. */
export const noop = defineCommand({
  name: 'NOOP',
  states: ['Not Authenticated', 'Authenticated', 'Selected'],
  syntax: 'NOOP',
  summary: 'Do nothing; the server reports any changes to the selected mailbox.',
  rfc: 'RFC 9051 §6.1.2',
  parse: (a) => a.end(),
  explain: () => 'poll: anything new in the mailbox?',
  run: () => ({}),
});
