/**
 * # UTF8=ACCEPT: UTF-8 for IMAP4rev1 clients (RFC 9755, which obsoletes RFC 6855)
 *
 * IMAP4rev2 speaks UTF-8 already; this extension gives the same to an IMAP4rev1 client that
 * sends `ENABLE UTF8=ACCEPT` (RFC 9755 §3; ENABLE is valid only after login). What changes then:
 *
 * - mailbox names travel in UTF-8 both ways instead of modified UTF-7 (§3; `namesInUtf8` in
 *   `mutf7/`), and a SEARCH that names a CHARSET is BAD (§3: a SHOULD, the labels conflict);
 * - APPEND may carry 8-bit header fields (RFC 6532). A client that did not enable UTF-8 (nor
 *   IMAP4rev2) is refused such a message with NO (§4: a MUST for a server that advertises it).
 *
 * Quoted strings may hold UTF-8 whether or not it is enabled, and malformed UTF-8 in one is BAD
 * (§3, `uQUOTED-CHAR`): the core tokenizer checks it. The server never sends 8-bit octets in a
 * quoted string (it writes them as literals), so it never sends UTF-8 unannounced (§3).
 *
 * RFC 6855 §4 also had `APPEND mailbox UTF8 (~{n} …)`; RFC 9755 (Appendix B.1) removed it, as
 * IMAP4rev2 has no such form. It is still read here, once UTF8=ACCEPT is enabled, so that an
 * RFC 6855 client's upload is stored rather than refused: the message is the literal8 inside.
 */
import { parseMime, type MimePart } from '../../../mail/mime';
import type { ByteString } from '../../../wire/bytes';
import { bad, no } from '../../types';
import { storableBinary } from '../binary/store-binary';
import { defineExtension } from '../define';

export const UTF8_ACCEPT = 'UTF8=ACCEPT';

/** True when any header field of the message or of its MIME parts holds an 8-bit octet. */
export function hasEightBitHeader(message: ByteString): boolean {
  if (!/[\x80-\xff]/.test(message)) return false;
  const eightBit = (part: MimePart): boolean =>
    /[\x80-\xff]/.test(message.slice(part.headerStart, part.bodyStart)) ||
    part.children.some(eightBit) ||
    (part.message !== undefined && eightBit(part.message));
  return eightBit(parseMime(message));
}

export const utf8Accept = defineExtension({
  name: 'utf8-accept',
  rfc: 'RFC 9755',
  capability: UTF8_ACCEPT,
  enable: { [UTF8_ACCEPT]: [] },
  appendData: [
    {
      name: 'UTF8',
      parse(a) {
        if (!a.acceptAtom('UTF8')) return null;
        if (!a.enabled.has(UTF8_ACCEPT)) throw bad('APPEND … UTF8 (…) needs ENABLE UTF8=ACCEPT first');
        const items = a.list('UTF8 data');
        const data = items[0];
        // RFC 6855 §4: utf8-literal = "UTF8" SP "(" literal8 ")", an alternative of append-data.
        if (items.length !== 1 || data?.type !== 'literal8')
          throw bad('Expected UTF8 (~{n}) with the message as a literal8');
        const message = data.value;
        return {
          words: `a ${message.length}-octet message with UTF-8 header fields (UTF8 data item of RFC 6855)`,
          octets: () => storableBinary(message),
        };
      },
    },
  ],
  hooks: {
    appending(ctx, message) {
      if (ctx.enabled.has(UTF8_ACCEPT) || ctx.rev2) return;
      if (hasEightBitHeader(message))
        throw no('This message has 8-bit header fields: send ENABLE UTF8=ACCEPT first (RFC 9755 §4)');
    },
  },
});
