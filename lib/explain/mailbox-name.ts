import { decodeMutf7 } from '../imap/extensions/mutf7';
import { isUtf8 } from '../imap/parser';
import { IMAP, cite } from './cite';

/** What a mailbox name on the wire means, for one token of a command or response. */
export interface MailboxNameMeaning {
  /** The sentence for the token, e.g. `Entw&APw-rfe: the mailbox name in modified UTF-7, …`. */
  readonly text: string;
  /** The section that holds it. */
  readonly rfc: string;
  /** The name a person reads: decoded from modified UTF-7 where it was encoded. */
  readonly name: string;
}

/**
 * Explains a mailbox name token: `token` is its text as sent (quotes included), `value` the name
 * inside it, `what` how the sentence names it ("the mailbox"). In an IMAP4rev1 session a name
 * with `&` is modified UTF-7 (RFC 3501 §5.1.3): the sentence gives its decoding, or says the
 * server refuses it when it is not valid. In IMAP4rev2 names are UTF-8 (RFC 9051 §5.1).
 */
export function mailboxNameMeaning(
  token: string,
  value: string,
  rev2: boolean | undefined,
  what = 'the mailbox name',
): MailboxNameMeaning {
  const plain = { text: `${token}: ${what}.`, rfc: cite(IMAP.mailboxName, rev2), name: value };
  if (rev2 || !/[&\x80-\xff]/.test(value)) return plain;
  // A string (not an atom) of well-formed UTF-8: read as UTF-8 (RFC 9755 §3, UTF8=ACCEPT).
  if (/[\x80-\xff]/.test(value) && /^(?:"|\{|~\{)/.test(token) && isUtf8(value))
    return {
      text: `${token}: ${what} in UTF-8. It is not modified UTF-7, which has no 8-bit octets: UTF-8 names belong to UTF8=ACCEPT, which the client turns on with ENABLE; from then on the server sends names in UTF-8 too.`,
      rfc: 'RFC 9755 §3',
      name: new TextDecoder().decode(Uint8Array.from(value, (c) => c.charCodeAt(0))),
    };
  const decoded = decodeMutf7(value);
  // The BAD is this server's choice (args.ts decodeName, for every command that takes a name):
  // RFC 3501 §5.1 has servers "SHOULD prohibit the creation of 8-bit mailbox names", and
  // RFC 3501 §5.1.3 has them "SHOULD verify that any mailbox name with an embedded "&"
  // character, used as an argument to CREATE" is correct modified UTF-7.
  if (decoded === null && /[\x80-\xff]/.test(value))
    return {
      text: `${token}: ${what}, but an IMAP4rev1 mailbox name is 7-bit, and this one has 8-bit octets that are neither modified UTF-7 nor UTF-8 in a quoted string or literal (the only 8-bit names this server reads, for UTF8=ACCEPT). This server answers BAD, for any command; that is its own choice, as RFC 3501 §5.1 only says servers SHOULD NOT create 8-bit names.`,
      rfc: 'RFC 3501 §5.1',
      name: value,
    };
  if (decoded === null)
    return {
      text: `${token}: ${what}, but not valid modified UTF-7 ("&" starts an encoded run and is written "&-" for itself). This server answers BAD, for any command; that is its own choice, as RFC 3501 §5.1.3 only says a server SHOULD check the names with "&" given to CREATE.`,
      rfc: 'RFC 3501 §5.1.3',
      name: value,
    };
  return {
    text: `${token}: ${what} in modified UTF-7, which reads "${decoded}": each "&…-" run is UTF-16 in modified BASE64, and "&-" is "&".`,
    rfc: 'RFC 3501 §5.1.3',
    name: decoded,
  };
}
