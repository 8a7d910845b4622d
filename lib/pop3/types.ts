import type { Account } from '../mailstore/account';
import type { ConnectionSecurity, ServerContext } from '../session/types';
import type { ByteString } from '../wire/bytes';
import type { Maildrop } from './maildrop';
import type { ExplainContext } from '../session/secret-words';

/** What a POP3 command's explanation may depend on: the connection's TLS, the session's state. */
export interface Pop3ExplainContext extends ExplainContext {
  readonly state: Pop3State;
}

/** RFC 1939 §3: a POP3 session moves AUTHORIZATION → TRANSACTION → UPDATE. */
export type Pop3State = 'AUTHORIZATION' | 'TRANSACTION' | 'UPDATE';

/** RFC 2449 §8 extended response codes, e.g. `-ERR [IN-USE] …`. */
export type Pop3ResponseCode = 'IN-USE' | 'AUTH' | 'LOGIN-DELAY' | 'SYS/TEMP' | 'SYS/PERM';

/** A refusal that the dispatcher writes as `-ERR [code] text`. Handlers throw it; nothing changes. */
export class Pop3Error extends Error {
  constructor(
    readonly text: string,
    readonly code?: Pop3ResponseCode,
  ) {
    super(text);
  }
}

/** A successful reply: `+OK text`, then for multi-line replies the body (dot-stuffed by the session). */
export interface Pop3Reply {
  readonly text: string;
  /** Lines of a multi-line response, CRLF-separated, before dot-stuffing. Empty string: no lines. */
  readonly body?: ByteString;
  /** The session moves to this state after the reply is written. */
  readonly nextState?: Pop3State;
  /** Close the connection after writing (QUIT). */
  readonly close?: boolean;
  /**
   * STLS (RFC 2595 §4): after this reply is written, TLS starts on the connection
   * (`ConnectionSecurity.startTls`) and anything the client sent after the command is dropped.
   */
  readonly startTls?: boolean;
}

/** What a command handler may touch. */
export interface Pop3Context {
  readonly server: ServerContext;
  readonly state: Pop3State;
  /** The banner timestamp of the greeting, the APOP challenge (RFC 1939 §7). */
  readonly banner: string;
  /** The name given by USER, waiting for PASS. */
  pendingUser: string | null;
  /** Set once authenticated. */
  readonly account: Account | null;
  /** What the connection knows of TLS (absent: the in-process loopback, no TLS). */
  readonly security: ConnectionSecurity | undefined;
  readonly maildrop: Maildrop | null;
  /** Takes the maildrop lock and enters TRANSACTION; throws `-ERR [IN-USE]` if it is held. */
  openMaildrop(account: Account): void;
  /** Counts a failed login and throws the `-ERR [AUTH]` reply. */
  failAuth(text: string): never;
}

/** One POP3 command: one small file each, dispatched from one table (see commands/index.ts). */
export interface Pop3Command {
  readonly name: string;
  /** States in which the command is valid; elsewhere the dispatcher answers -ERR. */
  readonly states: readonly Pop3State[];
  /** Syntax as in the RFC, e.g. `RETR msg`. */
  readonly syntax: string;
  /** What the command is for, for the reference pages. */
  readonly summary: string;
  readonly rfc: string;
  /** Argument count range, checked by the dispatcher. */
  readonly args: readonly [min: number, max: number];
  /** Arguments to mask on screen (PASS): their indexes. */
  readonly secretArgs?: readonly number[];
  /**
   * A plain-English line for this use of the command, e.g. "download message 2 in full", in the
   * state the session was in when the line arrived (QUIT means one thing before login, another
   * after: RFC 1939 §4, §6).
   */
  explain(args: readonly string[], on: Pop3ExplainContext): string;
  run(ctx: Pop3Context, args: readonly string[]): Pop3Reply;
}
