/**
 * # BINARY: content without its transfer encoding (RFC 3516; in IMAP4rev2, RFC 9051 §6.4.5)
 *
 * Attachments travel in mail as base64 (a third larger) or quoted-printable. With BINARY the
 * server undoes that encoding and sends the octets themselves:
 *
 * - `BINARY[section-binary]<partial>` and `BINARY.PEEK[…]` (§4.2): a part's body decoded by its
 *   Content-Transfer-Encoding (base64, quoted-printable; 7bit, 8bit and binary as they are),
 *   `BINARY[]` the whole message with its body decoded; the partial range counts decoded
 *   octets. The response is a literal8 `~{n}` when the octets hold a NUL, else a literal.
 * - `BINARY.SIZE[section-binary]` (§4.2): the decoded size, without the data.
 * - `[UNKNOWN-CTE]` (§4.3): a part in an encoding the server cannot undo refuses the FETCH.
 * - APPEND takes the message as a literal8 (§4.4); parts with NUL octets are stored as base64.
 *
 * `~{n}` itself is read by the core tokenizer (parser.ts), with the literal limits of
 * docs/SECURITY.md; only APPEND's message data accepts it.
 */
import { defineExtension } from '../define';
import { BINARY_ITEMS } from './items';
import { storableBinary } from './store-binary';

export const binary = defineExtension({
  name: 'binary',
  rfc: 'RFC 3516',
  capability: 'BINARY',
  fetchItems: [BINARY_ITEMS],
  appendData: [
    {
      name: 'literal8',
      parse(a) {
        const t = a.peek();
        if (t?.type !== 'literal8') return null;
        a.next('message');
        const message = t.value;
        return {
          words: `a ${message.length}-octet message sent as binary data (literal8 ~{${message.length}})`,
          octets: () => storableBinary(message),
        };
      },
    },
  ],
  responseCodes: [
    {
      name: 'UNKNOWN-CTE',
      summary:
        'The server cannot decode the part’s Content-Transfer-Encoding (or store the binary data): fetch it with BODY[] and decode it yourself.',
      rfc: 'RFC 3516 §4.3, §4.4',
    },
  ],
});
