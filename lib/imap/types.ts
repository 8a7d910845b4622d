import type { Account } from '../mailstore/account';
import type { Mailbox } from '../mailstore/mailbox';
import type { ConnectionSecurity, ServerContext } from '../session/types';
import type { ByteString } from '../wire/bytes';
import type { ArgReader } from './args';
import type { FetchItem } from './fetch-items';
import type { Token } from './parser';
import type { SelectedMailbox } from './selected';
import type { ExplainContext } from '../session/secret-words';

/** What an IMAP command's explanation may depend on: TLS, and a read-only selected mailbox. */
export interface ImapExplainContext extends ExplainContext {
  /** The selected mailbox was opened with EXAMINE (or is otherwise read-only); false if none. */
  readonly readOnly: boolean;
}

/** RFC 9051 §3: the connection states. */
export type ImapState = 'Not Authenticated' | 'Authenticated' | 'Selected' | 'Logout';

/** RFC 9051 §7.1 response codes the engine uses. */
export type ResponseCode = string;

/**
 * A refusal, written by the dispatcher as `tag NO [code] text` or `tag BAD [code] text`.
 * Handlers throw it before changing anything.
 */
export class ImapError extends Error {
  constructor(
    readonly status: 'NO' | 'BAD',
    readonly text: string,
    readonly code?: ResponseCode,
  ) {
    super(text);
  }
}

export const bad = (text: string, code?: ResponseCode) => new ImapError('BAD', text, code);
export const no = (text: string, code?: ResponseCode) => new ImapError('NO', text, code);

/** What a handler returns: the text (and code) of the tagged OK. */
export interface ImapOk {
  readonly code?: ResponseCode;
  readonly text?: string;
}

/** When pending changes from other sessions may be reported after a command (RFC 9051 §7.5.1). */
export type UpdatePolicy = 'all' | 'no-expunge';

/** What a handler may touch: a narrow view of its session. */
export interface ImapContext {
  readonly server: ServerContext;
  readonly state: ImapState;
  readonly tag: string;
  readonly account: Account | null;
  readonly selected: SelectedMailbox | null;
  /** Capabilities enabled with ENABLE (RFC 5161), e.g. IMAP4REV2. */
  readonly enabled: ReadonlySet<string>;
  /** True once the client enabled IMAP4rev2: responses follow RFC 9051, not RFC 3501. */
  readonly rev2: boolean;
  /** The session object, as the origin of store changes. */
  readonly origin: unknown;
  /** Writes `* text\r\n` (text may contain literals). */
  untagged(text: ByteString): void;
  /** Writes a `+ text` continuation request. */
  continuation(text: string): void;
  login(account: Account): void;
  enable(capability: string): void;
  /** Selects a mailbox (closing any other); the session now hears of its changes. */
  selectMailbox(mailbox: Mailbox, readOnly: boolean): SelectedMailbox;
  /** Back to the Authenticated state. */
  deselect(): void;
  /** IDLE: while on, changes from other sessions are reported at once. */
  setIdling(on: boolean): void;
  /**
   * Tells the session that an extension holds untagged lines for it (the `pendingLines` hook) or
   * that its rule for the selected mailbox may now push something: written at once when no
   * command is in progress, else before the running command's tagged reply. May be kept and called
   * later, from a store listener (NOTIFY, RFC 5465 §3.1).
   */
  readonly wake: () => void;
  /**
   * Reads a parenthesized list's items as FETCH data items, as FETCH does (RFC 9051 §6.4.5, and
   * the items extensions register), for extensions whose arguments hold fetch attributes (NOTIFY's
   * MessageNew, RFC 5465 §5.2). Throws BAD for an unknown or malformed item. Given here so that
   * an extension need not import the FETCH parser, which reads the extension registry.
   */
  parseFetchItems(items: readonly Token[]): FetchItem[];
  /** Counts a failed login and throws the NO reply. */
  failAuth(text: string): never;
  /**
   * Hands the next client line to `handler` instead of the dispatcher (IDLE, AUTHENTICATE). If
   * that line is over the line limit, `overlong` runs instead; by default the command ends with a
   * tagged `BAD Line too long`.
   */
  expectLine(handler: (line: ByteString) => void, overlong?: () => void): void;
  /** Writes the tagged completion later (for commands that wait on `expectLine`). */
  complete(result: ImapOk | ImapError): void;
  logout(): void;
  capabilities(): string[];
  /** What the connection knows of TLS (absent: the in-process loopback, no TLS). */
  readonly security: ConnectionSecurity | undefined;
  /**
   * May a password travel now (LOGIN, AUTHENTICATE PLAIN)? TLS is active, or the peer is on
   * this machine and the server allows it (`ServerContext.plainAuthOnLoopback`); else the
   * server advertises LOGINDISABLED (RFC 9051 §6.2.3).
   */
  plainAuthAllowed(): boolean;
  /** STARTTLS: after the tagged OK is written, TLS starts and pipelined input is dropped. */
  startTls(): void;
}

/**
 * One IMAP command: its own small file, registered in one table (commands/index.ts).
 * `parse` reads and checks the arguments (throwing BAD); `run` assumes they are valid.
 */
export interface ImapCommand<A = unknown> {
  /** E.g. `FETCH`, or `UID FETCH` for the UID form. */
  readonly name: string;
  readonly states: readonly ImapState[];
  readonly syntax: string;
  readonly summary: string;
  readonly rfc: string;
  /** When other sessions' changes may be reported with this command's completion. */
  readonly updates?: UpdatePolicy | 'none';
  /** Argument indexes to mask on screen (LOGIN's password). */
  readonly secretArgs?: readonly number[];
  parse(args: ArgReader): A;
  /**
   * A plain-English line for this use of the command; `on` says whether it crossed inside TLS and
   * whether the selected mailbox is open read-only (then FETCH sets no \\Seen and CLOSE removes
   * nothing: RFC 9051 §6.3.3, §6.4.1).
   */
  explain(args: A, on: ImapExplainContext): string;
  /** Returns the tagged OK, or `'pending'` when the command finishes later (IDLE, AUTHENTICATE). */
  run(ctx: ImapContext, args: A): ImapOk | 'pending';
}

/** Helps a command file keep its argument type. */
export function defineCommand<A>(command: ImapCommand<A>): ImapCommand<A> {
  return command;
}
