import type { ByteString } from '../wire/bytes';
import { bad } from './types';

/**
 * The generic shape of IMAP arguments (RFC 9051 §4): atoms (which here also carry sequence
 * sets, flags and fetch attributes such as `BODY.PEEK[HEADER.FIELDS (FROM)]<0.100>`), strings
 * (quoted or literal) and parenthesized lists. Commands read them with ArgReader.
 */
export type Token =
  | { readonly type: 'atom'; readonly value: string }
  | { readonly type: 'string'; readonly value: ByteString; readonly literal: boolean }
  /**
   * A `literal8` (RFC 3516 §4.4, RFC 9051 §9): `~{n}` CRLF and n octets, which may hold NUL.
   * Not a `string` in the grammar: only APPEND's message data and BINARY's response use it, so
   * every other argument refuses it as it refuses a list.
   */
  | { readonly type: 'literal8'; readonly value: ByteString }
  | { readonly type: 'list'; readonly items: readonly Token[] };

/** Parses everything after the command name. `text` includes literal bytes inline after `{n}\r\n`. */
export function tokenize(text: ByteString): Token[] {
  const p = new Cursor(text);
  const tokens: Token[] = [];
  while (!p.done()) {
    p.skipSpaces();
    if (p.done()) break;
    const token = p.token();
    tokens.push(token);
    p.expectSeparator(false, token.type === 'list');
  }
  return tokens;
}

const MAX_DEPTH = 32;

class Cursor {
  private i = 0;
  private depth = 0;

  constructor(private readonly s: ByteString) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  skipSpaces(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  token(): Token {
    const c = this.s[this.i];
    if (c === '(') return this.list();
    if (c === '"') return this.quoted();
    if (c === '{') return this.literal();
    if (c === '~' && this.s[this.i + 1] === '{') return this.literal8();
    if (c === ')') throw bad('Unexpected ")"');
    return this.atom();
  }

  private list(): Token {
    if (++this.depth > MAX_DEPTH) throw bad('Lists nested too deeply');
    this.i++; // (
    const items: Token[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.done()) throw bad('Missing ")"');
      if (this.s[this.i] === ')') {
        this.i++;
        this.depth--;
        return { type: 'list', items };
      }
      const item = this.token();
      items.push(item);
      this.expectSeparator(true, item.type === 'list');
    }
  }

  /**
   * RFC 9051 §9 puts `SP` between arguments (and list items): after an argument comes a space,
   * the end of the line, or (inside a list) its `)`. Run-together forms such as `"student"secret`
   * or `student"secret"` are a BAD, never two arguments. One exception, from the server's
   * grammar: lists may follow each other directly, as the parts of a multipart BODYSTRUCTURE do
   * (`body-type-mpart = 1*body SP media-subtype`) and a THREAD response's threads (RFC 5256 §4);
   * the simulated clients read server responses with this same tokenizer.
   */
  expectSeparator(inList: boolean, afterList = false): void {
    if (this.done()) return;
    const c = this.s[this.i];
    if (c === ' ' || (inList && c === ')') || (afterList && c === '(')) return;
    throw bad('Expected a space between arguments');
  }

  private quoted(): Token {
    this.i++; // opening quote
    let value = '';
    for (;;) {
      if (this.done()) throw bad('Unterminated quoted string');
      const c = this.s[this.i++]!;
      if (c === '"') {
        // RFC 9755 §3 (uQUOTED-CHAR), RFC 9051 §9: 8-bit octets in a quoted string are UTF-8.
        if (/[\x80-\xff]/.test(value) && !isUtf8(value))
          throw bad('8-bit octets in a quoted string must be well-formed UTF-8');
        return { type: 'string', value, literal: false };
      }
      if (c === '\r' || c === '\n') throw bad('Line break in a quoted string');
      if (c === '\0') throw bad('NUL octets are not allowed in a quoted string');
      if (c === '\\') {
        const next = this.s[this.i++];
        // RFC 9051 §4.3: only \" and \\ may be escaped in a quoted string.
        if (next !== '"' && next !== '\\') throw bad('Invalid escape in a quoted string');
        value += next;
      } else {
        value += c;
      }
    }
  }

  /** The octets of a literal whose `{` is at the cursor; BAD when malformed or cut short. */
  private literalOctets(): ByteString {
    const m = /^\{(\d{1,10})(\+?)\}\r\n/.exec(this.s.slice(this.i, this.i + 16));
    if (!m) throw bad('Invalid literal');
    const n = Number(m[1]);
    const start = this.i + m[0].length;
    if (start + n > this.s.length) throw bad('Literal shorter than announced');
    this.i = start + n;
    return this.s.slice(start, start + n);
  }

  /** RFC 3516 §7, RFC 9051 §9: literal8 = "~{" number64 ["+"] "}" CRLF *OCTET; NUL allowed. */
  private literal8(): Token {
    this.i++; // ~
    return { type: 'literal8', value: this.literalOctets() };
  }

  private literal(): Token {
    const value = this.literalOctets();
    // RFC 9051 §4.3.1, §9 (literal = ... *CHAR8, CHAR8 = %x01-ff): a string with NUL octets is
    // binary, which only literal8 (`~{n}`, RFC 3516) may carry.
    if (value.includes('\0')) throw bad('NUL octets are not allowed in a literal');
    return { type: 'string', value, literal: true };
  }

  /**
   * An atom: everything up to SP, `(`, `)`, `"` or `{`. Which characters it may hold depends on
   * the argument (grammar.ts); `[` and `]` are ordinary characters (RFC 9051 §9 ASTRING-CHAR).
   * Only a fetch attribute's section, as in `BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>`, runs
   * from its `[` to the `]`, spaces and parentheses included.
   */
  private atom(): Token {
    const start = this.i;
    while (!this.done()) {
      const c = this.s[this.i]!;
      if (c === '[' && SECTION_PREFIX.test(this.s.slice(start, this.i))) {
        const close = this.sectionEnd(this.i);
        if (close >= 0) {
          this.i = close + 1;
          continue;
        }
      }
      if (c === ' ' || c === '(' || c === ')' || c === '"' || c === '{') break;
      const code = c.charCodeAt(0);
      if (code < 0x20 || code === 0x7f) throw bad('Control characters are not allowed in an atom');
      this.i++;
    }
    if (this.i === start) throw bad(`Unexpected "${this.s[this.i]}"`);
    return { type: 'atom', value: this.s.slice(start, this.i) };
  }

  /** The `]` closing a section that opens at `open`, on the same line; -1 if there is none. */
  private sectionEnd(open: number): number {
    for (let j = open + 1; j < this.s.length; j++) {
      const c = this.s[j];
      if (c === ']') return j;
      if (c === '\r' || c === '\n' || c === '[') return -1;
    }
    return -1;
  }
}

/** Fetch attributes that take a section in brackets (RFC 9051 §9 `fetch-att`, RFC 3516 BINARY). */
const SECTION_PREFIX = /^(?:BODY|BODY\.PEEK|BINARY|BINARY\.PEEK|BINARY\.SIZE)$/i;

/** `{n}` or `{n+}` at the end of a line: the client will send n bytes next (RFC 9051 §4.3, RFC 7888). */
export function trailingLiteral(line: ByteString): { size: number; nonSync: boolean } | null {
  const m = /\{(\d{1,20})(\+?)\}$/.exec(line);
  return m ? { size: Number(m[1]), nonSync: m[2] === '+' } : null;
}

/** RFC 9051 §9: tag = 1*<any ASTRING-CHAR except "+"> (no SP, CTL, ( ) { % * " \\ or +). */
export function isValidTag(tag: string): boolean {
  return /^[^\x00-\x20\x7f-\xff(){%*"\\+]+$/.test(tag);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the byte string is well-formed UTF-8 (RFC 3629 §4). */
export function isUtf8(bytes: ByteString): boolean {
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  try {
    strictUtf8.decode(array);
    return true;
  } catch {
    return false;
  }
}
