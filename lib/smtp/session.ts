import type { Account } from '../mailstore/account';
import { printable } from '../session/printable';
import type { Outcome, ServerContext, ServerSession, SessionEvent, SessionIO } from '../session/types';
import type { ByteString } from '../wire/bytes';
import { challengeFor } from './commands/auth';
import { SMTP_COMMANDS } from './commands';
import { DataCollector } from './data';
import { deliverMessage } from './deliver';
import { DEFAULT_SMTP_LIMITS, type SmtpLimits } from './limits';
import { SmtpLineReader, TOO_LONG, type WireLine } from './lines';
import type { Envelope } from './path';
import { formatReply, reply } from './reply';
import {
  SmtpError,
  type AuthExchange,
  type SmtpContext,
  type SmtpReply,
  type SmtpResult,
  type SmtpSessionOptions,
  type SmtpState,
} from './types';

/** RFC 5321 §4.5.3.2.7: a server should wait at least 5 minutes for the next command. */
export const SMTP_IDLE_TIMEOUT_MS = 5 * 60 * 1000;

const MASK = '********';

/** Why a command is refused in a state (`503 5.5.1`, RFC 5321 §4.1.4, RFC 4954 §4). */
function sequenceHint(name: string, state: SmtpState): string {
  if (state === 'Connected') return 'send EHLO or HELO first';
  if (name === 'MAIL') return 'nested MAIL command: finish the message or send RSET';
  if (name === 'AUTH' || name === 'STARTTLS') return `${name} is not allowed during a mail transaction`;
  return 'need MAIL before RCPT and DATA';
}

function isExchange(result: SmtpResult): result is AuthExchange {
  return 'step' in result;
}

/**
 * One SMTP submission connection, server side (RFC 5321, RFC 6409). The single dispatcher: it
 * frames lines (pipelined or not, RFC 2920: replies go out in order), checks the command's
 * state and argument once, runs it, and writes every refusal as its reply code. During DATA it
 * collects the message; during AUTH it carries the SASL exchange.
 */
export class SmtpSession implements ServerSession {
  readonly protocol = 'smtp';
  readonly idleTimeoutMs = SMTP_IDLE_TIMEOUT_MS;
  readonly limits: SmtpLimits;
  private readonly requireAuth: boolean;
  private currentState: SmtpState = 'Connected';
  private isClosed = false;
  private readonly reader: SmtpLineReader;
  private readonly connectionId: number;
  private clientDomain: string | null = null;
  private extended = false;
  private account: Account | null = null;
  private envelope: Envelope | null = null;
  private exchange: AuthExchange | null = null;
  private collector: DataCollector | null = null;
  /** The DATA text as received, for the event (only kept when someone listens). */
  private dataRaw: ByteString[] = [];
  private authFailures = 0;
  private transactions = 0;
  private tlsPending = false;
  private readonly ctx: SmtpContext;

  constructor(
    private readonly server: ServerContext,
    private readonly io: SessionIO,
    options: SmtpSessionOptions = {},
  ) {
    this.limits = { ...DEFAULT_SMTP_LIMITS, ...options.limits };
    this.requireAuth = options.requireAuth ?? true;
    this.reader = new SmtpLineReader(this.limits.maxAuthLineBytes - 2);
    this.connectionId = server.nextConnectionId();
    this.ctx = this.makeContext();
  }

  get state(): SmtpState {
    return this.currentState;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** The account that logged in with AUTH, if any. */
  get user(): string | null {
    return this.account?.user ?? null;
  }

  start(): void {
    // RFC 5321 §4.2, §3.1: 220, the server's name first; no enhanced code on the greeting.
    this.send({
      code: 220,
      lines: [`${this.server.hostname} ESMTP POP vs IMAP Lab submission server ready`],
    });
  }

  receive(bytes: ByteString): void {
    if (this.isClosed) return;
    this.reader.push(bytes);
    while (!this.isClosed) {
      const line = this.reader.read();
      if (line === null) return;
      if (this.collector) this.dataLine(line);
      else if (line === TOO_LONG) this.overlong();
      else if (this.exchange) this.authLine(line.text);
      else this.commandLine(line.text);
      if (this.tlsPending) this.beginTls();
    }
  }

  disconnect(): void {
    // RFC 5321 §3.8: a transaction cut off before the end of DATA is not delivered.
    this.isClosed = true;
    this.reader.clear();
  }

  timeout(): void {
    if (this.isClosed) return;
    // RFC 5321 §4.2: 421 "closing transmission channel", which any command may get.
    this.send(reply(421, '4.4.2', `${this.server.hostname} Error: timeout exceeded, closing connection`));
    this.close();
  }

  private overlong(): void {
    const auth = this.exchange !== null;
    this.emit({
      direction: 'c2s',
      raw: '',
      stateAfter: this.currentState,
      explanation: 'a line over the limit',
    });
    this.exchange = null;
    // RFC 4954 §6 names 500 5.5.6 for an overlong AUTH line; RFC 5321 §4.2.4 500 otherwise.
    this.send(
      auth
        ? reply(500, '5.5.6', 'Authentication Exchange line is too long')
        : reply(500, '5.5.2', `Line too long (limit ${this.limits.maxCommandLineBytes} octets)`),
    );
  }

  private commandLine(line: ByteString): void {
    const space = line.indexOf(' ');
    const keyword = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const text = space < 0 ? '' : line.slice(space + 1).replace(/[ \t]+$/, '');
    const command = SMTP_COMMANDS.get(keyword);
    const limit = command?.name === 'AUTH' ? this.limits.maxAuthLineBytes : this.limits.maxCommandLineBytes;
    let args: unknown;
    let parseError: unknown = null;
    if (command) {
      try {
        args = command.parse(text);
      } catch (error) {
        parseError = error;
      }
    }
    const stateBefore = this.currentState;
    this.emit({
      direction: 'c2s',
      raw: line + '\r\n',
      masked:
        command?.secret && text.includes(' ') ? `${keyword} ${text.split(' ')[0]} ${MASK}\r\n` : undefined,
      command: command?.name,
      stateAfter: stateBefore,
      explanation: command && parseError === null ? command.explain(args) : undefined,
      rfc: command?.rfc,
    });
    if (line.length + 2 > limit)
      return this.refuse(new SmtpError(500, '5.5.2', `Line too long (limit ${limit} octets)`), command?.name);
    if (!command) {
      const what = line.trim() === '' ? 'Empty command' : `Command not recognized: ${printable(keyword, 20)}`;
      return this.refuse(new SmtpError(500, '5.5.2', what));
    }
    if (!command.states.includes(this.currentState))
      return this.refuse(
        new SmtpError(
          503,
          '5.5.1',
          `Bad sequence of commands: ${sequenceHint(command.name, this.currentState)}`,
        ),
        command.name,
      );
    if (parseError !== null) return this.fail(parseError, command.name);
    this.perform(command.name, stateBefore, () => command.run(this.ctx, args));
  }

  private authLine(line: ByteString): void {
    const exchange = this.exchange!;
    this.exchange = null;
    const secret = exchange.mechanism === 'PLAIN' || exchange.user !== undefined;
    this.emit({
      direction: 'c2s',
      raw: line + '\r\n',
      masked: secret && line !== '*' ? `${MASK}\r\n` : undefined,
      command: 'AUTH',
      stateAfter: this.currentState,
      explanation:
        line === '*'
          ? 'cancel the login'
          : secret
            ? 'send the password (base64, not encrypted: readable without TLS)'
            : 'send the user name (base64)',
      rfc: 'RFC 4954 §4',
    });
    this.perform('AUTH', this.currentState, () => exchange.step(this.ctx, line));
  }

  /** Runs a handler and writes its reply, or its refusal; a throw of anything else is a bug. */
  private perform(command: string, stateBefore: SmtpState, run: () => SmtpResult): void {
    let result: SmtpResult;
    try {
      result = run();
    } catch (error) {
      return this.fail(error, command);
    }
    if (isExchange(result)) {
      this.exchange = result;
      return this.send({ code: 334, lines: [challengeFor(result)] }, command, stateBefore);
    }
    this.send(result, command, stateBefore);
    if (result.close) this.close();
  }

  private fail(error: unknown, command: string): void {
    if (error instanceof SmtpError) return this.refuse(error, command);
    this.io.bug?.(error);
    this.refuse(new SmtpError(451, '4.3.0', 'Internal server error'), command);
  }

  private refuse(error: SmtpError, command?: string): void {
    const authFailed = error.code === 535;
    if (authFailed) this.io.authFailed?.();
    this.send(reply(error.code, error.enhanced, error.text), command, this.currentState, authFailed);
    if (authFailed && this.authFailures >= this.server.limits.maxAuthFailures) this.close();
  }

  private dataLine(line: WireLine | typeof TOO_LONG): void {
    const collector = this.collector!;
    if (this.io.event) this.dataRaw.push(line === TOO_LONG ? '' : line.text + (line.crlf ? '\r\n' : '\n'));
    const result = line === TOO_LONG ? collector.overlong() : collector.line(line);
    if (!result) return;
    this.collector = null;
    const envelope = this.envelope!;
    this.emit({
      direction: 'c2s',
      raw: this.dataRaw.join(''),
      command: 'DATA',
      stateAfter: 'Data',
      explanation: `the message text (${result.size} octets after removing stuffed dots), then "."`,
      rfc: 'RFC 5321 §4.5.2',
    });
    this.dataRaw = [];
    this.perform('DATA', 'Data', () => {
      this.ctx.reset();
      if (result.tooBig) throw new SmtpError(552, '5.3.4', 'Message size exceeds fixed maximum message size');
      if (result.lineTooLong)
        throw new SmtpError(
          554,
          '5.6.0',
          `Message refused: a line is longer than ${this.limits.maxTextLineBytes} octets`,
        );
      return deliverMessage(this.ctx, envelope, result.content, this.queueId());
    });
  }

  private queueId(): string {
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
    return `${hex(this.connectionId)}${hex(++this.transactions)}`;
  }

  private beginTls(): void {
    // RFC 3207 §4.2: forget everything from before TLS, and any bytes pipelined after STARTTLS.
    this.tlsPending = false;
    this.reader.clear();
    this.currentState = 'Connected';
    this.clientDomain = null;
    this.extended = false;
    this.envelope = null;
    this.io.security?.startTls?.();
  }

  private close(): void {
    this.isClosed = true;
    this.reader.clear();
    this.io.close();
  }

  private makeContext(): SmtpContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context is a narrow view of this session
    const s = this;
    return {
      server: this.server,
      io: this.io,
      limits: this.limits,
      requireAuth: this.requireAuth,
      get state() {
        return s.currentState;
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
      authAllowed: () => {
        const security = this.io.security;
        if (security?.tlsActive) return true;
        return (security?.loopback ?? true) && this.server.plainAuthOnLoopback;
      },
      greet: (domain, extended) => {
        this.clientDomain = domain;
        this.extended = extended;
        this.envelope = null;
        this.currentState = 'Ready';
      },
      begin: (from, declaredSize, smtputf8) => {
        this.envelope = { from, declaredSize, smtputf8, recipients: [] };
        this.currentState = 'Mail';
      },
      addRecipient: (to) => {
        this.envelope!.recipients.push(to);
        this.currentState = 'Rcpt';
      },
      reset: () => {
        this.envelope = null;
        if (this.currentState !== 'Connected') this.currentState = 'Ready';
      },
      login: (account) => {
        this.account = account;
      },
      failAuth: () => {
        this.authFailures++;
        throw new SmtpError(535, '5.7.8', 'Authentication credentials invalid');
      },
      startData: () => {
        this.collector = new DataCollector(this.limits.maxMessageBytes, this.limits.maxTextLineBytes);
        this.currentState = 'Data';
      },
      startTls: () => {
        this.tlsPending = true;
      },
    };
  }

  private send(r: SmtpReply, command?: string, stateBefore?: SmtpState, authFailed?: boolean): void {
    const raw = formatReply(r);
    this.io.write(raw);
    const outcome: Outcome =
      r.code === 221 || r.code === 421 ? 'bye' : r.code < 300 ? 'ok' : r.code < 400 ? 'continue' : 'err';
    this.emit({
      direction: 's2c',
      raw,
      command,
      outcome,
      stateBefore,
      stateAfter: this.currentState,
      authFailed: authFailed || undefined,
    });
  }

  private emit(
    event: Omit<SessionEvent, 'protocol' | 'bytes' | 'stateBefore'> & { stateBefore?: string },
  ): void {
    if (!this.io.event) return;
    this.io.event({
      ...event,
      protocol: 'smtp',
      bytes: event.raw.length,
      stateBefore: event.stateBefore ?? event.stateAfter,
    });
  }
}
