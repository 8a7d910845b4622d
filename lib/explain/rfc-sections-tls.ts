import { parse, type RfcInfo } from './rfc-list';

/**
 * Section lists of the RFCs on TLS (STARTTLS for SMTP, IMAP and POP3; implicit TLS) and on SASL
 * logins (PLAIN, SASL-IR) that the engine, the explainer and the pages cite, from each RFC's
 * table of contents (RFC 8314 and RFC 4616: only the sections cited and checked).
 */
export const TLS_RFCS: Record<number, RfcInfo> = {
  4616: {
    title: 'The PLAIN Simple Authentication and Security Layer (SASL) Mechanism',
    sections: parse(`
2 PLAIN SASL Mechanism`),
  },
  4959: {
    title: 'IMAP Extension for Simple Authentication and Security Layer (SASL) Initial Client Response',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 IMAP Changes to the IMAP AUTHENTICATE Command
4 Examples
5 IANA Considerations
6 Security Considerations
7 Formal Syntax
8 Acknowledgments
9 References
9.1 Normative References
9.2 Informative References`),
  },
  3207: {
    title: 'SMTP Service Extension for Secure SMTP over Transport Layer Security',
    sections: parse(`
1 Introduction
1.1 Terminology
2 STARTTLS Extension
3 The STARTTLS Keyword
4 The STARTTLS Command
4.1 Processing After the STARTTLS Command
4.2 Result of the STARTTLS Command
4.3 STARTTLS on the Submission Port
5 Usage Example
6 Security Considerations`),
  },
  8314: {
    title:
      'Cleartext Considered Obsolete: Use of Transport Layer Security (TLS) for Email Submission and Access',
    sections: parse(`
3 Implicit TLS
3.1 Implicit TLS for POP
3.2 Implicit TLS for IMAP
3.3 Implicit TLS for SMTP Submission
3.4 Implicit TLS Connection Closure for POP, IMAP, and SMTP Submission
4 Use of TLS by Mail Access Services and Message Submission Services
4.1 Deprecation of Services Using Cleartext and TLS Versions Less Than 1.1
5 Use of TLS by Mail User Agents
5.1 Use of SRV Records in Establishing Configuration
5.2 Minimum Confidentiality Level
5.3 Certificate Validation
5.4 Certificate Pinning
5.5 Client Certificate Authentication`),
  },
  2595: {
    title: 'Using TLS with IMAP, POP3 and ACAP',
    sections: parse(`
1 Motivation
1.1 Conventions Used in this Document
2 Basic Interoperability and Security Requirements
2.1 Cipher Suite Requirements
2.2 Privacy Operational Mode Security Requirements
2.3 Clear-Text Password Requirements
2.4 Server Identity Check
2.5 TLS Security Policy Check
3 IMAP STARTTLS extension
3.1 STARTTLS Command
3.2 IMAP LOGINDISABLED capability
4 POP3 STARTTLS extension
5 ACAP STARTTLS extension
5.1 STARTTLS Command
6 PLAIN SASL mechanism
7 imaps and pop3s ports
8 IANA Considerations
9 Security Considerations
10 References
11 Author's Address`),
  },
};
