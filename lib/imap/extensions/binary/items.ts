import type { StoredMessage } from '../../../mailstore/message';
import type { ByteString } from '../../../wire/bytes';
import { mimeOf } from '../../fetch-render';
import { partAt } from '../../section';
import { bad, no } from '../../types';
import type { ExtensionFetchItem, FetchItemDef } from '../define';
import { decodeBody, isKnownEncoding, transferEncoding } from './decode';

/** `BINARY[1.2]<0.100>`, `BINARY.PEEK[…]`, `BINARY.SIZE[…]` (RFC 3516 §7, RFC 9051 §9). */
const ITEM = /^(BINARY|BINARY\.PEEK|BINARY\.SIZE)\[([^\]]*)\](?:<(\d{1,10})\.(\d{1,10})>)?$/i;

/** `section-part = nz-number *("." nz-number)`; `section-binary` may also be empty. */
const SECTION_PART = /^(?:[1-9]\d{0,9}(?:\.[1-9]\d{0,9})*)?$/;

/**
 * The entity a `section-binary` names and its octets after decoding, or undefined when the
 * part does not exist. `BINARY[]` is the whole message: its header as stored, then its body
 * decoded; `BINARY[n]` is the body of part n decoded by that part's own encoding (RFC 3516
 * §4.2). Returns null when the encoding is one the server cannot decode.
 */
export function binarySection(
  message: StoredMessage,
  parts: readonly number[],
): ByteString | null | undefined {
  const root = mimeOf(message);
  const part = parts.length ? partAt(root, parts) : root;
  if (!part) return undefined;
  const cte = transferEncoding(part);
  if (!isKnownEncoding(cte)) return null;
  let body = decodeBody(message.raw.slice(part.bodyStart, part.end), cte)!;
  // RFC 3516 §6: textual line-oriented data always goes out with CRLF line ends, even when the
  // sender encoded bare LFs in base64.
  if (part.type === 'text' && (cte === 'base64' || cte === 'quoted-printable'))
    body = body.replace(/\r?\n|\r/g, '\r\n');
  return parts.length ? body : message.raw.slice(part.headerStart, part.bodyStart) + body;
}

/** Refuses the whole FETCH when a part's encoding is unknown (RFC 3516 §4.3, RFC 9051 §7.1). */
function check(message: StoredMessage, parts: readonly number[]): void {
  const root = mimeOf(message);
  const part = parts.length ? partAt(root, parts) : root;
  if (part && !isKnownEncoding(transferEncoding(part)))
    throw no(
      `Unknown Content-Transfer-Encoding in part ${parts.join('.') || '(whole message)'}; fetch it with BODY[] instead`,
      'UNKNOWN-CTE',
    );
}

/**
 * The data as a FETCH response carries it (RFC 3516 §4.3): a literal8 `~{n}` when it holds a
 * NUL octet, else an ordinary literal `{n}` (the SHOULD of §4.3, so that a client knows there
 * is no NUL without scanning). A part that does not exist is an empty string, as for BODY[].
 */
function binaryValue(data: ByteString): ByteString {
  return `${data.includes('\0') ? '~' : ''}{${data.length}}\r\n${data}`;
}

function parseBinary(atom: string): ExtensionFetchItem | null {
  const m = ITEM.exec(atom);
  if (!m) return /^BINARY(?:\.PEEK|\.SIZE)?\[/i.test(atom) ? malformed(atom) : null;
  const kind = m[1]!.toUpperCase();
  const spec = m[2]!;
  if (!SECTION_PART.test(spec)) throw bad(`Invalid binary section (part numbers only): ${spec.slice(0, 40)}`);
  const parts = spec ? spec.split('.').map(Number) : [];
  const partial = m[3] !== undefined ? { start: Number(m[3]), length: Number(m[4]) } : null;
  if (partial && kind === 'BINARY.SIZE') throw bad('BINARY.SIZE takes no partial range');
  if (partial && partial.length === 0) throw bad('Partial length must be positive');
  const where = parts.length ? `part ${spec}` : 'the whole message';
  if (kind === 'BINARY.SIZE')
    return {
      kind: 'extension',
      name: `BINARY.SIZE[${spec}]`,
      words: `the size of ${where} once decoded (BINARY.SIZE[${spec}])`,
      setsSeen: false,
      check: (message) => check(message, parts),
      render: (message) => `BINARY.SIZE[${spec}] ${binarySection(message, parts)?.length ?? 0}`,
    };
  const peek = kind === 'BINARY.PEEK';
  const range = partial ? `<${partial.start}.${partial.length}>` : '';
  return {
    kind: 'extension',
    name: `${kind}[${spec}]${range}`,
    words: `${where}, decoded from its transfer encoding (${kind}[${spec}]${range}${peek ? '; PEEK: not marked read' : ''})`,
    setsSeen: !peek,
    check: (message) => check(message, parts),
    render(message) {
      let data = binarySection(message, parts) ?? '';
      let origin = '';
      if (partial) {
        // The range counts decoded octets (RFC 3516 §4.2); the response names the origin octet
        // as BODY's does (§4.3 prose; RFC 9051 erratum 7246 notes the ABNF lacks it).
        data = data.slice(partial.start, partial.start + partial.length);
        origin = `<${partial.start}>`;
      }
      return `BINARY[${spec}]${origin} ${binaryValue(data)}`;
    },
  };
}

function malformed(atom: string): never {
  throw bad(`Invalid BINARY item: ${atom.slice(0, 40)}`);
}

/** The FETCH items of RFC 3516 §4.2, as one recogniser. */
export const BINARY_ITEMS: FetchItemDef = { name: 'BINARY[section-binary]', parse: parseBinary };
