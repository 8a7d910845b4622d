import type { SmtpCommand } from '../types';
import { noArgs } from './noargs';

/** RFC 5321 §4.1.1.10: the server answers 221 and closes; an unfinished transaction is dropped. */
export const quit: SmtpCommand<null> = {
  name: 'QUIT',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'QUIT',
  summary: 'End the session: the server says goodbye and closes the connection.',
  rfc: 'RFC 5321 §4.1.1.10',
  parse: noArgs('QUIT'),
  explain: () => 'say goodbye; the server closes the connection',
  run(ctx) {
    ctx.reset();
    return {
      code: 221,
      enhanced: '2.0.0',
      lines: [`${ctx.server.hostname} closing connection`],
      close: true,
    };
  },
};
