import { OK } from '../reply';
import type { SmtpCommand } from '../types';
import { noArgs } from './noargs';

/** RFC 5321 §4.1.1.5: abandons the transaction; the greeting and the login stay. */
export const rset: SmtpCommand<null> = {
  name: 'RSET',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'RSET',
  summary: 'Abandon the current message: sender and recipients are forgotten.',
  rfc: 'RFC 5321 §4.1.1.5',
  parse: noArgs('RSET'),
  explain: () => 'abandon the message being prepared (sender and recipients)',
  run(ctx) {
    ctx.reset();
    return OK;
  },
};
