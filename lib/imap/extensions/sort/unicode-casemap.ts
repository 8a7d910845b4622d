/**
 * The i;unicode-casemap collation (RFC 5051 §2), which SORT and THREAD compare strings with:
 * RFC 5256 §7 says they "MUST collate strings according to the i;unicode-casemap collation"
 * (§1: the rules of I18NLEVEL=1, RFC 5255). Each string is turned into its
 * "titlecased canonicalized" form, then two forms compare octet by octet (i;octet) as UTF-8.
 * Case is ignored for every script that has it (not only a-z, as i;ascii-casemap does), and a
 * letter with a diacritic compares as its base letter followed by the combining mark: "Élan"
 * and "élan" are equal, and sort among the E's (after "Eland", before "Fable"), where
 * i;ascii-casemap would put them after "Zulu".
 *
 * The form: each character is replaced by its titlecase (Unicode's simple titlecase mapping),
 * and a character that has a decomposition (canonical or compatibility) by that decomposition,
 * repeatedly until neither applies.
 */

/** The characters whose simple titlecase is not their simple uppercase (UnicodeData.txt field 14). */
const TITLECASE: Readonly<Record<string, string>> = {
  // The Latin digraphs: DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz titlecase to the middle form.
  '\u01C4': '\u01C5',
  '\u01C5': '\u01C5',
  '\u01C6': '\u01C5',
  '\u01C7': '\u01C8',
  '\u01C8': '\u01C8',
  '\u01C9': '\u01C8',
  '\u01CA': '\u01CB',
  '\u01CB': '\u01CB',
  '\u01CC': '\u01CB',
  '\u01F1': '\u01F2',
  '\u01F2': '\u01F2',
  '\u01F3': '\u01F2',
};

/** Georgian Mkhedruli letters: their titlecase is themselves, not the Mtavruli capitals. */
const MKHEDRULI = /^[\u10D0-\u10FA\u10FD-\u10FF]$/u;

/** Hangul syllables: NFKD splits them into jamo, but UnicodeData.txt gives them no decomposition. */
const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]$/u;

/**
 * One character's simple titlecase. JavaScript offers only the full uppercase mapping, which
 * writes some characters as two (ß as SS, ﬁ as FI): those have no simple mapping and stay.
 */
function titlecase(char: string): string {
  const special = TITLECASE[char];
  if (special !== undefined) return special;
  if (MKHEDRULI.test(char)) return char;
  const upper = char.toUpperCase();
  return [...upper].length === 1 ? upper : char;
}

/** One character's decomposition, fully applied (NFKD), or the character itself when it has none. */
function decompose(char: string): string {
  return HANGUL_SYLLABLE.test(char) ? char : char.normalize('NFKD');
}

const memo = new Map<string, string>();

/**
 * One character in titlecased canonical form: its titlecase, decomposed, and again for each
 * character of the result, until nothing changes. `depth` bounds the recursion (Unicode's
 * decompositions are at most a few levels deep).
 */
function canonicalChar(char: string, depth = 0): string {
  let done = memo.get(char);
  if (done !== undefined) return done;
  const parts = decompose(titlecase(char));
  done = parts === char || depth > 8 ? char : [...parts].map((c) => canonicalChar(c, depth + 1)).join('');
  memo.set(char, done);
  return done;
}

/**
 * The titlecased canonicalized form of `text` (RFC 5051 §2), the key i;unicode-casemap
 * compares: `unicodeCasemap('élan')` is `'E\u0301LAN'`, `unicodeCasemap('ﬁle')` is `'FILE'`.
 * Two strings are equal under the collation when their forms are.
 */
export function unicodeCasemap(text: string): string {
  let out = '';
  for (const char of text) out += char.charCodeAt(0) < 0x80 ? titlecase(char) : canonicalChar(char);
  return out;
}

/**
 * i;octet on the UTF-8 of two strings: negative, 0 or positive. UTF-8's octet order is code
 * point order, which JavaScript's `<` (UTF-16 code units) is not above U+FFFF.
 */
export function compareOctets(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
