import { defineCommand } from '../types';

/** RFC 9051 §6.4.2 (RFC 3691): leave the mailbox without removing anything. */
export const unselect = defineCommand({
  name: 'UNSELECT',
  states: ['Selected'],
  syntax: 'UNSELECT',
  summary: 'Close the mailbox without removing \\Deleted messages.',
  rfc: 'RFC 9051 §6.4.2',
  updates: 'none',
  parse: (a) => a.end(),
  explain: () => 'close the mailbox (nothing is removed)',
  run(ctx) {
    ctx.deselect();
    return { text: 'UNSELECT completed' };
  },
});
