import type { SmtpState } from './types';

/**
 * An SMTP session's state in the words the lab shows (column heads, lifelines, transcripts, the
 * Live page). RFC 5321 names no states the way POP3 (RFC 1939 §3) and IMAP (RFC 9051 §3) do: it
 * describes a mail transaction that MAIL FROM starts, RCPT TO adds recipients to and DATA ends
 * (RFC 5321 §3.3), after the EHLO greeting (§4.1.1.1). `SmtpState` is the engine's name for where a session
 * is; shown as is ("Mail", "Rcpt") it would read like a protocol term, so each is said in the
 * RFC's terms: before EHLO (or HELO, §4.1.1.1), no mail transaction (greeted, and between transactions; a submission
 * server still wants AUTH before MAIL, RFC 4954), a transaction after MAIL FROM or after an
 * accepted RCPT TO, and after DATA's 354, while the message itself ("mail data", RFC 5321
 * §4.1.1.4) arrives,
 * up to the line holding a single dot. Each transaction state is named by the command that led
 * there, short enough for a lifeline's head between two others (DiagramShapes.tsx).
 */
const WORDS: Record<SmtpState, string> = {
  Connected: 'before EHLO or HELO',
  Ready: 'no mail transaction',
  Mail: 'after MAIL FROM',
  Rcpt: 'after RCPT TO',
  Data: 'after DATA',
};

/** `state` (an `SmtpState`) in words, e.g. "after MAIL FROM"; any other string is returned as is. */
export function smtpStateWords(state: string): string {
  return Object.hasOwn(WORDS, state) ? WORDS[state as SmtpState] : state;
}
