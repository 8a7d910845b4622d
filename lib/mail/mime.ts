import type { ByteString } from '../wire/bytes';

/** One header field: its name as written, and its value unfolded (RFC 5322 §2.2.3). */
export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

/**
 * A MIME entity located by offsets into the raw message, so that IMAP sections
 * (HEADER, TEXT, MIME, part numbers) are exact slices of the stored bytes.
 */
export interface MimePart {
  readonly headerStart: number;
  /** Where the body starts: just after the blank line that ends the header. */
  readonly bodyStart: number;
  readonly end: number;
  readonly headers: readonly HeaderField[];
  /** Lower-case media type and subtype, e.g. `text`, `plain`. */
  readonly type: string;
  readonly subtype: string;
  /** Content-Type parameters, names lower-cased, in order. */
  readonly params: readonly (readonly [string, string])[];
  readonly children: readonly MimePart[];
  /** For message/rfc822 and message/global (RFC 6532): the enclosed message. */
  readonly message?: MimePart;
}

/** Parses a whole message (or a part of one, between `start` and `end`). */
export function parseMime(
  raw: ByteString,
  start = 0,
  end = raw.length,
  defaultType = 'text/plain',
): MimePart {
  const { headers, bodyStart } = parseHeaderBlock(raw, start, end);
  const contentType = headerValue(headers, 'content-type');
  const parsed = contentType ? parseContentType(contentType) : null;
  const [defType, defSub] = defaultType.split('/') as [string, string];
  const type = parsed?.type ?? defType;
  const subtype = parsed?.subtype ?? defSub;
  const params = parsed?.params ?? (type === 'text' ? [['charset', 'us-ascii'] as const] : []);
  let children: MimePart[] = [];
  let message: MimePart | undefined;
  if (type === 'multipart') {
    const boundary = params.find(([k]) => k === 'boundary')?.[1];
    if (boundary) {
      const childDefault = subtype === 'digest' ? 'message/rfc822' : 'text/plain';
      children = splitMultipart(raw, bodyStart, end, boundary).map(([s, e]) =>
        parseMime(raw, s, e, childDefault),
      );
    }
  } else if (type === 'message' && (subtype === 'rfc822' || subtype === 'global')) {
    message = parseMime(raw, bodyStart, end);
  }
  return { headerStart: start, bodyStart, end, headers, type, subtype, params, children, message };
}

/** The header fields of a block and where its body begins. */
export function parseHeaderBlock(raw: ByteString, start: number, end: number) {
  let blank = raw.indexOf('\r\n\r\n', start);
  let bodyStart: number;
  if (raw.startsWith('\r\n', start)) {
    // No header fields at all: the body starts after the empty line.
    blank = start - 2;
    bodyStart = start + 2;
  } else if (blank < 0 || blank + 4 > end) {
    blank = end;
    bodyStart = end;
  } else {
    bodyStart = blank + 4;
  }
  const block = raw.slice(start, Math.max(start, blank));
  const headers: HeaderField[] = [];
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      headers[headers.length - 1] = { name: last.name, value: last.value + line };
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { headers, bodyStart };
}

export function headerValue(headers: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value ?? null;
}

/** `text/plain; charset="utf-8"` → type, subtype and parameters (names lower-cased, values unquoted). */
export function parseContentType(value: string) {
  const [media = '', ...rest] = splitParams(value);
  const slash = media.indexOf('/');
  if (slash < 0) return null;
  return {
    type: media.slice(0, slash).trim().toLowerCase(),
    subtype: media
      .slice(slash + 1)
      .trim()
      .toLowerCase(),
    params: parseParams(rest),
  };
}

/** `attachment; filename="a.csv"` → disposition and parameters. */
export function parseDisposition(value: string) {
  const [kind = '', ...rest] = splitParams(value);
  return { kind: kind.trim().toLowerCase(), params: parseParams(rest) };
}

function parseParams(parts: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    out.push([part.slice(0, eq).trim().toLowerCase(), v]);
  }
  return out;
}

/** Splits on `;` outside quoted strings. */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && quoted) {
      current += c + (value[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/**
 * The [start, end) ranges of a multipart body's parts (RFC 2046 §5.1.1): each delimiter line
 * is `--boundary`, and the CRLF before a delimiter belongs to the delimiter, not the part.
 */
export function splitMultipart(
  raw: ByteString,
  bodyStart: number,
  end: number,
  boundary: string,
): [number, number][] {
  const marker = '--' + boundary;
  const ranges: [number, number][] = [];
  let partStart = -1;
  let pos = bodyStart;
  while (pos < end) {
    const found = raw.indexOf(marker, pos);
    if (found < 0 || found >= end) break;
    const atLineStart = found === bodyStart || raw.startsWith('\r\n', found - 2);
    const lineEnd = raw.indexOf('\r\n', found);
    const after = raw.slice(found + marker.length, lineEnd < 0 || lineEnd > end ? end : lineEnd);
    const close = after.startsWith('--');
    // The delimiter is taken as the whole line: `--boundary` (or `--boundary--`) and optional
    // white space, so `--b4` does not match the line `--b42`. RFC 2046 §5.1.1 lets a parser
    // match the boundary as the line's start (a sender picks one no line begins with); taking
    // the whole line, as Python's email package does, reads the same for every valid message.
    if (!atLineStart || !/^(?:--)?[ \t]*$/.test(after)) {
      pos = found + marker.length;
      continue;
    }
    if (partStart >= 0)
      ranges.push([partStart, Math.max(partStart, found === bodyStart ? found : found - 2)]);
    if (close) return ranges;
    partStart = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 2;
    pos = partStart;
  }
  if (partStart >= 0 && partStart < end) ranges.push([partStart, end]);
  return ranges;
}

/** IMAP body-fld-lines: the number of lines of a body (RFC 9051 §7.5.2). */
export function countLines(raw: ByteString, start: number, end: number): number {
  let lines = 0;
  for (let i = raw.indexOf('\n', start); i >= 0 && i < end; i = raw.indexOf('\n', i + 1)) lines++;
  if (end > start && raw[end - 1] !== '\n') lines++;
  return lines;
}
