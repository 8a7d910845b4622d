import { parse, type RfcInfo } from './rfc-list';

/**
 * Section lists of the SMTP RFCs the explainer and the SMTP engine cite (TLS's and SASL's are in
 * rfc-sections-tls.ts). RFC 5321's is its whole table of contents; the others list the numbered
 * sections of their tables of contents up to the references.
 */
export const SMTP_RFCS: Record<number, RfcInfo> = {
  5321: {
    title: 'Simple Mail Transfer Protocol',
    sections: parse(`
1 Introduction
1.1 Transport of Electronic Mail
1.2 History and Context for This Document
1.3 Document Conventions
2 The SMTP Model
2.1 Basic Structure
2.2 The Extension Model
2.2.1 Background
2.2.2 Definition and Registration of Extensions
2.2.3 Special Issues with Extensions
2.3 SMTP Terminology
2.3.1 Mail Objects
2.3.2 Senders and Receivers
2.3.3 Mail Agents and Message Stores
2.3.4 Host
2.3.5 Domain Names
2.3.6 Buffer and State Table
2.3.7 Commands and Replies
2.3.8 Lines
2.3.9 Message Content and Mail Data
2.3.10 Originator, Delivery, Relay, and Gateway Systems
2.3.11 Mailbox and Address
2.4 General Syntax Principles and Transaction Model
3 The SMTP Procedures: An Overview
3.1 Session Initiation
3.2 Client Initiation
3.3 Mail Transactions
3.4 Forwarding for Address Correction or Updating
3.5 Commands for Debugging Addresses
3.5.1 Overview
3.5.2 VRFY Normal Response
3.5.3 Meaning of VRFY or EXPN Success Response
3.5.4 Semantics and Applications of EXPN
3.6 Relaying and Mail Routing
3.6.1 Source Routes and Relaying
3.6.2 Mail eXchange Records and Relaying
3.6.3 Message Submission Servers as Relays
3.7 Mail Gatewaying
3.7.1 Header Fields in Gatewaying
3.7.2 Received Lines in Gatewaying
3.7.3 Addresses in Gatewaying
3.7.4 Other Header Fields in Gatewaying
3.7.5 Envelopes in Gatewaying
3.8 Terminating Sessions and Connections
3.9 Mailing Lists and Aliases
3.9.1 Alias
3.9.2 List
4 The SMTP Specifications
4.1 SMTP Commands
4.1.1 Command Semantics and Syntax
4.1.1.1 Extended HELLO (EHLO) or HELLO (HELO)
4.1.1.2 MAIL (MAIL)
4.1.1.3 RECIPIENT (RCPT)
4.1.1.4 DATA (DATA)
4.1.1.5 RESET (RSET)
4.1.1.6 VERIFY (VRFY)
4.1.1.7 EXPAND (EXPN)
4.1.1.8 HELP (HELP)
4.1.1.9 NOOP (NOOP)
4.1.1.10 QUIT (QUIT)
4.1.1.11 Mail-Parameter and Rcpt-Parameter Error Responses
4.1.2 Command Argument Syntax
4.1.3 Address Literals
4.1.4 Order of Commands
4.1.5 Private-Use Commands
4.2 SMTP Replies
4.2.1 Reply Code Severities and Theory
4.2.2 Reply Codes by Function Groups
4.2.3 Reply Codes in Numeric Order
4.2.4 Reply Code 502
4.2.5 Reply Codes after DATA and the Subsequent <CRLF>.<CRLF>
4.3 Sequencing of Commands and Replies
4.3.1 Sequencing Overview
4.3.2 Command-Reply Sequences
4.4 Trace Information
4.5 Additional Implementation Issues
4.5.1 Minimum Implementation
4.5.2 Transparency
4.5.3 Sizes and Timeouts
4.5.3.1 Size Limits and Minimums
4.5.3.1.1 Local-part
4.5.3.1.2 Domain
4.5.3.1.3 Path
4.5.3.1.4 Command Line
4.5.3.1.5 Reply Line
4.5.3.1.6 Text Line
4.5.3.1.7 Message Content
4.5.3.1.8 Recipients Buffer
4.5.3.1.9 Treatment When Limits Exceeded
4.5.3.1.10 Too Many Recipients Code
4.5.3.2 Timeouts
4.5.3.2.1 Initial 220 Message: 5 Minutes
4.5.3.2.2 MAIL Command: 5 Minutes
4.5.3.2.3 RCPT Command: 5 Minutes
4.5.3.2.4 DATA Initiation: 2 Minutes
4.5.3.2.5 Data Block: 3 Minutes
4.5.3.2.6 DATA Termination: 10 Minutes
4.5.3.2.7 Server Timeout: 5 Minutes
4.5.4 Retry Strategies
4.5.4.1 Sending Strategy
4.5.4.2 Receiving Strategy
4.5.5 Messages with a Null Reverse-Path
5 Address Resolution and Mail Handling
5.1 Locating the Target Host
5.2 IPv6 and MX Records
6 Problem Detection and Handling
6.1 Reliable Delivery and Replies by Email
6.2 Unwanted, Unsolicited, and "Attack" Messages
6.3 Loop Detection
6.4 Compensating for Irregularities
7 Security Considerations
7.1 Mail Security and Spoofing
7.2 "Blind" Copies
7.3 VRFY, EXPN, and Security
7.4 Mail Rerouting Based on the 251 and 551 Response Codes
7.5 Information Disclosure in Announcements
7.6 Information Disclosure in Trace Fields
7.7 Information Disclosure in Message Forwarding
7.8 Local Operational Requirement
7.9 Scope of Operation of SMTP Servers
8 IANA Considerations
9 Acknowledgments
10 References
10.1 Normative References
10.2 Informative References
Appendix A TCP Transport Service
Appendix B Generating SMTP Commands from RFC 822 Header Fields
Appendix C Source Routes
Appendix D Scenarios
Appendix D.1 A Typical SMTP Transaction Scenario
Appendix D.2 Aborted SMTP Transaction Scenario
Appendix D.3 Relayed Mail Scenario
Appendix D.4 Verifying and Sending Scenario
Appendix E Other Gateway Issues
Appendix F Deprecated Features of RFC 821
Appendix F.1 TURN
Appendix F.2 Source Routing
Appendix F.3 HELO
Appendix F.4 #-literals
Appendix F.5 Dates and Years
Appendix F.6 Sending versus Mailing`),
  },
  4954: {
    title: 'SMTP Service Extension for Authentication',
    sections: parse(`
1 Introduction
2 How to Read This Document
3 The Authentication Service Extension
4 The AUTH Command
4.1 Examples
5 The AUTH Parameter to the MAIL FROM command
5.1 Examples
6 Status Codes
7 Additional Requirements on Servers
8 Formal Syntax
9 Security Considerations
10 IANA Considerations
11 Normative References
12 Informative References`),
  },
  1870: {
    title: 'SMTP Service Extension for Message Size Declaration',
    sections: parse(`
1 Abstract
2 Introduction
3 Framework for the Size Declaration Extension
4 The Message Size Declaration service extension
5 Definitions
6 The extended MAIL command
6.1 Server action on receipt of the extended MAIL command
6.2 Client action on receiving response to extended MAIL command
6.3 Messages larger than the declared size.
6.4 Per-recipient rejection based on message size.
7 Minimal usage
8 Example
9 Security Considerations
10 Acknowledgements
11 References
12 Chair, Editor, and Author Addresses`),
  },
  2920: {
    title: 'SMTP Service Extension for Command Pipelining',
    sections: parse(`
1 Abstract
2 Introduction
3 Framework for the Pipelining Extension
3.1 Client use of pipelining
3.2 Server support of pipelining
4 Examples
5 Security Considerations`),
  },
  2034: {
    title: 'SMTP Service Extension for Returning Enhanced Error Codes',
    sections: parse(`
1 Abstract
2 Introduction
3 Framework for the Enhanced Error Statuses Extension
4 The Enhanced-Status-Codes service extension
5 Status Codes and Negotiation
6 Usage Example
7 Security Considerations`),
  },
  3463: {
    title: 'Enhanced Mail System Status Codes',
    sections: parse(`
1 Overview
2 Status Code Structure
3 Enumerated Status Codes
3.1 Other or Undefined Status
3.2 Address Status
3.3 Mailbox Status
3.4 Mail System Status
3.5 Network and Routing Status
3.6 Mail Delivery Protocol Status
3.7 Message Content or Message Media Status
3.8 Security or Policy Status
4 References
5 Security Considerations`),
  },
  6409: {
    title: 'Message Submission for Mail',
    sections: parse(`
1 Introduction
3 Message Submission
3.1 Submission Identification
4 Mandatory Actions
4.3 Require Authentication
6 Optional Actions
6.1 Enforce Submission Rights
8 Message Modifications
8.2 Add 'Date' Header Field
8.3 Add 'Message-ID' Header Field`),
  },
  6531: {
    title: 'SMTP Extension for Internationalized Email',
    sections: parse(`
1 Introduction
1.1 Terminology
1.2 Changes Made to Other Specifications
2 Overview of Operation
3 Mail Transport-Level Protocol
3.1 Framework for the Internationalization Extension
3.2 The SMTPUTF8 Extension
3.3 Extended Mailbox Address Syntax
3.4 MAIL Command Parameter Usage
3.5 Non-ASCII Addresses and Reply-Codes
3.6 Body Parts and SMTP Extensions
3.7 Additional ESMTP Changes and Clarifications
3.7.1 The Initial SMTP Exchange
3.7.2 Mail eXchangers
3.7.3 Trace Information
3.7.4 UTF-8 Strings in Replies
3.7.4.1 MAIL Command
3.7.4.2 VRFY and EXPN Commands and the SMTPUTF8 Parameter
4 IANA Considerations
4.1 SMTP Service Extensions Registry
4.2 SMTP Enhanced Status Code Registry
4.3 WITH Protocol Types Sub-Registry of the Mail Transmission Types Registry
5 Security Considerations
6 Acknowledgements
7 References
7.1 Normative References
7.2 Informative References`),
  },
  6152: {
    title: 'SMTP Service Extension for 8-bit MIME Transport',
    sections: parse(`
1 Introduction
2 Framework for the 8-Bit MIME Transport Extension
3 Service Extension`),
  },
  4468: {
    // The numbered sections of its table of contents up to §4; later ones are not cited.
    title: 'Message Submission BURL Extension',
    sections: parse(`
1 Introduction
2 Conventions Used in This Document
3 BURL Submission Extension
3.1 SMTP Submission Extension Registration
3.2 BURL Transaction
3.3 The BURL IMAP Options
3.4 Examples
3.5 Formal Syntax
4 8-Bit and Binary`),
  },
  3030: {
    title: 'SMTP Service Extensions for Transmission of Large and Binary MIME Messages',
    sections: parse(`
1 Introduction
2 Framework for the Chunking Extension
3 Framework for the Binary Service Extension
4 Examples
5 Security Considerations`),
  },
  3464: {
    title: 'An Extensible Message Format for Delivery Status Notifications',
    sections: parse(`
1 Introduction
1.1 Purposes
1.2 Requirements
1.3 Terminology
2 Format of a Delivery Status Notification
2.1 The message/delivery-status content-type
2.1.1 General conventions for DSN fields
2.1.2 "*-type" sub-fields
2.1.3 Lexical tokens imported from RFC 822
2.2 Per-Message DSN Fields
2.2.1 The Original-Envelope-Id field
2.2.2 The Reporting-MTA DSN field
2.2.3 The DSN-Gateway field
2.2.4 The Received-From-MTA DSN field
2.2.5 The Arrival-Date DSN field
2.3 Per-Recipient DSN fields
2.3.1 Original-Recipient field
2.3.2 Final-Recipient field
2.3.3 Action field
2.3.4 Status field
2.3.5 Remote-MTA field
2.3.6 Diagnostic-Code field
2.3.7 Last-Attempt-Date field
2.3.8 final-log-id field
2.3.9 Will-Retry-Until field
2.4 Extension fields
3 Conformance and Usage Requirements
4 Security Considerations`),
  },
};
