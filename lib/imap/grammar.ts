/**
 * Character classes of the IMAP formal syntax (RFC 9051 §9), for checking an argument that
 * arrived as an atom token. The tokenizer (parser.ts) only splits the line; what may stand in
 * an atom depends on the argument's rule, so each reader checks its own.
 *
 * - `atom-specials` = `(` `)` `{` SP CTL `%` `*` (list-wildcards) `"` `\` (quoted-specials) `]` (resp-specials)
 * - `ATOM-CHAR` = any CHAR except atom-specials
 * - `ASTRING-CHAR` = ATOM-CHAR / `]`
 * - `list-char` = ATOM-CHAR / `%` / `*` / `]`
 *
 * CHAR is 7-bit; octets 0x80–0xFF are accepted as well, so that UTF-8 typed by a person
 * without quotes (`SEARCH SUBJECT Café`) still works.
 */

/** True when `text` is an `atom`: one or more ATOM-CHARs. */
export function isAtom(text: string): boolean {
  return /^[^\x00-\x20\x7f(){%*"\\\]]+$/.test(text);
}

/** True when `text` is the atom form of an `astring` (1*ASTRING-CHAR): an atom that may hold `]`. */
export function isAstringAtom(text: string): boolean {
  return /^[^\x00-\x20\x7f(){%*"\\]+$/.test(text);
}

/** True when `text` is the atom form of a `list-mailbox` (1*list-char): `%` and `*` allowed. */
export function isListMailboxAtom(text: string): boolean {
  return /^[^\x00-\x20\x7f(){"\\]+$/.test(text);
}
