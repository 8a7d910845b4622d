/**
 * The base subject of RFC 5256 §2.1, the key SORT (SUBJECT) and THREAD=ORDEREDSUBJECT compare:
 * the subject without "Re:", "Fwd:", "[list]" prefixes and "(fwd)" trailers, so a reply sorts
 * with the message it answers. The grammar is RFC 5256 §5's:
 *
 *     subj-refwd   = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
 *     subj-blob    = "[" *BLOBCHAR "]" *WSP
 *     subj-leader  = (*subj-blob subj-refwd) / WSP
 *     subj-trailer = "(fwd)" / WSP
 *     subj-fwd     = "[fwd:" subject "]"
 *
 * compared case-insensitively. The input is the decoded subject (RFC 2047 words already
 * turned into text by the caller, step 1).
 */

import { unicodeCasemap } from './unicode-casemap';

const BLOB = /^\[[^[\]]*\][ \t]*/;
const REFWD = /^(?:\[[^[\]]*\][ \t]*)*(?:re|fwd?)[ \t]*(?:\[[^[\]]*\][ \t]*)?:/i;

/**
 * RFC 5256 §2.1 steps (1)–(7): the base subject, in the titlecased canonical form that
 * i;unicode-casemap compares (RFC 5051 §2; RFC 5256 §7), so "Re: Élan" and "élan" have the
 * same base subject.
 */
export function baseSubject(decoded: string): string {
  // (1) Tabs and line continuations become spaces; runs of spaces become one.
  let s = decoded.replace(/\r?\n[ \t]/g, ' ').replace(/[\t ]+/g, ' ');
  for (;;) {
    // (2) Trailers: "(fwd)" or white space, repeatedly.
    for (let prev = ''; prev !== s;) {
      prev = s;
      s = s.replace(/(?:\(fwd\)| )$/i, '');
    }
    // (3)-(5) Leaders, and a leading blob when something is left after it.
    for (let prev = ''; prev !== s;) {
      prev = s;
      const leader = REFWD.exec(s);
      if (leader) s = s.slice(leader[0].length);
      else if (s.startsWith(' ')) s = s.slice(1);
      const blob = BLOB.exec(s);
      if (blob && s.length > blob[0].length) s = s.slice(blob[0].length);
    }
    // (6) "[fwd: subject]": unwrap and start again from (2).
    if (/^\[fwd:/i.test(s) && s.endsWith(']')) {
      s = s.slice(5, -1);
      continue;
    }
    // (7) The base subject, as the collation compares it.
    return unicodeCasemap(s);
  }
}
