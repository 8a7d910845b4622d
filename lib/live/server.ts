/**
 * Node only: the engine's sessions on loopback TCP, so real clients (curl, Python, Thunderbird,
 * imapflow) can talk to the lab. Nothing else in lib/ imports this file.
 */
import net from 'node:net';
import { ImapSession } from '../imap/session';
import type { MailStore } from '../mailstore/store';
import { Pop3Session } from '../pop3/session';
import { SmtpSession } from '../smtp/session';
import {
  createServerContext,
  type Limits,
  type ServerContext,
  type ServerSession,
  type SessionEvent,
} from '../session/types';
import {
  AddressLimit,
  CommandTimer,
  DEFAULT_MAX_SESSIONS_PER_ADDRESS,
  DEFAULT_PRE_LOGIN_TIMEOUT_MS,
} from './slow-clients';

export interface LiveServerOptions {
  store: MailStore;
  host?: string;
  /** 0 picks a free port. */
  pop3Port?: number;
  imapPort?: number;
  /**
   * SMTP submission (RFC 6409); undefined: no SMTP listener. `npm run mail-server` and
   * `npm start` pass 1587 unless told otherwise.
   */
  smtpPort?: number;
  /** Needed to listen on anything but loopback: the lab sends passwords in plain text. */
  allowRemote?: boolean;
  /** Connections per listener; more are refused with -ERR / BYE. */
  maxSessions?: number;
  /**
   * Connections one peer address may hold at once over all listeners; more are refused as above.
   * Default: DEFAULT_MAX_SESSIONS_PER_ADDRESS (20) with `allowRemote`, no cap on loopback only.
   */
  maxSessionsPerAddress?: number;
  /** Before login, the idle timeout in ms (DEFAULT_PRE_LOGIN_TIMEOUT_MS, 60 s; lib/live/slow-clients.ts). */
  preLoginTimeoutMs?: number;
  /** How long a failed login's reply is held back, in ms (slows password guessing). */
  authFailureDelayMs?: number;
  limits?: Partial<Limits>;
  /** Every wire unit of every session, with the connection it belongs to. */
  onEvent?: (event: SessionEvent, connection: LiveConnectionInfo) => void;
  /** A connection ended (either side). */
  onClose?: (connection: LiveConnectionInfo) => void;
  /** Overrides the idle timeouts (tests); otherwise each protocol's own. */
  idleTimeoutMs?: number;
}

/** The protocols the live server speaks. */
export type LiveProtocol = 'pop3' | 'imap' | 'smtp';

export interface LiveConnectionInfo {
  readonly id: number;
  readonly protocol: LiveProtocol;
  readonly remoteAddress: string;
  readonly remotePort: number;
}

export interface Listener {
  readonly protocol: LiveProtocol;
  readonly host: string;
  readonly port: number;
}

export interface LiveServer {
  readonly listeners: readonly Listener[];
  readonly context: ServerContext;
  /** Open connections right now. */
  readonly connections: () => number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_SESSIONS = 500;
export const DEFAULT_AUTH_FAILURE_DELAY_MS = 1000;
/** Replies are sent when a chunk of input has been handled, or as soon as this many octets wait. */
export const WRITE_CHUNK_BYTES = 64 * 1024;

export function isLoopback(host: string): boolean {
  // An IPv4 peer on a dual-stack socket shows as ::ffff:127.0.0.1.
  if (host.startsWith('::ffff:')) host = host.slice(7);
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host}: passwords travel in plain text. Use --allow-remote to insist.`,
    );
  }
  const context = createServerContext(options.store, { limits: options.limits });
  const open = new Set<net.Socket>();
  let nextId = 0;
  const perAddress = new AddressLimit(
    options.maxSessionsPerAddress ?? (options.allowRemote ? DEFAULT_MAX_SESSIONS_PER_ADDRESS : Infinity),
  );

  const listen = (protocol: LiveProtocol, port: number) =>
    new Promise<{ server: net.Server; listener: Listener }>((resolve, reject) => {
      let count = 0;
      const server = net.createServer((socket) => {
        const info: LiveConnectionInfo = {
          id: ++nextId,
          protocol,
          remoteAddress: socket.remoteAddress ?? '',
          remotePort: socket.remotePort ?? 0,
        };
        if (
          count >= (options.maxSessions ?? DEFAULT_MAX_SESSIONS) ||
          !perAddress.tryAdd(info.remoteAddress)
        ) {
          socket.end(
            protocol === 'pop3'
              ? '-ERR [SYS/TEMP] Too many connections, try later\r\n'
              : protocol === 'smtp'
                ? '421 4.7.0 Too many connections, try later\r\n'
                : '* BYE Too many connections, try later\r\n',
          );
          return;
        }
        count++;
        open.add(socket);
        socket.once('close', () => {
          count--;
          perAddress.remove(info.remoteAddress);
          open.delete(socket);
          options.onClose?.(info);
        });
        serve(socket, protocol, context, options, info);
      });
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address() as net.AddressInfo;
        resolve({ server, listener: { protocol, host, port: address.port } });
      });
    });

  const pop3 = await listen('pop3', options.pop3Port ?? 1110);
  const imap = await listen('imap', options.imapPort ?? 1143).catch((error) => {
    pop3.server.close();
    throw error;
  });
  const smtp =
    options.smtpPort === undefined
      ? null
      : await listen('smtp', options.smtpPort).catch((error) => {
          pop3.server.close();
          imap.server.close();
          throw error;
        });

  return {
    listeners: [pop3.listener, imap.listener, ...(smtp ? [smtp.listener] : [])],
    context,
    connections: () => open.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        let pending = smtp ? 3 : 2;
        const done = () => --pending === 0 && resolve();
        pop3.server.close(done);
        imap.server.close(done);
        smtp?.server.close(done);
      }),
  };
}

/** One TCP connection driving one engine session. */
function serve(
  socket: net.Socket,
  protocol: LiveProtocol,
  context: ServerContext,
  options: LiveServerOptions,
  info: LiveConnectionInfo,
) {
  let outgoing: string[] = [];
  let outgoingBytes = 0;
  let holdReplies = false;
  /** Failed logins among the held replies: each costs one delay, pipelined or not. */
  let heldFailures = 0;
  let flushScheduled = false;
  let closing = false;
  const delay = options.authFailureDelayMs ?? DEFAULT_AUTH_FAILURE_DELAY_MS;
  const { onEvent } = options;
  // The idle timer restarts only when the session answers something the client sent, i.e. a
  // complete command or line: bytes of a partial line never do (RFC 9051 §5.4, RFC 1939 §3).
  let hearing = false;
  let answered = false;
  const timer = new CommandTimer(
    () => {
      const idle = options.idleTimeoutMs ?? session.idleTimeoutMs;
      if (session.user !== null) return idle;
      return Math.min(idle, options.preLoginTimeoutMs ?? DEFAULT_PRE_LOGIN_TIMEOUT_MS);
    },
    () => session.timeout(),
  );

  const writeOut = () => {
    if (outgoing.length && !socket.destroyed) socket.write(Buffer.from(outgoing.join(''), 'latin1'));
    outgoing = [];
    outgoingBytes = 0;
  };
  const flushNow = () => {
    flushScheduled = false;
    writeOut();
    if (closing) socket.end();
  };
  // Replies are written after the session has handled the whole chunk; a failed login's reply is
  // held back a while (one delay per failure in the chunk), and nothing more is read meanwhile.
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    queueMicrotask(() => {
      if (holdReplies) {
        holdReplies = false;
        const wait = delay * heldFailures;
        heldFailures = 0;
        socket.pause();
        setTimeout(() => {
          flushNow();
          if (!socket.destroyed) socket.resume();
        }, wait);
      } else flushNow();
    });
  };

  const io = {
    write(bytes: string) {
      if (hearing) answered = true;
      outgoing.push(bytes);
      outgoingBytes += bytes.length;
      // A large response (FETCH 1:* of a big mailbox) leaves in pieces as it is made, so its
      // strings die young instead of all surviving, and growing the heap, until it ends.
      if (outgoingBytes >= WRITE_CHUNK_BYTES && !holdReplies) writeOut();
      scheduleFlush();
    },
    close() {
      closing = true;
      scheduleFlush();
    },
    authFailed() {
      holdReplies = true;
      heldFailures++;
    },
    // Sessions build no events when nobody reads them.
    event: onEvent && ((event: SessionEvent) => onEvent(event, info)),
    bug(error: unknown) {
      console.error(`[${protocol}#${info.id}] server bug:`, error);
    },
    // TLS is not offered yet: the wrapper that adds it sets tlsAvailable and startTls.
    security: { loopback: isLoopback(info.remoteAddress), tlsAvailable: false, tlsActive: false },
  };
  const session: ServerSession & { readonly user: string | null } =
    protocol === 'pop3'
      ? new Pop3Session(context, io)
      : protocol === 'smtp'
        ? new SmtpSession(context, io)
        : new ImapSession(context, io);
  socket.setNoDelay(true);
  // The session writes its goodbye (if any) and asks to close; the flush then ends the socket.
  timer.restart();
  socket.on('data', (chunk) => {
    hearing = true;
    answered = false;
    session.receive(chunk.toString('latin1'));
    hearing = false;
    if (answered) timer.restart();
  });
  socket.on('close', () => {
    timer.stop();
    session.disconnect();
  });
  socket.on('error', () => socket.destroy());
  session.start();
}
