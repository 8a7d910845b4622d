import type { Account } from '../mailstore/account';
import type { Outcome, ServerContext, ServerSession, SessionEvent, SessionIO } from '../session/types';
import { printable } from '../session/printable';
import { explainContextOf, whoCanRead } from '../session/secret-words';
import type { ByteString } from '../wire/bytes';
import { LINE_TOO_LONG, LineReader } from '../wire/line-reader';
import { ArgReader } from './args';
import {
  capabilityEnabled,
  closeSession,
  extensionPendingLines,
  selectedUpdateRule,
} from './extensions/registry';
import { CommandAssembly } from './command-assembly';
import { CAPABILITIES, PRE_AUTH_CAPABILITIES } from './capabilities';
import { IMAP_COMMANDS } from './commands';
import { masked, tagOf, tagOfOverlong, toImapError } from './command-line';
import { parseFetchItems } from './fetch-items';
import { isValidTag, tokenize } from './parser';
import { SelectedMailbox } from './selected';
import { ImapError, type ImapCommand, type ImapContext, type ImapOk, type ImapState } from './types';

/** RFC 9051 §5.4: an inactivity autologout timer of at least 30 minutes. */
export const IMAP_AUTOLOGOUT_MS = 30 * 60 * 1000;

/**
 * The largest literal accepted before authentication, in octets: 8 KiB, enough for any user name
 * or password, so that a stranger cannot make the server buffer megabytes per connection. A
 * larger synchronizing literal gets `NO [TOOBIG]` instead of `+ Ready`; a larger non-synchronizing
 * one (RFC 7888) is read and thrown away, then answered `BAD [TOOBIG]`. After login the server's
 * `maxLiteralBytes` applies.
 */
export const PRE_AUTH_LITERAL_BYTES = 8 * 1024;

/**
 * One IMAP connection, server side (RFC 9051, answering RFC 3501 clients too). The single
 * dispatcher: it assembles commands with their literals, checks the state and the arguments
 * once, runs the command, reports other sessions' changes when RFC 9051 allows, and turns
 * every refusal into a tagged NO or BAD.
 */
export class ImapSession implements ServerSession {
  readonly protocol = 'imap';
  readonly idleTimeoutMs = IMAP_AUTOLOGOUT_MS;
  private currentState: ImapState = 'Not Authenticated';
  private isClosed = false;
  private readonly reader: LineReader;
  private readonly assembly = new CommandAssembly();
  private lineHandler: {
    command: string;
    secret: boolean;
    handle: (line: ByteString) => void;
    overlong: () => void;
  } | null = null;
  private account: Account | null = null;
  private selected: SelectedMailbox | null = null;
  private readonly enabled = new Set<string>();
  private authFailures = 0;
  private idling: { withUid: boolean } | null = null;
  /** The command being run, for the policy of what updates may go with its completion. */
  private running: ImapCommand | null = null;
  /** STARTTLS answered: TLS starts once its tagged OK is written. */
  private tlsPending = false;
  /** The state when the current command arrived, reported with its completion. */
  private commandStateBefore: ImapState = 'Not Authenticated';

  constructor(
    private readonly server: ServerContext,
    private readonly io: SessionIO,
  ) {
    this.reader = new LineReader(server.limits.maxLineBytes);
  }

  get state(): ImapState {
    return this.currentState;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get user(): string | null {
    return this.account?.user ?? null;
  }

  /** The mailbox this session has selected, if any. */
  get selectedMailbox(): string | null {
    return this.selected?.mailbox.name ?? null;
  }

  start(): void {
    this.untagged(`OK [CAPABILITY ${this.capabilities().join(' ')}] POP vs IMAP Lab IMAP server ready`);
  }

  receive(bytes: ByteString): void {
    if (this.isClosed) return;
    this.reader.push(bytes);
    while (!this.isClosed) {
      if (this.assembly.awaitingLiteral) {
        if (!this.assembly.readLiteral(this.reader)) return;
        continue;
      }
      const line = this.reader.readLine();
      if (line === null) return;
      if (line === LINE_TOO_LONG) {
        this.lineTooLong();
        continue;
      }
      if (this.lineHandler && !this.assembly.inProgress) {
        const { handle, command, secret } = this.lineHandler;
        this.lineHandler = null;
        this.emit({
          direction: 'c2s',
          raw: line + '\r\n',
          masked: secret ? '********\r\n' : undefined,
          command,
          explanation: secret
            ? `answer the login challenge (base64, which is not encryption: ${whoCanRead(explainContextOf(this.io).tls, 'it')})`
            : 'end IDLE (DONE), to send another command',
          stateAfter: this.currentState,
        });
        handle(line);
        continue;
      }
      this.acceptLine(line);
    }
  }

  disconnect(): void {
    this.shutdown();
  }

  /**
   * The server is shutting down (a restart): untagged BYE, then the connection closes (RFC 9051
   * §7.1.5, RFC 3501 §7.1.5: BYE is sent when the server is about to close the connection).
   * Nothing else changes: what the session has not committed (a pending EXPUNGE) stays as it is.
   */
  serverShutdown(): void {
    if (this.isClosed) return;
    this.untagged('BYE Server shutting down');
    this.shutdown();
    this.io.close();
  }

  timeout(): void {
    if (this.isClosed) return;
    this.untagged('BYE Autologout; idle for too long');
    this.shutdown();
    this.io.close();
  }

  /** A line of a command: complete it, or wait for the literal it announces. */
  private acceptLine(line: ByteString): void {
    const { maxLineBytes } = this.server.limits;
    const maxLiteralBytes = this.account
      ? this.server.limits.maxLiteralBytes
      : Math.min(this.server.limits.maxLiteralBytes, PRE_AUTH_LITERAL_BYTES);
    const step = this.assembly.acceptLine(line, { maxLiteralBytes, maxLineBytes });
    if (step.kind === 'command') return this.handleCommand(step.text);
    if (step.kind === 'reject') return this.rejectWhole(step.text, step.status, step.code, step.message);
    if (step.kind === 'continue') this.write('+ Ready for literal data\r\n', { outcome: 'continue' });
  }

  private lineTooLong(): void {
    const text = `Line too long (limit ${this.server.limits.maxLineBytes} octets)`;
    this.emit({
      direction: 'c2s',
      raw: '',
      stateAfter: this.currentState,
      explanation: 'a line over the limit',
    });
    if (this.lineHandler && !this.assembly.inProgress) {
      // The line belongs to a command that waits for it (IDLE's DONE, AUTHENTICATE's response):
      // that command ends now with its tagged reply, so the client is never left waiting.
      const { overlong } = this.lineHandler;
      this.lineHandler = null;
      return overlong();
    }
    // Answer with the tag whenever it can be read, or the client waits for ever (RFC 9051 §2.2.2).
    const tag = this.assembly.inProgress
      ? tagOf(this.assembly.firstLine)
      : tagOfOverlong(this.reader.overlongHead);
    this.assembly.reset();
    this.lineHandler = null;
    this.writeTagged(tag ?? '*', 'BAD', undefined, text);
  }

  /** Answers a whole command with one status, without running it. */
  private rejectWhole(text: ByteString, status: 'NO' | 'BAD', code: string, message: string): void {
    this.emit({ direction: 'c2s', raw: text + '\r\n', stateAfter: this.currentState });
    this.writeTagged(tagOf(text) ?? '*', status, code, message);
  }

  private handleCommand(text: ByteString): void {
    const stateBefore = this.currentState;
    this.commandStateBefore = stateBefore;
    const [tag = '', first = ''] = text.split(' ', 2);
    const validTag = isValidTag(tag);
    let name = first.toUpperCase();
    let restStart = tag.length + 1 + first.length + 1;
    if (name === 'UID') {
      const second = text.slice(restStart).split(' ', 1)[0] ?? '';
      name = `UID ${second.toUpperCase()}`;
      restStart += second.length + 1;
    }
    const rest = text.slice(restStart);
    const command = validTag ? IMAP_COMMANDS.get(name) : undefined;
    const event = {
      direction: 'c2s' as const,
      raw: text + '\r\n',
      command: command?.name,
      rfc: command?.rfc,
      stateAfter: stateBefore,
    };

    if (!validTag) {
      this.emit(event);
      return this.writeTagged(
        '*',
        'BAD',
        undefined,
        text.trim() === '' ? 'Empty command line' : 'Invalid tag',
      );
    }
    if (!command) {
      this.emit(event);
      const shown = printable(name || '(none)', 30);
      return this.writeTagged(tag, 'BAD', undefined, first ? `Unknown command: ${shown}` : 'Missing command');
    }

    let args: unknown;
    try {
      args = command.parse(new ArgReader(tokenize(rest), { enabled: this.enabled }));
    } catch (error) {
      this.emit({ ...event, masked: masked(command, tag, name, rest) });
      return this.finish(tag, command, toImapError(error, this.io));
    }
    // The explanation and masked form are made only when someone listens.
    if (this.io.event)
      this.emit({
        ...event,
        masked: masked(command, tag, name, rest),
        explanation: command.explain(args, {
          ...explainContextOf(this.io),
          readOnly: this.selected?.readOnly ?? false,
        }),
      });
    if (!command.states.includes(this.currentState)) {
      const why =
        command.states.includes('Selected') && this.currentState === 'Authenticated'
          ? 'No mailbox selected'
          : `${command.name} is not valid in the ${this.currentState} state`;
      return this.finish(tag, command, new ImapError('BAD', why));
    }

    // Keywords another session created are announced before this command's responses can show
    // them (RFC 9051 §7.3.5); FLAGS, unlike EXPUNGE, may be sent with any command (§7.5.1).
    if (this.selected && command.updates !== 'none')
      for (const line of this.selected.keywordAnnouncement()) this.untagged(line);
    this.running = command;
    let result: ImapOk | 'pending' | ImapError;
    try {
      result = command.run(this.context(tag, command), args);
    } catch (error) {
      result = toImapError(error, this.io);
    }
    if (result !== 'pending') this.finish(tag, command, result);
  }

  /** Reports allowed updates, then writes the tagged completion. */
  private finish(tag: string, command: ImapCommand, result: ImapOk | ImapError): void {
    this.running = null;
    if (this.isClosed) return;
    this.flushUpdates(command.updates ?? 'all', command.name.startsWith('UID '));
    for (const line of extensionPendingLines(this)) this.untagged(line);
    if (result instanceof ImapError)
      this.writeTagged(tag, result.status, result.code, result.text, command.name);
    else this.writeTagged(tag, 'OK', result.code, result.text ?? `${command.name} completed`, command.name);
    if (this.currentState === 'Logout') {
      this.shutdown();
      this.io.close();
    }
    if (this.tlsPending) {
      // RFC 9051 §6.2.1: TLS begins right after this CRLF; nothing pipelined before it counts.
      this.tlsPending = false;
      this.reader.clear();
      this.io.security?.startTls?.();
    }
  }

  /**
   * What the server advertises now (RFC 9051 §6.1.1): STARTTLS where TLS can start and is not
   * active (§6.2.1); LOGINDISABLED, and no AUTH=PLAIN, where a password may not travel (§6.2.3).
   */
  private capabilities(): string[] {
    if (this.account) return [...CAPABILITIES];
    const security = this.io.security;
    const tls = security?.tlsAvailable && !security.tlsActive ? ['STARTTLS'] : [];
    if (this.plainAuthAllowed())
      return [...CAPABILITIES, ...tls, ...PRE_AUTH_CAPABILITIES.slice(CAPABILITIES.length)];
    return [...CAPABILITIES, ...tls, 'LOGINDISABLED', 'SASL-IR'];
  }

  private plainAuthAllowed(): boolean {
    const security = this.io.security;
    if (security?.tlsActive) return true;
    return (security?.loopback ?? true) && this.server.plainAuthOnLoopback;
  }

  private flushUpdates(policy: ImapCommand['updates'], withUid: boolean, flags = true): void {
    if (!this.selected || policy === 'none') return;
    const uid = withUid || (selectedUpdateRule(this)?.withUid ?? false);
    const options = { rev2: this.rev2, withUid: uid, enabled: this.enabled, flags };
    for (const line of this.selected.flush(policy ?? 'all', options)) this.untagged(line);
  }

  /**
   * A change arrived from another session, or an extension holds lines for this one: with no
   * command in progress (RFC 3501 §5.3), an idling client hears of the selected mailbox's changes
   * at once, or as an extension's rule says (NOTIFY, RFC 5465 §4), and extensions' lines follow.
   * Otherwise they wait for the running command's completion.
   */
  private wake(): void {
    if (this.isClosed || this.running || this.assembly.inProgress || (this.lineHandler && !this.idling))
      return;
    const rule = selectedUpdateRule(this);
    if (!rule) {
      if (this.idling) this.flushUpdates('all', this.idling.withUid);
    } else if (rule.push !== 'none') {
      this.flushUpdates(rule.push === 'all' || this.idling ? 'all' : 'no-expunge', false, rule.flags);
    }
    for (const line of extensionPendingLines(this)) this.untagged(line);
  }

  private get rev2(): boolean {
    return this.enabled.has('IMAP4REV2');
  }

  private context(tag: string, command: ImapCommand): ImapContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context is a narrow view of this session
    const session = this;
    const context: ImapContext = {
      server: this.server,
      tag,
      origin: this,
      get state() {
        return session.currentState;
      },
      get account() {
        return session.account;
      },
      get selected() {
        return session.selected;
      },
      enabled: this.enabled,
      get rev2() {
        return session.rev2;
      },
      untagged: (text) => this.untagged(text),
      continuation: (text) => this.write(`+ ${text}\r\n`, { outcome: 'continue', command: command.name }),
      login: (account) => {
        this.account = account;
        this.currentState = 'Authenticated';
      },
      enable: (capability) => {
        const name = capability.toUpperCase();
        if (this.enabled.has(name)) return;
        this.enabled.add(name);
        // Extensions hear of it once, when it first turns on (RFC 7162 §3.1: HIGHESTMODSEQ).
        capabilityEnabled(context, name);
      },
      selectMailbox: (mailbox, readOnly) => {
        this.selected?.close();
        this.selected = new SelectedMailbox(mailbox, readOnly, this, () => this.wake());
        this.currentState = 'Selected';
        return this.selected;
      },
      deselect: () => {
        this.selected?.close();
        this.selected = null;
        this.currentState = 'Authenticated';
      },
      failAuth: (text) => {
        this.authFailures++;
        if (this.authFailures >= this.server.limits.maxAuthFailures) {
          this.untagged('BYE Too many failed logins');
          this.currentState = 'Logout';
        }
        throw new ImapError('NO', text, 'AUTHENTICATIONFAILED');
      },
      expectLine: (handle, overlong) => {
        const tooLong = () =>
          this.finish(
            tag,
            command,
            new ImapError('BAD', `Line too long (limit ${this.server.limits.maxLineBytes} octets)`),
          );
        this.lineHandler = {
          command: command.name,
          secret: command.name === 'AUTHENTICATE',
          handle,
          overlong: overlong ?? tooLong,
        };
      },
      complete: (result) => this.finish(tag, command, result),
      logout: () => {
        this.currentState = 'Logout';
      },
      capabilities: () => this.capabilities(),
      security: this.io.security,
      plainAuthAllowed: () => this.plainAuthAllowed(),
      startTls: () => {
        this.tlsPending = true;
      },
      setIdling: (on) => {
        this.idling = on ? { withUid: false } : null;
        this.running = on ? null : command;
        if (on) this.flushUpdates('all', false);
        if (on) for (const line of extensionPendingLines(this)) this.untagged(line);
      },
      wake: () => this.wake(),
      parseFetchItems: (items) => parseFetchItems([{ type: 'list', items }]),
    };
    return context;
  }

  private shutdown(): void {
    this.selected?.close();
    this.selected = null;
    if (!this.isClosed) closeSession(this);
    this.isClosed = true;
    this.reader.clear();
  }

  private untagged(text: ByteString): void {
    this.write(`* ${text}\r\n`, { outcome: text.startsWith('BYE') ? 'bye' : 'untagged' });
  }

  private writeTagged(
    tag: string,
    status: 'OK' | 'NO' | 'BAD',
    code: string | undefined,
    text: string,
    command?: string,
  ): void {
    const outcome: Outcome = status === 'OK' ? 'ok' : status === 'NO' ? 'no' : 'bad';
    const authFailed = code === 'AUTHENTICATIONFAILED' || undefined;
    if (authFailed) this.io.authFailed?.();
    const stateBefore = command ? this.commandStateBefore : undefined;
    this.write(`${tag} ${status} ${code ? `[${code}] ` : ''}${text}\r\n`, {
      outcome,
      command,
      authFailed,
      stateBefore,
    });
  }

  private write(
    raw: ByteString,
    meta: { outcome: Outcome; command?: string; authFailed?: boolean; stateBefore?: string },
  ): void {
    if (this.isClosed) return;
    this.io.write(raw);
    // The event is built only when someone listens: a FETCH of 10,000 messages writes 10,000 lines.
    if (this.io.event) this.emit({ direction: 's2c', raw, ...meta, stateAfter: this.currentState });
  }

  private emit(
    event: Omit<SessionEvent, 'protocol' | 'bytes' | 'stateBefore'> & { stateBefore?: string },
  ): void {
    if (!this.io.event) return;
    this.io.event({
      ...event,
      protocol: 'imap',
      bytes: event.raw.length,
      stateBefore: event.stateBefore ?? event.stateAfter,
    });
  }
}
