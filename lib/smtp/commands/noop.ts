import { OK } from '../reply';
import type { SmtpCommand } from '../types';

/** RFC 5321 §4.1.1.9: does nothing; an argument is allowed and ignored, as the RFC says. */
export const noop: SmtpCommand = {
  name: 'NOOP',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'NOOP [SP String]',
  summary: 'Do nothing: the server answers 250, which shows the connection is alive.',
  rfc: 'RFC 5321 §4.1.1.9',
  parse: (text) => text,
  explain: () => 'check that the server is still there',
  run: () => OK,
};
