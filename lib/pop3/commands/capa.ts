import type { Pop3Command } from '../types';

/** RFC 2449 §5: the capabilities, valid before and after login. */
export const capa: Pop3Command = {
  name: 'CAPA',
  states: ['AUTHORIZATION', 'TRANSACTION'],
  syntax: 'CAPA',
  summary: 'List what this server supports and how it behaves (optional commands, EXPIRE, LOGIN-DELAY…).',
  rfc: 'RFC 2449 §5',
  args: [0, 0],
  explain: () => 'ask which optional features the server supports',
  run: (ctx) => ({
    text: 'Capability list follows',
    body: [
      // RFC 2595 §4: offered only where TLS can start, and not once it is active.
      ...(ctx.security?.tlsAvailable && !ctx.security.tlsActive && ctx.state === 'AUTHORIZATION'
        ? ['STLS']
        : []),
      'TOP',
      'USER',
      'UIDL',
      'RESP-CODES',
      'AUTH-RESP-CODE',
      'PIPELINING',
      'EXPIRE NEVER',
      'IMPLEMENTATION POP-vs-IMAP-Lab',
    ].join('\r\n'),
  }),
};
