import { bad, defineCommand } from '../types';

/**
 * RFC 9051 §6.3.13 (RFC 2177): until DONE the server may send EXISTS, EXPUNGE, FETCH and other
 * untagged responses at any time; this one sends each change as it happens.
 */
export const idle = defineCommand({
  name: 'IDLE',
  states: ['Authenticated', 'Selected'],
  syntax: 'IDLE … DONE',
  summary:
    'Wait for news: until the client sends DONE, the server may report new mail and changes without waiting for a command.',
  rfc: 'RFC 9051 §6.3.13',
  parse: (a) => a.end(),
  explain: () => 'wait: until DONE, the server may push new mail and changes without waiting for a command',
  run(ctx) {
    ctx.continuation('idling');
    ctx.setIdling(true);
    const end = (done: boolean) => {
      ctx.setIdling(false);
      ctx.complete(done ? { text: 'IDLE terminated' } : bad('Expected DONE'));
    };
    // Any line but DONE ends IDLE with BAD; so does a line over the limit, whose rest is dropped
    // (Dovecot's cmd-idle.c: "BAD Expected DONE." in both cases), so the client always gets the
    // tagged reply RFC 2177 §3 promises.
    ctx.expectLine(
      (line) => end(line.toUpperCase() === 'DONE'),
      () => end(false),
    );
    return 'pending';
  },
});
