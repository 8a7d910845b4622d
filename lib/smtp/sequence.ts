import type { Outcome } from '../session/types';
import type { AuthExchange, SmtpResult, SmtpState } from './types';

/** Why a command is refused in a state (`503 5.5.1`, RFC 5321 §4.1.4, RFC 4954 §4). */
export function sequenceHint(name: string, state: SmtpState): string {
  if (state === 'Connected') return 'send EHLO or HELO first';
  if (name === 'MAIL') return 'nested MAIL command: finish the message or send RSET';
  if (name === 'AUTH' || name === 'STARTTLS') return `${name} is not allowed during a mail transaction`;
  return 'need MAIL before RCPT and DATA';
}

/** A SASL exchange wants the next client line; anything else is a reply. */
export function isExchange(result: SmtpResult): result is AuthExchange {
  return 'step' in result;
}

/** How a reply code reads in the event stream: 221/421 end the session, 3xx waits for more. */
export function outcomeOf(code: number): Outcome {
  return code === 221 || code === 421 ? 'bye' : code < 300 ? 'ok' : code < 400 ? 'continue' : 'err';
}
