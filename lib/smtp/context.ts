import type { Account } from '../mailstore/account';
import type { ServerContext, SessionIO } from '../session/types';
import type { SmtpLimits } from './limits';
import type { Envelope, MailPath } from './path';
import { SmtpError, type SmtpContext, type SmtpState } from './types';

/**
 * What an SMTP session knows about its client (RFC 5321 §4.1.4): the state, the EHLO/HELO
 * name, the login and the transaction being built. Plain data with the moves between states.
 */
export class SmtpSessionState {
  state: SmtpState = 'Connected';
  clientDomain: string | null = null;
  extended = false;
  account: Account | null = null;
  envelope: Envelope | null = null;

  greet(domain: string, extended: boolean): void {
    this.clientDomain = domain;
    this.extended = extended;
    this.envelope = null;
    this.state = 'Ready';
  }

  begin(from: MailPath, declaredSize: number | null, smtputf8: boolean): void {
    this.envelope = { from, declaredSize, smtputf8, recipients: [] };
    this.state = 'Mail';
  }

  addRecipient(to: MailPath): void {
    this.envelope!.recipients.push(to);
    this.state = 'Rcpt';
  }

  /** RSET or the end of a transaction: the greeting and the login stay (RFC 5321 §4.1.1.5). */
  reset(): void {
    this.envelope = null;
    if (this.state !== 'Connected') this.state = 'Ready';
  }

  /** After STARTTLS: everything learnt before is forgotten (RFC 3207 §4.2). */
  restart(): void {
    this.state = 'Connected';
    this.clientDomain = null;
    this.extended = false;
    this.account = null;
    this.envelope = null;
  }
}

/** What the session lends a context beyond its state. */
export interface ContextHooks {
  readonly server: ServerContext;
  readonly io: SessionIO;
  readonly limits: SmtpLimits;
  readonly requireAuth: boolean;
  /** Counts a failed login (the session closes the connection past the limit). */
  countAuthFailure(): void;
  startData(): void;
  startTls(): void;
  nextQueueId(): string;
}

/** The narrow view of a session that command handlers get. */
export function createContext(s: SmtpSessionState, hooks: ContextHooks): SmtpContext {
  const { server, io } = hooks;
  return {
    server,
    io,
    limits: hooks.limits,
    requireAuth: hooks.requireAuth,
    get state() {
      return s.state;
    },
    get clientDomain() {
      return s.clientDomain;
    },
    get extended() {
      return s.extended;
    },
    get account() {
      return s.account;
    },
    get envelope() {
      return s.envelope;
    },
    authAllowed() {
      const security = io.security;
      if (security?.tlsActive) return true;
      // No security facts: the in-process loopback, on this machine by definition.
      return (security?.loopback ?? true) && server.plainAuthOnLoopback;
    },
    greet: (domain, extended) => s.greet(domain, extended),
    begin: (from, size, smtputf8) => s.begin(from, size, smtputf8),
    addRecipient: (to) => s.addRecipient(to),
    reset: () => s.reset(),
    login: (account) => {
      s.account = account;
    },
    failAuth() {
      hooks.countAuthFailure();
      throw new SmtpError(535, '5.7.8', 'Authentication credentials invalid');
    },
    startData: () => {
      hooks.startData();
      s.state = 'Data';
    },
    startTls: () => hooks.startTls(),
    nextQueueId: () => hooks.nextQueueId(),
  };
}
