import type { ByteString } from '../wire/bytes';
import type { EnhancedCode, SmtpReply } from './types';

/**
 * Writes a reply as RFC 5321 §4.2.1 wants it: `code-text` on every line but the last, `code
 * text` on the last, each line with the enhanced status code when there is one (RFC 2034 §4).
 */
export function formatReply(reply: SmtpReply): ByteString {
  const prefix = reply.enhanced ? `${reply.enhanced} ` : '';
  const lines = reply.lines.length ? reply.lines : [''];
  return lines
    .map((text, i) => `${reply.code}${i < lines.length - 1 ? '-' : ' '}${prefix}${text}`.trimEnd() + '\r\n')
    .join('');
}

/** A one-line reply. */
export function reply(code: number, enhanced: EnhancedCode | undefined, text: string): SmtpReply {
  return { code, enhanced, lines: [text] };
}

/** `250 2.0.0 Ok`: NOOP, RSET (RFC 5321 §4.1.1.5, §4.1.1.9; RFC 3463 X.0.0). */
export const OK: SmtpReply = reply(250, '2.0.0', 'Ok');
