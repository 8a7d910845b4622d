import { parse, type RfcInfo } from './rfc-list';

/**
 * Section lists of the IMAP extensions that add or change message data: literals (LITERAL+),
 * APPEND (UIDPLUS, MULTIAPPEND, CATENATE), FETCH and STORE (BINARY, CONDSTORE/QRESYNC, URLAUTH),
 * MOVE and UTF-8, copied from each RFC's table of contents. Part of `EXTENSION_RFCS`
 * (rfc-sections-ext.ts).
 */
export const MESSAGE_EXTENSION_RFCS: Record<number, RfcInfo> = {
  4315: {
    title: 'Internet Message Access Protocol (IMAP) - UIDPLUS extension',
    sections: parse(`
1 Introduction and Overview
1.1 Conventions Used in This Document
2 Additional Commands
2.1 UID EXPUNGE Command
3 Additional Response Codes
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 Normative References
8 Informative References
9 Changes from RFC 2359`),
  },
  6851: {
    title: 'Internet Message Access Protocol (IMAP) - MOVE Extension',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 MOVE and UID MOVE
3.1 MOVE Command
3.2 UID MOVE Command
3.3 Semantics of MOVE and UID MOVE
4 Interaction with Other Extensions
4.1 RFC 2087, QUOTA
4.2 RFC 4314, Access Control List (ACL)
4.3 RFC 4315, UIDPLUS
4.4 RFC 5162, QRESYNC
4.5 IMAP Events in Sieve
5 Formal Syntax
6 Security Considerations
7 IANA Considerations
8 Acknowledgments
9 References`),
  },
  7888: {
    title: 'IMAP4 Non-synchronizing Literals',
    sections: parse(`
1 Introduction
2 Conventions
3 Specification
4 Considerations on When to Use and Not to Use Synchronizing Literals
5 LITERAL- Capability
6 Interaction with BINARY Extension
7 Interaction with MULTIAPPEND Extension
8 Formal Syntax
9 Security Considerations
10 IANA Considerations
11 References`),
  },
  7162: {
    title:
      'IMAP Extensions: Quick Flag Changes Resynchronization (CONDSTORE) and Quick Mailbox Resynchronization (QRESYNC)',
    sections: parse(`
1 Introduction
2 Requirements Notation
3 IMAP Protocol Changes
3.1 CONDSTORE Extension
3.1.1 Advertising Support for CONDSTORE
3.1.2 New OK Untagged Responses for SELECT and EXAMINE
3.1.2.1 HIGHESTMODSEQ Response Code
3.1.2.2 NOMODSEQ Response Code
3.1.3 STORE and UID STORE Commands
3.1.4 FETCH and UID FETCH Commands
3.1.4.1 CHANGEDSINCE FETCH Modifier
3.1.4.2 MODSEQ Message Data Item in FETCH Command
3.1.5 MODSEQ Search Criterion in SEARCH
3.1.6 Modified SEARCH Untagged Response
3.1.7 HIGHESTMODSEQ Status Data Items
3.1.8 CONDSTORE Parameter to SELECT and EXAMINE
3.1.9 Interaction with IMAP SORT and THREAD Extensions
3.1.10 Interaction with IMAP ESORT and ESEARCH Extensions
3.1.11 Additional Quality-of-Implementation Issues
3.1.12 CONDSTORE Server Implementation Considerations
3.2 QRESYNC Extension
3.2.1 Impact on CONDSTORE-only Clients
3.2.2 Advertising Support for QRESYNC
3.2.3 Use of ENABLE
3.2.4 Additional Requirements on QRESYNC Servers
3.2.5 QRESYNC Parameter to SELECT/EXAMINE
3.2.5.1 Modification Sequence and UID Parameters
3.2.5.2 Message Sequence Match Data
3.2.6 VANISHED UID FETCH Modifier
3.2.7 EXPUNGE Command
3.2.8 CLOSE Command
3.2.9 UID EXPUNGE Command
3.2.10 VANISHED Response
3.2.10.1 VANISHED (EARLIER) Response
3.2.10.2 VANISHED Response without the (EARLIER) Tag
3.2.11 CLOSED Response Code
4 Long Command Lines (Update to RFC 2683)
5 QRESYNC Server Implementation Considerations
5.1 Server Implementations That Don't Store Extra State
5.2 Server Implementations Storing Minimal State
5.3 Additional State Required on the Server
6 Updated Synchronization Sequence
7 Formal Syntax
8 Security Considerations
9 IANA Considerations
10 References
10.1 Normative References
10.2 Informative References`),
  },
  3516: {
    title: 'IMAP4 Binary Content Extension',
    sections: parse(`
1 Conventions Used in this Document
2 Introduction
3 Content-Transfer-Encoding Considerations
4 Framework for the IMAP4 Binary Extension
4.1 CAPABILITY Identification
4.2 FETCH Command Extensions
4.3 FETCH Response Extensions
4.4 APPEND Command Extensions
5 MIME Encoded Headers
6 Implementation Considerations
7 Formal Protocol Syntax
8 Normative References
9 Security Considerations
10 Intellectual Property
11 Author's Address
12 Full Copyright Statement`),
  },
  3502: {
    // Its other headings (Introduction, Formal Syntax, Interaction with UIDPLUS) have no number.
    title: 'Internet Message Access Protocol (IMAP) - MULTIAPPEND Extension',
    sections: parse(`
6.3.11 APPEND Command`),
  },
  4469: {
    title: 'Internet Message Access Protocol (IMAP) CATENATE Extension',
    sections: parse(`
1 Introduction
2 The CATENATE Capability
3 The APPEND Command
4 Response Codes
4.1 BADURL Response
4.2 TOOBIG Response
5 Formal Syntax
6 Acknowledgements
7 Security Considerations
8 IANA Considerations
9 Normative References`),
  },
  4467: {
    // Its commands (§7) and responses (§8) are lettered like RFC 3501's (6.3.RESETKEY…), not numbered.
    title: 'Internet Message Access Protocol (IMAP) - URLAUTH Extension',
    sections: parse(`
1 Introduction
1.1 Conventions Used in This Document
2 Concepts
2.1 URLAUTH
2.2 Mailbox Access Key
2.3 Authorized Access Identifier
2.4 Authorization Mechanism
2.4.1 INTERNAL Authorization Mechanism
2.5 Authorization Token
3 IMAP URL Extensions
4 Discussion of URLAUTH Authorization Issues
5 Generation of URLAUTH-Authorized URLs
6 Validation of URLAUTH-authorized URLs
7 Additional Commands
8 Additional Responses
9 Formal Syntax
10 Security Considerations
11 IANA Considerations
12 Normative References
13 Informative References`),
  },
  9755: {
    // Only the sections cited, as the published RFC numbers them (its last draft, 6855bis, had the
    // same numbers).
    title: 'IMAP Support for UTF-8',
    sections: parse(`
3 "UTF8=ACCEPT" IMAP Capability and UTF-8 in IMAP Quoted-Strings
4 "APPEND" Command
5 "LOGIN" Command and UTF-8
6 FETCH BODYSTRUCTURE and message/global
7 "UTF8=ONLY" Capability
B.1 APPEND UTF8`),
  },
  6855: {
    // Obsoleted by RFC 9755; cited only for the APPEND form it had and RFC 9755 removed.
    title: 'IMAP Support for UTF-8',
    sections: parse(`
4 IMAP UTF8 "APPEND" Data Extension`),
  },
};
