import { parse, type RfcInfo } from './rfc-list';

/**
 * Section lists of the IMAP extensions the explainer cites, copied from each RFC's table of
 * contents (or its headings, for RFCs without one). The message format's RFCs are in
 * rfc-sections-mail.ts, SMTP's and TLS's in rfc-sections-smtp.ts.
 */
export const EXTENSION_RFCS: Record<number, RfcInfo> = {
  2177: {
    title: 'IMAP4 IDLE command',
    sections: parse(`
1 Abstract
2 Conventions Used in this Document
3 Specification
4 Formal Syntax
5 References
6 Security Considerations
7 Author's Address`),
  },
  2342: {
    title: 'IMAP4 Namespace',
    sections: parse(`
1 Abstract
2 Conventions used in this document
3 Introduction and Overview
4 Requirements
5 NAMESPACE Command
6 Formal Syntax
7 Security Considerations`),
  },
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
  4731: {
    title: 'IMAP4 Extension to SEARCH Command for Controlling What Kind of Information Is Returned',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 IMAP Protocol Changes
3.1 New SEARCH/UID SEARCH Result Options
3.2 Interaction with CONDSTORE extension
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 Normative References
8 Acknowledgments`),
  },
  5161: {
    title: 'The IMAP ENABLE Extension',
    sections: parse(`
1 Overview
2 Conventions Used in This Document
3 Protocol Changes
3.1 The ENABLE Command
3.2 The ENABLED Response
3.3 Note to Designers of Extensions That May Use the ENABLE Command
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 Acknowledgments
8 Normative References
9 Informative References`),
  },
  5530: {
    title: 'IMAP Response Codes',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 Response Codes
4 Formal Syntax
5 Security Considerations
6 IANA Considerations`),
  },
  6154: {
    title: 'IMAP LIST Extension for Special-Use Mailboxes',
    sections: parse(`
1 Introduction
1.1 Conventions Used in This Document
2 New Mailbox Attributes Identifying Special-Use Mailboxes
3 Extension to IMAP CREATE Command to Set Special-Use Attributes
4 IMAP METADATA Entry for Special-Use Attributes
5 Examples
5.1 Example of an IMAP LIST Command
5.2 Example of an Extended IMAP LIST Command
5.3 Example of an IMAP CREATE Command
5.4 Example of Using IMAP METADATA to Manipulate Special-Use Attributes
6 Formal Syntax
7 Security Considerations
8 IANA Considerations
9 References`),
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
  5182: {
    title: 'IMAP Extension for Referencing the Last SEARCH Result',
    sections: parse(`
1 Introduction
1.1 Conventions Used in This Document
2 Overview
2.1 Normative Description of the SEARCHRES Extension
2.2 Examples
2.3 Multiple Commands in Progress
2.4 Interaction with ESEARCH Extension
2.5 Refusing to Save Search Results
3 Formal Syntax
4 Security Considerations
5 IANA Considerations
6 Acknowledgments
7 References
7.1 Normative References
7.2 Informative References`),
  },
  5267: {
    title: 'Contexts for IMAP4',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 Extended Sort Syntax
3.1 ESORT Extension
3.2 Ranges in Extended Sort Results
3.3 Extended SORT Example
4 Contexts
4.1 Overview
4.2 Context Hint
4.3 Notifications of Changes
4.3.1 Refusing to Update Contexts
4.3.2 Common Features of ADDTO and REMOVEFROM
4.3.3 ADDTO Return Data Item
4.3.4 REMOVEFROM Return Data Item
4.3.5 The CANCELUPDATE Command
4.4 Partial Results
4.5 Caching Results
5 Formal Syntax
6 Security Considerations
7 IANA Considerations
8 Acknowledgements
9 References`),
  },
  5465: {
    title: 'The IMAP NOTIFY Extension',
    sections: parse(`
1 Overview and Rationale
2 Conventions Used in This Document
3 The NOTIFY Extension
3.1 The NOTIFY Command
4 Interaction with the IDLE Command
5 Event Types
5.1 FlagChange and AnnotationChange
5.2 MessageNew
5.3 MessageExpunge
5.4 MailboxName
5.5 SubscriptionChange
5.6 MailboxMetadataChange
5.7 ServerMetadataChange
5.8 Notification Overflow
5.9 ACL (Access Control List) Changes
6 Mailbox Specification
6.1 Mailbox Specifiers Affecting the Currently Selected Mailbox
6.2 Personal
6.3 Inboxes
6.4 Subscribed
6.5 Subtree
6.6 Mailboxes
7 Extension to SEARCH and SORT Commands
8 Formal Syntax
9 Security Considerations
10 IANA Considerations
11 Acknowledgements
12 Normative References
13 Informative References`),
  },
  9394: {
    title: 'IMAP PARTIAL Extension for Paged SEARCH and FETCH',
    sections: parse(`
1 Introduction and Overview
2 Document Conventions
3 The PARTIAL Extension
3.1 Incremental SEARCH and Partial Results
3.2 Interaction between PARTIAL, MIN, MAX, and SAVE SEARCH Return Options
3.3 Extension to UID FETCH
3.4 Use of PARTIAL and CONDSTORE Together
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 References`),
  },
  2971: {
    title: 'IMAP4 ID extension',
    sections: parse(`
1 Introduction
2 Conventions Used in this Document
3 Specification
3.1 ID Command
3.2 ID Response
3.3 Defined Field Values
4 Formal Syntax
5 Use of the ID extension with Firewalls and Other Intermediaries
6 Security Considerations
7 References
8 Author's Address`),
  },
  9208: {
    title: 'IMAP QUOTA Extension',
    sections: parse(`
1 Introduction and Overview
2 Document Conventions
3 Terms
3.1 Resource
3.1.1 Name
3.1.2 Definition
3.2 Quota Root
4 Definitions
4.1 Commands
4.1.1 GETQUOTA
4.1.2 GETQUOTAROOT
4.1.3 SETQUOTA
4.1.4 New STATUS attributes
4.2 Responses
4.2.1 QUOTA
4.2.2 QUOTAROOT
4.3 Response Codes
4.3.1 OVERQUOTA
5 Resource Type Definitions
5.1 STORAGE
5.2 MESSAGE
5.3 MAILBOX
5.4 ANNOTATION-STORAGE
6 Interaction with IMAP ACL Extension (RFC 4314)
7 Formal Syntax
8 Security Considerations
9 IANA Considerations
9.1 Changes/Additions to the IMAP Capabilities Registry
9.2 IMAP Quota Resource Type Registry
10 Changes Since RFC 2087
11 References
11.1 Normative References
11.2 Informative References`),
  },
  5256: {
    title: 'Internet Message Access Protocol - SORT and THREAD Extensions',
    sections: parse(`
1 Introduction
2 Terminology
2.1 Base Subject
2.2 Sent Date
3 Additional Commands
4 Additional Responses
5 Formal Syntax
6 Security Considerations
7 Internationalization Considerations
8 IANA Considerations
9 Normative References
10 Informative References`),
  },
  5051: {
    // Only the sections cited: the collation SORT and THREAD compare strings with.
    title: 'i;unicode-casemap - Simple Unicode Collation Algorithm',
    sections: parse(`
1 Introduction
2 Unicode Casemap Collation Description`),
  },
  5957: {
    title: 'Display-Based Address Sorting for the IMAP4 SORT Extension',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 DISPLAYFROM and DISPLAYTO Sort Criteria
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 Acknowledgements
8 Normative References`),
  },
  5258: {
    title: 'Internet Message Access Protocol version 4 - LIST Command Extensions',
    sections: parse(`
1 Introduction and Overview
2 Conventions Used in This Document
3 Extended LIST Command
3.1 Initial List of Selection Options
3.2 Initial List of Return Options
3.3 General Principles for Returning LIST Responses
3.4 Additional Requirements on LIST-EXTENDED Clients
3.5 CHILDINFO Extended Data Item
4 The CHILDREN Return Option
5 Examples
6 Formal Syntax
7 Internationalization Considerations
8 Security Considerations
9 IANA Considerations
10 Acknowledgements
11 References`),
  },
  5819: {
    title: 'IMAP4 Extension for Returning STATUS Information in Extended LIST',
    sections: parse(`
1 Introduction
1.1 Conventions Used in This Document
2 STATUS Return Option to LIST Command
3 Examples
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 Acknowledgements
8 Normative References`),
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
  3691: {
    title: 'Internet Message Access Protocol (IMAP) UNSELECT command',
    sections: parse(`
1 Introduction
2 UNSELECT Command
3 Security Considerations
4 Formal Syntax
5 IANA Considerations
6 Acknowledgments
7 Normative References
8 Author's Address
9 Full Copyright Statement`),
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
