import type { Account } from '../mailstore/account';
import type { Outcome, ServerContext, ServerSession, SessionEvent, SessionIO } from '../session/types';
import { printable } from '../session/printable';
import { explainContextOf } from '../session/secret-words';
import type { ByteString } from '../wire/bytes';
import { LINE_TOO_LONG, LineReader } from '../wire/line-reader';
import { POP3_COMMANDS } from './commands';
import { Maildrop } from './maildrop';
import { Pop3Error, type Pop3Context, type Pop3Reply, type Pop3State } from './types';

/** RFC 1939 §3: the autologout timer must be at least 10 minutes. */
export const POP3_IDLE_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * One POP3 connection, server side (RFC 1939, RFC 2449). The single dispatcher: it frames lines,
 * checks state and argument count once, runs the command, and turns every refusal into `-ERR`.
 */
export class Pop3Session implements ServerSession {
  readonly protocol = 'pop3';
  readonly idleTimeoutMs = POP3_IDLE_TIMEOUT_MS;
  private currentState: Pop3State = 'AUTHORIZATION';
  private isClosed = false;
  private readonly reader: LineReader;
  private readonly banner: string;
  private authFailures = 0;
  private account: Account | null = null;
  private maildrop: Maildrop | null = null;
  private pendingUser: string | null = null;

  constructor(
    private readonly server: ServerContext,
    private readonly io: SessionIO,
  ) {
    this.reader = new LineReader(server.limits.maxPop3LineBytes);
    // RFC 1939 §7: the APOP timestamp must differ for every greeting.
    this.banner = `<${server.nextConnectionId()}.${server.store.clock.now()}@${server.hostname}>`;
  }

  get state(): Pop3State {
    return this.currentState;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** The account this session logged in to, once in TRANSACTION. */
  get user(): string | null {
    return this.account?.user ?? null;
  }

  start(): void {
    this.send(`+OK POP vs IMAP Lab POP3 server ready ${this.banner}\r\n`, { outcome: 'ok' });
  }

  receive(bytes: ByteString): void {
    if (this.isClosed) return;
    this.reader.push(bytes);
    while (!this.isClosed) {
      const line = this.reader.readLine();
      if (line === null) return;
      if (line === LINE_TOO_LONG) {
        this.emit({
          direction: 'c2s',
          raw: '',
          stateAfter: this.currentState,
          explanation: 'a line over the limit',
        });
        this.send(`-ERR Line too long (limit ${this.server.limits.maxPop3LineBytes} octets)\r\n`, {
          outcome: 'err',
        });
        continue;
      }
      this.handleLine(line);
    }
  }

  disconnect(): void {
    // RFC 1939 §6: without QUIT there is no UPDATE state: nothing marked is removed.
    this.release();
  }

  /**
   * The server is shutting down (a restart): it closes the connection without a word, since
   * RFC 1939 has no shutdown response; a session ended before QUIT never enters the UPDATE
   * state, so the messages it marked with DELE stay (RFC 1939 §6). The maildrop lock is freed.
   */
  serverShutdown(): void {
    if (this.isClosed) return;
    this.release();
    this.io.close();
  }

  timeout(): void {
    // RFC 1939 §3: on autologout the server closes without a response and without UPDATE.
    if (this.isClosed) return;
    this.release();
    this.io.close();
  }

  private handleLine(line: ByteString): void {
    const space = line.indexOf(' ');
    const keyword = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const rest = space < 0 ? '' : line.slice(space + 1);
    const command = POP3_COMMANDS.get(keyword);
    // PASS takes the rest of the line, spaces included (RFC 1939 §7); others split on spaces.
    const args =
      command?.name === 'PASS' ? (rest === '' ? [] : [rest]) : rest.split(' ').filter((a) => a !== '');
    const stateBefore = this.currentState;
    // The event (its explanation and masked form) is built only when someone listens.
    if (this.io.event)
      this.emit({
        direction: 'c2s',
        raw: line + '\r\n',
        masked: command?.secretArgs?.length
          ? `${keyword} ${args.length ? '********' : ''}`.trimEnd() + '\r\n'
          : undefined,
        command: command?.name,
        stateAfter: stateBefore,
        explanation: command?.explain(args, { ...explainContextOf(this.io), state: stateBefore }),
        rfc: command?.rfc,
      });

    if (!command)
      return this.refuse(
        new Pop3Error(line.trim() === '' ? 'Empty command' : `Unknown command: ${printable(keyword, 20)}`),
      );
    if (!command.states.includes(this.currentState)) {
      return this.refuse(
        new Pop3Error(`${command.name} is not valid in the ${this.currentState} state`),
        command.name,
      );
    }
    const [min, max] = command.args;
    if (args.length < min || args.length > max) {
      return this.refuse(new Pop3Error(`Syntax: ${command.syntax}`), command.name);
    }

    let reply: Pop3Reply;
    try {
      reply = command.run(this.context(), args);
    } catch (error) {
      if (error instanceof Pop3Error) return this.refuse(error, command.name);
      // A bug in a handler: never take the connection down with it, but make it visible.
      this.io.bug?.(error);
      if (command.name === 'QUIT' && this.currentState === 'TRANSACTION') {
        // RFC 1939 §6: the UPDATE state failed; "Whether the removal was successful or not, the
        // server then releases any exclusive-access lock on the maildrop and closes the TCP
        // connection."
        this.currentState = 'UPDATE';
        this.refuse(new Pop3Error('Some deleted messages not removed', 'SYS/TEMP'), command.name);
        return this.closeConnection();
      }
      return this.refuse(new Pop3Error('Internal server error', 'SYS/TEMP'), command.name);
    }
    this.currentState = reply.nextState ?? this.currentState;
    this.send(formatReply(reply), { outcome: 'ok', command: command.name, stateBefore });
    if (reply.close) this.closeConnection();
    if (reply.startTls) {
      // RFC 2595 §4 (as RFC 3207 §4.2 for SMTP): nothing sent before TLS is trusted after it.
      this.reader.clear();
      this.io.security?.startTls?.();
    }
  }

  private refuse(error: Pop3Error, command?: string): void {
    const code = error.code ? `[${error.code}] ` : '';
    const authFailed = error.code === 'AUTH';
    this.send(`-ERR ${code}${statusText(error.text)}\r\n`, { outcome: 'err', command, authFailed });
    if (authFailed && this.authFailures >= this.server.limits.maxAuthFailures) this.closeConnection();
  }

  private context(): Pop3Context {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context is a narrow view of this session
    const session = this;
    return {
      server: this.server,
      state: this.currentState,
      banner: this.banner,
      security: this.io.security,
      get pendingUser() {
        return session.pendingUser;
      },
      set pendingUser(name) {
        session.pendingUser = name;
      },
      get account() {
        return session.account;
      },
      get maildrop() {
        return session.maildrop;
      },
      openMaildrop: (account) => this.openMaildrop(account),
      failAuth: (text) => {
        this.authFailures++;
        throw new Pop3Error(text, 'AUTH');
      },
    };
  }

  private openMaildrop(account: Account): void {
    // RFC 1939 §4: an exclusive-access lock, as needed to keep this session's messages from
    // being changed or removed before UPDATE. This server's policy, as many servers': one POP3
    // session per maildrop at a time, a second refused with [IN-USE] (RFC 2449 §8.1.2).
    if (account.pop3Lock !== null)
      throw new Pop3Error('Unable to lock maildrop: it is in use by another session', 'IN-USE');
    account.pop3Lock = this;
    this.account = account;
    this.maildrop = new Maildrop(account);
  }

  private release(): void {
    if (this.account?.pop3Lock === this) this.account.pop3Lock = null;
    this.isClosed = true;
    this.reader.clear();
  }

  private closeConnection(): void {
    this.release();
    this.io.close();
  }

  private send(
    raw: ByteString,
    meta: { outcome: Outcome; command?: string; stateBefore?: Pop3State; authFailed?: boolean },
  ): void {
    if (meta.authFailed) this.io.authFailed?.();
    this.io.write(raw);
    if (this.io.event)
      this.emit({
        direction: 's2c',
        raw,
        command: meta.command,
        outcome: meta.outcome,
        stateBefore: meta.stateBefore,
        stateAfter: this.currentState,
        authFailed: meta.authFailed || undefined,
      });
  }

  private emit(
    event: Omit<SessionEvent, 'protocol' | 'bytes' | 'stateBefore'> & { stateBefore?: string },
  ): void {
    if (!this.io.event) return;
    this.io.event({
      ...event,
      protocol: 'pop3',
      bytes: event.raw.length,
      stateBefore: event.stateBefore ?? event.stateAfter,
    });
  }
}

/**
 * Octets of a status line's text: with `+OK ` or `-ERR [SYS/TEMP] `, the `...` of a cut and the
 * CRLF, a reply line stays within RFC 2449 §4's 512 octets.
 */
export const POP3_STATUS_TEXT_MAX = 480;

/** A status line's text, printable ASCII and cut to POP3_STATUS_TEXT_MAX (RFC 2449 §4). */
function statusText(text: string): string {
  return printable(text, POP3_STATUS_TEXT_MAX);
}

/** `+OK text`, then for multi-line replies the dot-stuffed body and the terminating `.` line (RFC 1939 §3). */
export function formatReply(reply: Pop3Reply): ByteString {
  const status = reply.text ? `+OK ${statusText(reply.text)}\r\n` : '+OK\r\n';
  if (reply.body === undefined) return status;
  let body = reply.body;
  if (body !== '' && !body.endsWith('\r\n')) body += '\r\n';
  return status + dotStuff(body) + '.\r\n';
}

/** Lines that begin with "." get one more, so that no line of content reads as the terminator. */
export function dotStuff(body: ByteString): ByteString {
  return body.replace(/(^|\r\n)\./g, '$1..');
}
