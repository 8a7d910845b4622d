import { SmtpError } from './types';

/**
 * A mailbox from MAIL FROM or RCPT TO (RFC 5321 §4.1.2), as byte text. The null reverse-path
 * `<>` (bounces, RFC 5321 §4.5.5) has an empty address.
 */
export interface MailPath {
  /** `local@domain`, or '' for the null reverse-path. */
  readonly address: string;
  readonly local: string;
  /** The domain as sent; compare with {@link sameDomain}. */
  readonly domain: string;
  /** True if the address has octets above 127 (allowed only with SMTPUTF8, RFC 6531 §3.3). */
  readonly utf8: boolean;
}

/** The transaction being built (RFC 5321 §3.3). */
export interface Envelope {
  readonly from: MailPath;
  /** The SIZE parameter (RFC 1870 §6), in octets, or null when not declared. */
  readonly declaredSize: number | null;
  /** MAIL had the SMTPUTF8 parameter (RFC 6531 §3.4). */
  readonly smtputf8: boolean;
  readonly recipients: MailPath[];
}

/** One `keyword[=value]` of the mail-parameters (RFC 5321 §4.1.2 esmtp-param), keyword upper-cased. */
export interface EsmtpParam {
  readonly keyword: string;
  readonly value: string | null;
}

// RFC 5321 §4.1.2 with RFC 6531 §3.3: atext and sub-domains may hold UTF-8 (octets 0x80–0xFF).
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\x80-\\xff]";
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e\\x80-\\xff]|\\\\[\\x20-\\x7e])*"';
const SUB_DOMAIN = '[A-Za-z0-9\\x80-\\xff](?:[A-Za-z0-9\\x80-\\xff-]*[A-Za-z0-9\\x80-\\xff])?';
const DOMAIN = `${SUB_DOMAIN}(?:\\.${SUB_DOMAIN})*`;
const ADDRESS_LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]+\\]';
const AT_DOMAIN = `@${DOMAIN}`;
/** `[A-d-l ":"]`: a source route, which servers must accept and ignore (RFC 5321 §4.1.2, Appendix C). */
const ROUTE = `(?:${AT_DOMAIN}(?:,${AT_DOMAIN})*:)?`;
const PATH = new RegExp(`^<${ROUTE}((?:${DOT_STRING}|${QUOTED}))@(${DOMAIN}|${ADDRESS_LITERAL})>`);
const PARAM = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:=([\x21-\x3c\x3e-\x7e\x80-\xff]+))?$/;
/** The one mailbox RCPT TO must accept without a domain (RFC 5321 §4.1.1.3). */
const POSTMASTER = /^<postmaster>/i;

/**
 * Reads `FROM:<path> params` or `TO:<path> params` (RFC 5321 §4.1.1.2, §4.1.1.3). Tolerates one
 * space after the colon, as Postfix and Exim do, though §4.1.2 forbids it. Errors: `501 5.5.4`
 * for the keyword; `553` for the address (RFC 5321 §4.2.3, "mailbox syntax incorrect"), with
 * RFC 3463 §3.2's `5.1.7` ("bad sender's mailbox address syntax") for FROM and `5.1.3` ("bad
 * destination mailbox address syntax") for TO.
 */
export function parsePathArgument(
  text: string,
  keyword: 'FROM' | 'TO',
): { path: MailPath; params: EsmtpParam[] } {
  const head = keyword + ':';
  if (text.slice(0, head.length).toUpperCase() !== head)
    throw new SmtpError(
      501,
      '5.5.4',
      `Syntax: ${keyword === 'FROM' ? 'MAIL FROM:<address>' : 'RCPT TO:<address>'}`,
    );
  let rest = text.slice(head.length);
  if (rest.startsWith(' ')) rest = rest.slice(1);
  let path: MailPath;
  let end: number;
  if (keyword === 'FROM' && rest.startsWith('<>')) {
    path = { address: '', local: '', domain: '', utf8: false };
    end = 2;
  } else if (keyword === 'TO' && POSTMASTER.test(rest)) {
    path = { address: 'postmaster', local: 'postmaster', domain: '', utf8: false };
    end = '<postmaster>'.length;
  } else {
    const m = PATH.exec(rest);
    if (!m)
      throw new SmtpError(
        553,
        keyword === 'FROM' ? '5.1.7' : '5.1.3',
        `Bad address syntax: ${keyword === 'FROM' ? 'sender' : 'recipient'} must look like <user@domain>`,
      );
    const [whole, local, domain] = m as unknown as [string, string, string];
    path = { address: `${local}@${domain}`, local, domain, utf8: /[\x80-\xff]/.test(whole) };
    end = whole.length;
  }
  const after = rest.slice(end);
  if (after !== '' && !after.startsWith(' '))
    throw new SmtpError(501, '5.5.4', 'Syntax error after the address');
  return { path, params: parseParams(after.slice(1)) };
}

/** `esmtp-param *(SP esmtp-param)` (RFC 5321 §4.1.2); `501 5.5.4` on bad syntax. */
export function parseParams(text: string): EsmtpParam[] {
  if (text === '') return [];
  return text.split(' ').map((word) => {
    const m = PARAM.exec(word);
    if (!m) throw new SmtpError(501, '5.5.4', `Bad parameter syntax: ${word.slice(0, 40)}`);
    return { keyword: m[1]!.toUpperCase(), value: m[2] ?? null };
  });
}

/** Domains compare case-insensitively (RFC 5321 §2.4). */
export function sameDomain(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
