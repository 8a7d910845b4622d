import { isAstringAtom, isListMailboxAtom } from './grammar';
import type { Token } from './parser';
import { SequenceSet } from './seqset';
import { bad } from './types';

/** Reads a command's arguments in order; every mismatch is a BAD naming what was expected. */
export class ArgReader {
  private i = 0;

  constructor(private readonly tokens: readonly Token[]) {}

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
    if (t.type === 'list') throw bad(`Expected ${what}`);
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
    return listMailboxOf(this.next(what), what);
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
    return this.astring(what);
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
  if (t.type === 'list') throw bad(`Expected ${what}`);
  if (t.type === 'atom' && !isListMailboxAtom(t.value))
    throw bad(`Invalid character in ${what}; quote it as a string`);
  return t.value;
}
