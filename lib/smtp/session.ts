import { printable } from '../session/printable';
import { explainContextOf, whoCanRead } from '../session/secret-words';
import type { ServerContext, ServerSession, SessionEvent, SessionIO } from '../session/types';
import type { ByteString } from '../wire/bytes';
import { challengeFor } from './commands/auth';
import { SMTP_COMMANDS } from './commands';
import { createContext, SmtpSessionState } from './context';
import { DataCollector } from './data';
import { deliverMessage } from './deliver';
import { DEFAULT_SMTP_LIMITS, type SmtpLimits } from './limits';
import { SmtpLineReader, TOO_LONG, type WireLine } from './lines';
import { formatReply, reply } from './reply';
import { isExchange, outcomeOf, sequenceHint } from './sequence';
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
  private readonly st = new SmtpSessionState();
  private isClosed = false;
  private readonly reader: SmtpLineReader;
  private readonly connectionId: number;
  private exchange: AuthExchange | null = null;
  private collector: DataCollector | null = null;
  /** The DATA text as received, for the event (only kept when someone listens; capped). */
  private dataRaw: ByteString[] = [];
  private dataRawBytes = 0;
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
    this.ctx = createContext(this.st, {
      server,
      io,
      limits: this.limits,
      requireAuth: this.requireAuth,
      countAuthFailure: () => this.authFailures++,
      startData: () => {
        this.collector = new DataCollector(this.limits.maxMessageBytes, this.limits.maxTextLineBytes);
      },
      startTls: () => {
        this.tlsPending = true;
      },
      nextQueueId: () => this.queueId(),
    });
  }

  get state(): SmtpState {
    return this.st.state;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** The account that logged in with AUTH, if any. */
  get user(): string | null {
    return this.st.account?.user ?? null;
  }

  start(): void {
    // RFC 5321 §4.2, §3.1: 220, the server's name first; no enhanced code on the greeting.
    this.send({
      code: 220,
      // The same server takes submissions from users and deliveries from other servers (MX):
      // its greeting names neither role.
      lines: [`${this.server.hostname} ESMTP POP vs IMAP Lab mail server ready`],
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
      stateAfter: this.st.state,
      explanation: 'a line over the limit',
    });
    this.exchange = null;
    // RFC 4954 §6 names 500 5.5.6 for an overlong AUTH line; RFC 5321 §4.3.2 500 otherwise.
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
    const stateBefore = this.st.state;
    // The explanation and the masked form are made only for someone listening.
    if (this.io.event)
      this.emit({
        direction: 'c2s',
        raw: line + '\r\n',
        masked:
          command?.secret && text.includes(' ') ? `${keyword} ${text.split(' ')[0]} ${MASK}\r\n` : undefined,
        command: command?.name,
        stateAfter: stateBefore,
        explanation:
          command && parseError === null ? command.explain(args, explainContextOf(this.io)) : undefined,
        rfc: command?.rfc,
      });
    if (line.length + 2 > limit)
      return this.refuse(new SmtpError(500, '5.5.2', `Line too long (limit ${limit} octets)`), command?.name);
    if (!command) {
      const what = line.trim() === '' ? 'Empty command' : `Command not recognized: ${printable(keyword, 20)}`;
      return this.refuse(new SmtpError(500, '5.5.2', what));
    }
    if (!command.states.includes(this.st.state))
      return this.refuse(
        new SmtpError(503, '5.5.1', `Bad sequence of commands: ${sequenceHint(command.name, this.st.state)}`),
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
      stateAfter: this.st.state,
      explanation:
        line === '*'
          ? 'cancel the login'
          : secret
            ? `send the password (base64, which is not encryption: ${whoCanRead(explainContextOf(this.io).tls, 'it')})`
            : 'send the user name (base64)',
      rfc: 'RFC 4954 §4',
    });
    this.perform('AUTH', this.st.state, () => exchange.step(this.ctx, line));
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
    this.send(reply(error.code, error.enhanced, error.text), command, this.st.state, authFailed);
    if (authFailed && this.authFailures >= this.server.limits.maxAuthFailures) this.close();
  }

  private dataLine(line: WireLine | typeof TOO_LONG): void {
    const collector = this.collector!;
    if (this.io.event) {
      const raw = line === TOO_LONG ? '' : line.text + (line.crlf ? '\r\n' : '\n');
      // Past the size limit the text is refused: the event counts its octets, keeps no more.
      if (this.dataRawBytes < this.limits.maxMessageBytes) this.dataRaw.push(raw);
      this.dataRawBytes += raw.length;
    }
    const result = line === TOO_LONG ? collector.overlong() : collector.line(line);
    if (!result) return;
    this.collector = null;
    const envelope = this.st.envelope!;
    this.emit({
      direction: 'c2s',
      raw: this.dataRaw.join(''),
      bytes: this.dataRawBytes,
      command: 'DATA',
      stateAfter: 'Data',
      explanation: `the message text (${result.size} octets after removing stuffed dots), then "."`,
      rfc: 'RFC 5321 §4.5.2',
    });
    this.dataRaw = [];
    this.dataRawBytes = 0;
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
    this.st.restart();
    this.io.security?.startTls?.();
  }

  private close(): void {
    this.isClosed = true;
    this.reader.clear();
    this.io.close();
  }

  private send(r: SmtpReply, command?: string, stateBefore?: SmtpState, authFailed?: boolean): void {
    const raw = formatReply(r);
    this.io.write(raw);
    const outcome = outcomeOf(r.code);
    this.emit({
      direction: 's2c',
      raw,
      command,
      outcome,
      stateBefore,
      // STARTTLS's 220: the session starts again once TLS is up (RFC 3207 §4.2: EHLO again).
      stateAfter: this.tlsPending ? 'Connected' : this.st.state,
      authFailed: authFailed || undefined,
    });
  }

  private emit(
    event: Omit<SessionEvent, 'protocol' | 'bytes' | 'stateBefore'> & {
      stateBefore?: string;
      bytes?: number;
    },
  ): void {
    if (!this.io.event) return;
    this.io.event({
      ...event,
      protocol: 'smtp',
      bytes: event.bytes ?? event.raw.length,
      stateBefore: event.stateBefore ?? event.stateAfter,
    });
  }
}
