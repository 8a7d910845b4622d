import { bad, defineCommand } from '../types';

/** RFC 9051 §6.3.13 (RFC 2177): the server pushes EXISTS, EXPUNGE and FETCH as they happen, until DONE. */
export const idle = defineCommand({
  name: 'IDLE',
  states: ['Authenticated', 'Selected'],
  syntax: 'IDLE … DONE',
  summary: 'Wait for news: the server reports new mail and changes at once, until the client sends DONE.',
  rfc: 'RFC 9051 §6.3.13',
  parse: (a) => a.end(),
  explain: () => 'wait: the server will push new mail and changes as they happen',
  run(ctx) {
    ctx.continuation('idling');
    ctx.setIdling(true);
    ctx.expectLine((line) => {
      ctx.setIdling(false);
      ctx.complete(line.toUpperCase() === 'DONE' ? { text: 'IDLE terminated' } : bad('Expected DONE'));
    });
    return 'pending';
  },
});
