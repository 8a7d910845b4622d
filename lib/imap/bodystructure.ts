import { countLines, headerValue, parseDisposition, type MimePart } from '../mail/mime';
import type { ByteString } from '../wire/bytes';
import { envelope } from './envelope';
import { nstring } from './format';

/**
 * BODY and BODYSTRUCTURE (RFC 9051 §7.5.2). `extended` adds the extension data that only
 * BODYSTRUCTURE carries (parameters of multiparts, MD5, disposition, language, location).
 */
export function bodyStructure(raw: ByteString, part: MimePart, extended: boolean): string {
  if (part.type === 'multipart') {
    const children = part.children.length
      ? part.children.map((c) => bodyStructure(raw, c, extended)).join('')
      : // A multipart without parts is malformed; describe it as an empty text part.
        '("TEXT" "PLAIN" NIL NIL NIL "7BIT" 0 0)';
    const ext = extended
      ? ' ' + [params(part.params), disposition(part), language(part), location(part)].join(' ')
      : '';
    return `(${children} ${nstring(part.subtype.toUpperCase())}${ext})`;
  }
  const h = (name: string) => headerValue(part.headers, name);
  const size = part.end - part.bodyStart;
  const fields = [
    nstring(part.type.toUpperCase()),
    nstring(part.subtype.toUpperCase()),
    params(withDefaultCharset(part)),
    nstring(h('content-id')),
    nstring(h('content-description')),
    nstring((h('content-transfer-encoding') ?? '7BIT').toUpperCase()),
    String(size),
  ];
  // body-type-msg (RFC 9051 §9): MESSAGE/RFC822 and MESSAGE/GLOBAL carry envelope, body, lines.
  if (part.type === 'message' && (part.subtype === 'rfc822' || part.subtype === 'global') && part.message) {
    fields.push(
      envelope(part.message.headers),
      bodyStructure(raw, part.message, extended),
      String(countLines(raw, part.bodyStart, part.end)),
    );
  } else if (part.type === 'text') {
    fields.push(String(countLines(raw, part.bodyStart, part.end)));
  }
  if (extended) fields.push(nstring(h('content-md5')), disposition(part), language(part), location(part));
  return '(' + fields.join(' ') + ')';
}

/**
 * A text part without parameters is US-ASCII (RFC 2045 §5.2); like Dovecot, say so rather than
 * NIL. Parameters that were given are reported as they are.
 */
function withDefaultCharset(part: MimePart): readonly (readonly [string, string])[] {
  if (part.type !== 'text' || part.params.length > 0) return part.params;
  return [['charset', 'us-ascii']];
}

function params(list: readonly (readonly [string, string])[]): string {
  if (list.length === 0) return 'NIL';
  return '(' + list.map(([k, v]) => `${nstring(k.toUpperCase())} ${nstring(v)}`).join(' ') + ')';
}

function disposition(part: MimePart): string {
  const value = headerValue(part.headers, 'content-disposition');
  if (!value) return 'NIL';
  const d = parseDisposition(value);
  return `(${nstring(d.kind.toUpperCase())} ${params(d.params)})`;
}

function language(part: MimePart): string {
  const value = headerValue(part.headers, 'content-language');
  return value ? nstring(value) : 'NIL';
}

function location(part: MimePart): string {
  const value = headerValue(part.headers, 'content-location');
  return value ? nstring(value) : 'NIL';
}
