import type { Account } from '../mailstore/account';
import type { ServerContext, SessionIO } from '../session/types';
import type { ByteString } from '../wire/bytes';
import type { SmtpLimits } from './limits';
import type { Envelope, MailPath } from './path';
import type { ExplainContext } from '../session/secret-words';

/**
 * Where an SMTP session is (RFC 5321 §3.3, §4.1.4): `Connected` until EHLO/HELO, `Ready`
 * between transactions, `Mail` after MAIL FROM, `Rcpt` once a recipient is accepted, `Data`
 * while the message text arrives. Authentication (RFC 4954) is kept beside the state.
 */
export type SmtpState = 'Connected' | 'Ready' | 'Mail' | 'Rcpt' | 'Data';

/**
 * An RFC 3463 enhanced status code, `class.subject.detail`, e.g. `5.1.1`. Sent after the reply
 * code on every 2xx, 4xx and 5xx line except the greeting and the EHLO/HELO reply (RFC 2034 §3).
 */
export type EnhancedCode = `${2 | 4 | 5}.${number}.${number}`;

/** One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more lines of text. */
export interface SmtpReply {
  /** RFC 5321 §4.2.3, e.g. 250, 354, 550. */
  readonly code: number;
  /** RFC 3463; absent on the greeting, EHLO/HELO (RFC 2034 §3, §4) and 3xx replies (§4). */
  readonly enhanced?: EnhancedCode;
  /** The text of each line; several lines make a multi-line reply (`250-…`, `250 …`). */
  readonly lines: readonly string[];
  /** Close the connection after writing (QUIT's 221, RFC 5321 §4.1.1.10). */
  readonly close?: boolean;
}

/** A refusal the dispatcher writes as a 4xx/5xx reply. Handlers throw it; nothing changes. */
export class SmtpError extends Error {
  constructor(
    readonly code: number,
    readonly enhanced: EnhancedCode,
    readonly text: string,
  ) {
    super(`${code} ${enhanced} ${text}`);
  }
}

/** A SASL exchange in progress (RFC 4954 §4): the next client line answers `challenge`. */
export interface AuthExchange {
  readonly mechanism: 'PLAIN' | 'LOGIN';
  /** LOGIN: the user name, once given. */
  readonly user?: ByteString;
  /**
   * Handles the next line, returning the next `334` challenge (an exchange again) or the final
   * reply; throws SmtpError to refuse (535, 501).
   */
  step(ctx: SmtpContext, line: ByteString): SmtpReply | AuthExchange;
}

/** Options of one SMTP session beyond the shared {@link ServerContext}. */
export interface SmtpSessionOptions {
  limits?: Partial<SmtpLimits>;
  /**
   * Submission (RFC 6409 §4.3, the default): MAIL needs AUTH first (`530 5.7.0`). False: a
   * receiving server (an MX, RFC 5321 §2.3.10) that takes mail only for lab accounts.
   */
  requireAuth?: boolean;
}

/** What a command handler may touch. */
export interface SmtpContext {
  readonly server: ServerContext;
  readonly io: SessionIO;
  readonly limits: SmtpLimits;
  readonly requireAuth: boolean;
  readonly state: SmtpState;
  /** The domain the client gave in EHLO/HELO, once given. */
  readonly clientDomain: string | null;
  /** True after EHLO (extensions in use), false after HELO (RFC 5321 §4.1.1.1). */
  readonly extended: boolean;
  /** The account authenticated with AUTH (RFC 4954), if any. */
  readonly account: Account | null;
  /** The transaction being built: MAIL FROM, the accepted recipients. */
  readonly envelope: Envelope | null;
  /** May AUTH be used now? TLS is active, or the peer is on loopback and the server allows it. */
  authAllowed(): boolean;
  /** EHLO/HELO: record the client's name, clear any transaction (RFC 5321 §4.1.4). */
  greet(domain: string, extended: boolean): void;
  /** MAIL: start a transaction. */
  begin(from: MailPath, declaredSize: number | null, smtputf8: boolean): void;
  /** RCPT: add an accepted recipient. */
  addRecipient(to: MailPath): void;
  /** RSET, or the end of a transaction: forget the envelope, keep the greeting and AUTH. */
  reset(): void;
  /** AUTH succeeded. */
  login(account: Account): void;
  /** Counts a failed AUTH and throws `535 5.7.8` (the connection drops past the limit). */
  failAuth(): never;
  /** DATA: the session reads the message text from the next line on. */
  startData(): void;
  /** STARTTLS: after this reply is written, the wrapper starts TLS and the session starts over. */
  startTls(): void;
  /** A new queue id for a message delivered now (as DATA's end uses; BURL LAST too). */
  nextQueueId(): string;
}

/** The result of a command: a reply, or a SASL exchange that wants the next client line. */
export type SmtpResult = SmtpReply | AuthExchange;

/** One SMTP command: one small file each, dispatched from one table (see commands/index.ts). */
export interface SmtpCommand<A = string> {
  readonly name: string;
  /** States in which the command is valid; elsewhere the dispatcher answers `503 5.5.1`. */
  readonly states: readonly SmtpState[];
  /** Syntax as in the RFC, e.g. `MAIL FROM:<reverse-path> [SP mail-parameters]`. */
  readonly syntax: string;
  /** What the command is for, for the reference pages. */
  readonly summary: string;
  readonly rfc: string;
  /** True if the argument carries a secret to mask on screen (AUTH's initial response). */
  readonly secret?: boolean;
  /**
   * Checks the argument text (after the command word and one space; '' if none), once, in the
   * dispatcher; throws SmtpError (501, 555, 553) on bad syntax.
   */
  parse(text: string): A;
  /**
   * A plain-English line for this use of the command, e.g. "name the sender"; `on` says whether
   * it crossed inside TLS.
   */
  explain(args: A, on: ExplainContext): string;
  run(ctx: SmtpContext, args: A): SmtpResult;
}
