import { parseMime, type MimePart } from '../../../mail/mime';
import type { ByteString } from '../../../wire/bytes';
import { no } from '../../types';
import { transferEncoding } from './decode';

/**
 * A message that arrived as a literal8, made storable (RFC 3516 §4.4): a message without NUL
 * octets is kept as sent; each leaf part whose body holds NUL, or is declared `binary`, is
 * re-encoded as base64 (RFC 2045
 * §6.8), its Content-Transfer-Encoding field replaced, so that BODY[] and BODYSTRUCTURE can
 * describe and carry it as the base protocol allows (RFC 3516 §4.4: a server MAY change the
 * encoding, but the change MUST NOT lose data; BINARY[] still returns the octets sent). A NUL anywhere else (a header, a
 * boundary line) has no encoding to put it in: `NO [UNKNOWN-CTE]`, nothing stored.
 */
export function storableBinary(message: ByteString): ByteString {
  if (!message.includes('\0') && !/^content-transfer-encoding:[ \t]*binary/im.test(message)) return message;
  const edits: { start: number; end: number; text: ByteString }[] = [];
  const visit = (part: MimePart) => {
    if (part.children.length) return part.children.forEach(visit);
    if (part.message) return visit(part.message);
    if (mustEncode(message.slice(part.bodyStart, part.end), part))
      edits.push({ start: part.headerStart, end: part.end, text: reencode(message, part) });
  };
  visit(parseMime(message));
  let out = message;
  // From the last part to the first, so that earlier offsets stay true.
  for (const e of edits.sort((x, y) => y.start - x.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (out.includes('\0')) throw no('NUL octets outside a body part cannot be stored', 'UNKNOWN-CTE');
  return out;
}

/**
 * A body the store could not keep as sent: with NUL octets, or declared `binary`, whose line
 * breaks (and a missing final CRLF) the store's CRLF line ends would change (RFC 3516 §4.4: no
 * loss of data).
 */
function mustEncode(body: ByteString, part: MimePart): boolean {
  return body.includes('\0') || transferEncoding(part) === 'binary';
}

/** The part with its body in base64 and a header that says so. */
function reencode(message: ByteString, part: MimePart): ByteString {
  const header = message
    .slice(part.headerStart, part.bodyStart)
    // Drop the old field with its continuation lines; the new one goes before the blank line.
    .replace(/^content-transfer-encoding:.*\r\n(?:[ \t].*\r\n)*/gim, '');
  // The whole body: the CRLF before the next boundary line belongs to the boundary (RFC 2046
  // §5.1.1), and the part ends before it.
  const encoded = btoa(message.slice(part.bodyStart, part.end)).replace(/.{76}(?=.)/g, '$&\r\n');
  const fields = header.endsWith('\r\n\r\n') ? header.slice(0, -2) : header.replace(/(?:\r\n)?$/, '\r\n');
  return `${fields}Content-Transfer-Encoding: base64\r\n\r\n${encoded}`;
}
