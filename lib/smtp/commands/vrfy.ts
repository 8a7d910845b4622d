import { reply } from '../reply';
import { SmtpError, type SmtpCommand } from '../types';

/**
 * RFC 5321 §3.5.3: a server may decline to confirm addresses (so as not to help address
 * harvesters) and answer 252 instead, as most do. The lab never says whether an account exists.
 */
export const vrfy: SmtpCommand = {
  name: 'VRFY',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'VRFY String',
  summary: 'Ask whether an address exists; the server declines to say (252) but will try delivery.',
  rfc: 'RFC 5321 §3.5.3',
  parse(text) {
    if (text === '') throw new SmtpError(501, '5.5.4', 'Syntax: VRFY address');
    return text;
  },
  explain: (who) => `ask whether "${who}" is a real mailbox`,
  run: () => reply(252, '2.0.0', 'Cannot VRFY user, but will accept message and attempt delivery'),
};
