import { parse, type RfcInfo } from './rfc-list';
import { EXTENSION_RFCS } from './rfc-sections-ext';
import { MAIL_RFCS } from './rfc-sections-mail';
import { SMTP_RFCS } from './rfc-sections-smtp';
import { TLS_RFCS } from './rfc-sections-tls';
import { RFC3501_SECTIONS, RFC9051_SECTIONS } from './rfc-sections-imap';

export type { RfcInfo } from './rfc-list';

/**
 * The RFCs this project cites and, for each, the sections it has (number → title), taken from
 * the RFC texts. Tests check every citation in the command records, the explainer and the
 * frames against this list, so a section number that does not exist fails the build.
 * Only sections we checked are listed; a citation of another one fails until it is added here.
 */
const RFCS: Record<number, RfcInfo> = {
  1939: {
    title: 'Post Office Protocol - Version 3',
    sections: parse(`
1 Introduction
2 A Short Digression
3 Basic Operation
4 The AUTHORIZATION State
5 The TRANSACTION State
6 The UPDATE State
7 Optional POP3 Commands
8 Scaling and Operational Considerations
9 POP3 Command Summary
10 Example POP3 Session
11 Message Format
12 References
13 Security Considerations
14 Acknowledgements
15 Authors' Addresses
A Differences from RFC 1725
B Command Index`),
  },
  2449: {
    title: 'POP3 Extension Mechanism',
    sections: parse(`
1 Introduction
2 Conventions Used in this Document
3 General Command and Response Grammar
4 Parameter and Response Lengths
5 The CAPA Command
6 Initial Set of Capabilities
6.1 TOP capability
6.2 USER capability
6.3 SASL capability
6.4 RESP-CODES capability
6.5 LOGIN-DELAY capability
6.6 PIPELINING capability
6.7 EXPIRE capability
6.8 UIDL capability
6.9 IMPLEMENTATION capability
7 Future Extensions to POP3
8 Extended POP3 Response Codes
8.1 Initial POP3 response codes
8.1.1 The LOGIN-DELAY response code
8.1.2 The IN-USE response code
9 IANA Considerations
10 Security Considerations
11 Acknowledgments
12 References
13 Authors' Addresses
14 Full Copyright Statement`),
  },
  3206: {
    title: 'The SYS and AUTH POP Response Codes',
    sections: parse(`
1 Introduction
2 Conventions Used in this Document
3 Background
4 The SYS Response Code
5 The AUTH Response Code
6 The AUTH-RESP-CODE Capability
7 IANA Considerations`),
  },
  3501: { title: 'Internet Message Access Protocol - Version 4rev1', sections: parse(RFC3501_SECTIONS) },
  9051: {
    title: 'Internet Message Access Protocol (IMAP) - Version 4rev2',
    sections: parse(RFC9051_SECTIONS),
  },
  ...EXTENSION_RFCS,
  ...MAIL_RFCS,
  ...SMTP_RFCS,
  ...TLS_RFCS,
};

/** One citation: `RFC 9051 §7.4.1` is `{ rfc: 9051, section: '7.4.1' }`. */
export interface Citation {
  readonly rfc: number;
  readonly section: string;
}

/**
 * Every `RFC n §x` in a text, including lists that name the RFC once (`RFC 1939 §5, §6`).
 * Section numbers lose a trailing dot (`§6.4.5.` at the end of a sentence is `6.4.5`).
 */
export function citationsIn(text: string): Citation[] {
  const out: Citation[] = [];
  let rfc: number | null = null;
  for (const m of text.matchAll(/RFC[ -]?(\d{3,4})|§\s?((?:[A-F]|\d+)(?:\.\d+)*)/g)) {
    if (m[1]) rfc = Number(m[1]);
    else if (rfc !== null && m[2]) out.push({ rfc, section: m[2] });
  }
  return out;
}

/** The RFC's title and sections, or undefined for an RFC not in the list. */
export function rfcInfo(rfc: number): RfcInfo | undefined {
  return RFCS[rfc];
}

/** True if the RFC is in the list and has that section. */
export function sectionExists({ rfc, section }: Citation): boolean {
  return RFCS[rfc]?.sections.has(section) ?? false;
}

/** The title of a cited section, e.g. "EXISTS Response" for RFC 9051 §7.4.1. */
export function sectionTitle({ rfc, section }: Citation): string | undefined {
  return RFCS[rfc]?.sections.get(section);
}
