import { parse, type RfcInfo } from './rfc-list';

/**
 * Section lists of the message format's RFCs (RFC 5322 and MIME, RFC 2045–2047) that the
 * engine and the explainer cite: only the sections we cite and checked against each RFC's text.
 */
export const MAIL_RFCS: Record<number, RfcInfo> = {
  5322: {
    title: 'Internet Message Format',
    sections: parse(`
1 Introduction
1.2.2 Syntactic Notation
2 Lexical Analysis of Messages
2.1 General Description
2.1.1 Line Length Limits
2.2 Header Fields
2.2.3 Long Header Fields
2.3 Body
3 Syntax
3.3 Date and Time Specification
3.4 Address Specification
3.5 Overall Message Syntax
3.6 Field Definitions
3.6.1 The Origination Date Field
3.6.2 Originator Fields
3.6.3 Destination Address Fields
3.6.4 Identification Fields
3.6.5 Informational Fields
3.6.6 Resent Fields
3.6.7 Trace Fields
3.6.8 Optional Fields
4 Obsolete Syntax
4.3 Obsolete Date and Time
5 Security Considerations
6 IANA Considerations`),
  },
  2045: {
    title: 'MIME Part One: Format of Internet Message Bodies',
    sections: parse(`
1 Introduction
2.7 7bit Data
2.8 8bit Data
4 MIME-Version Header Field
5 Content-Type Header Field
5.1 Syntax of the Content-Type Header Field
5.2 Content-Type Defaults
6 Content-Transfer-Encoding Header Field
6.1 Content-Transfer-Encoding Syntax
6.2 Content-Transfer-Encodings Semantics
6.7 Quoted-Printable Content-Transfer-Encoding
6.8 Base64 Content-Transfer-Encoding`),
  },
  2046: {
    title: 'MIME Part Two: Media Types',
    sections: parse(`
4.1 Text Media Type
5.1 Multipart Media Type
5.1.1 Common Syntax
5.1.3 Mixed Subtype`),
  },
  2047: {
    title: 'MIME Part Three: Message Header Extensions for Non-ASCII Text',
    sections: parse(`
2 Syntax of encoded-words
4 Encodings`),
  },
};
