import { parse, type RfcInfo } from './rfc-list';
import { MESSAGE_EXTENSION_RFCS } from './rfc-sections-ext-messages';

/**
 * Section lists of the IMAP extensions the explainer cites, copied from each RFC's table of
 * contents (or its headings, for RFCs without one): here those of the session, mailboxes,
 * search and sort; those that add or change message data (literals, APPEND, FETCH, STORE, MOVE,
 * UTF-8) in rfc-sections-ext-messages.ts. The message format's RFCs are in rfc-sections-mail.ts,
 * SMTP's in rfc-sections-smtp.ts and TLS's in rfc-sections-tls.ts.
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
  8438: {
    title: 'IMAP Extension for STATUS=SIZE',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 STATUS Command and Response Extensions
4 Formal Syntax
5 Security Considerations
6 IANA Considerations
7 Normative References`),
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
  ...MESSAGE_EXTENSION_RFCS,
};
