import { mailboxFromWire, namesInUtf8 } from './extensions/mutf7';
import { isAstringAtom, isListMailboxAtom } from './grammar';
import type { Token } from './parser';
import { SequenceSet } from './seqset';
import { bad } from './types';

const NONE: ReadonlySet<string> = new Set();

/** Reads a command's arguments in order; every mismatch is a BAD naming what was expected. */
export class ArgReader {
  private i = 0;

  /**
   * `enabled` is the session's ENABLEd capabilities, which say how mailbox names and patterns
   * arrive: UTF-8 after IMAP4rev2 (RFC 9051 §5.1), modified UTF-7 before (IMAP4rev1, RFC 3501
   * §5.1.3); without it, UTF-8. Either way `mailbox()` and `listMailbox()` return the Unicode
   * name the store keeps, and refuse an invalid one with BAD.
   */
  constructor(
    private readonly tokens: readonly Token[],
    private readonly options: { enabled?: ReadonlySet<string> } = {},
  ) {}

  /** The session's ENABLEd capabilities, upper-case (empty when the reader was given none). */
  get enabled(): ReadonlySet<string> {
    return this.options.enabled ?? NONE;
  }

  get remaining(): number {
    return this.tokens.length - this.i;
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** True (and consumed) when the next token is the atom `word`, compared case-insensitively. */
  acceptAtom(word: string): boolean {
    const t = this.peek();
    if (t?.type === 'atom' && t.value.toUpperCase() === word.toUpperCase()) {
      this.i++;
      return true;
    }
    return false;
  }

  next(what: string): Token {
    const t = this.tokens[this.i];
    if (!t) throw bad(`Missing ${what}`);
    this.i++;
    return t;
  }

  atom(what: string): string {
    const t = this.next(what);
    if (t.type !== 'atom') throw bad(`Expected ${what}`);
    return t.value;
  }

  /**
   * An atom or a string, for arguments whose grammar is an `astring` (RFC 9051 §9: `1*ASTRING-CHAR
   * / string`, ASTRING-CHAR = ATOM-CHAR / resp-specials). An atom may hold `]` but none of the
   * other atom-specials: `%`, `*`, `(`, `)`, `{`, SP, CTL, `"` or a backslash (BAD; quote it).
   * LIST and LSUB patterns, which may hold `%` and `*`, use `listMailbox()`.
   */
  astring(what: string): string {
    const t = this.next(what);
    // A literal8 is no astring (RFC 3516 §7): binary data fits only where the grammar says.
    if (t.type === 'list' || t.type === 'literal8') throw bad(`Expected ${what}`);
    if (t.type === 'atom' && !isAstringAtom(t.value))
      throw bad(`Invalid character in ${what}; quote it as a string`);
    return t.value;
  }

  /**
   * A `list-mailbox` (RFC 9051 §9, LIST and LSUB patterns: `1*list-char / string`, list-char =
   * ATOM-CHAR / list-wildcards / resp-specials): like an astring, but an atom may also hold the
   * wildcards `%` and `*`. A backslash is no list-char: `a\b` is BAD unquoted, and inside a
   * quoted string it may only escape `"` or a backslash (parser.ts).
   */
  listMailbox(what: string): string {
    return this.pattern(this.next(what), what);
  }

  /** One token as a `list-mailbox` (see `listMailbox()`), decoded to the Unicode pattern. */
  pattern(t: Token, what = 'mailbox pattern'): string {
    return this.decodeName(listMailboxOf(t, what), what, t.type === 'string');
  }

  /**
   * A name or pattern off the wire to Unicode; BAD when it is not valid in the session's form.
   * A string (not an atom) with 8-bit octets is read as UTF-8 in a modified UTF-7 session too:
   * RFC 9755 §3 has a server that offers UTF8=ACCEPT accept UTF-8 quoted names, and no modified
   * UTF-7 name has 8-bit octets.
   */
  private decodeName(wire: string, what: string, isString: boolean): string {
    let utf8 = this.options.enabled ? namesInUtf8(this.options.enabled) : true;
    if (!utf8 && isString && /[\x80-\xff]/.test(wire)) utf8 = true;
    const name = mailboxFromWire(wire, utf8);
    if (name === null)
      throw bad(utf8 ? `The ${what} is not valid UTF-8` : `The ${what} is not valid modified UTF-7`);
    return name;
  }

  string(what: string): string {
    const t = this.next(what);
    if (t.type !== 'string') throw bad(`Expected ${what} as a string`);
    return t.value;
  }

  list(what: string): readonly Token[] {
    const t = this.next(what);
    if (t.type !== 'list') throw bad(`Expected ${what} in parentheses`);
    return t.items;
  }

  optionalList(): readonly Token[] | null {
    const t = this.peek();
    if (t?.type !== 'list') return null;
    this.i++;
    return t.items;
  }

  seqSet(): SequenceSet {
    return SequenceSet.parse(this.atom('sequence set'));
  }

  /**
   * A `mailbox` (RFC 9051 §9: `"INBOX" / astring`): a string, or an atom of ASTRING-CHARs, so
   * `]` is allowed and `%`, `*`, `"` and a backslash are not (BAD). `what` names it in the BAD
   * (LIST's reference is a `mailbox` too).
   */
  mailbox(what = 'mailbox name'): string {
    const isString = this.peek()?.type === 'string';
    return this.decodeName(this.astring(what), what, isString);
  }

  /** The rest of the tokens (for commands with open-ended argument lists). */
  rest(): readonly Token[] {
    const out = this.tokens.slice(this.i);
    this.i = this.tokens.length;
    return out;
  }

  end(): void {
    if (this.i < this.tokens.length) throw bad('Too many arguments');
  }
}

/** The atoms of a list, e.g. a flag list; anything else in it is a BAD. */
export function atomsOf(items: readonly Token[], what: string): string[] {
  return items.map((t) => {
    if (t.type !== 'atom') throw bad(`Expected ${what}`);
    return t.value;
  });
}

/** Checks one token as a `list-mailbox` (see ArgReader.listMailbox); a list is a BAD. */
export function listMailboxOf(t: Token, what: string): string {
  if (t.type === 'list' || t.type === 'literal8') throw bad(`Expected ${what}`);
  if (t.type === 'atom' && !isListMailboxAtom(t.value))
    throw bad(`Invalid character in ${what}; quote it as a string`);
  return t.value;
}
