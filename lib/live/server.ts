/**
 * Node only: the engine's sessions on loopback TCP, so real clients (curl, Python, Thunderbird,
 * imapflow) can talk to the lab. Nothing else in lib/ imports this file.
 */
import net from 'node:net';
import tls from 'node:tls';
import { ImapSession } from '../imap/session';
import type { MailStore } from '../mailstore/store';
import { Pop3Session } from '../pop3/session';
import { SmtpSession } from '../smtp/session';
import {
  createServerContext,
  type Limits,
  type PeerAddress,
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
import type { LiveCertificate } from './tls';

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
  /**
   * The certificate for TLS; undefined: no TLS at all (no STARTTLS/STLS offered, no implicit-TLS
   * listeners). See lib/live/tls.ts.
   */
  tls?: LiveCertificate;
  /** Implicit-TLS IMAP (RFC 8314 §3.2, "imaps"); undefined or no `tls`: none. 0 picks a free port. */
  imapsPort?: number;
  /** Implicit-TLS POP3 (RFC 8314 §3.1, "pop3s"); undefined or no `tls`: none. */
  pop3sPort?: number;
  /** Implicit-TLS submission (RFC 8314 §3.3, "submissions", 465-style); undefined or no `tls`: none. */
  submissionsPort?: number;
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
  /** Encrypted from the first byte (an implicit-TLS port). */
  readonly implicitTls: boolean;
  /** Encrypted now: an implicit-TLS port, or after STARTTLS/STLS (set by the server). */
  tls: boolean;
  /** The user the session logged in as, or null before login (set by the server before each event). */
  user: string | null;
}

export interface Listener {
  readonly protocol: LiveProtocol;
  /** What the start-up line calls it: POP3, IMAP, SMTP, or with TLS from the first byte POP3S, IMAPS, SUBMISSIONS. */
  readonly name: string;
  /** Implicit TLS (RFC 8314 §3.1–3.3): the handshake comes before the greeting. */
  readonly tls: boolean;
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

/**
 * A peer's address as the sessions take it (`SessionIO.peerAddress`): its family, an IPv4 peer on
 * a dual-stack socket (`::ffff:192.0.2.7`) as IPv4. Undefined if Node gave no IP address.
 */
export function peerAddressOf(remote: string): PeerAddress | undefined {
  const unmapped = /^::ffff:/i.test(remote) ? remote.slice(7) : remote;
  if (net.isIPv4(unmapped)) return { family: 'IPv4', address: unmapped };
  if (net.isIPv6(remote)) return { family: 'IPv6', address: remote.toLowerCase() };
  return undefined;
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

  const listen = (protocol: LiveProtocol, port: number, implicitTls = false) =>
    new Promise<{ server: net.Server; listener: Listener }>((resolve, reject) => {
      let count = 0;
      const accept = (socket: net.Socket) => {
        const info: LiveConnectionInfo = {
          id: ++nextId,
          protocol,
          remoteAddress: socket.remoteAddress ?? '',
          remotePort: socket.remotePort ?? 0,
          implicitTls,
          tls: implicitTls,
          user: null,
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
      };
      const cert = options.tls;
      // An implicit-TLS socket is handed over once its handshake is done; a client that fails it
      // never reaches a session.
      const server =
        implicitTls && cert
          ? tls.createServer({ cert: cert.cert, key: cert.key }, accept)
          : net.createServer(accept);
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address() as net.AddressInfo;
        const name = implicitTls
          ? { pop3: 'POP3S', imap: 'IMAPS', smtp: 'SUBMISSIONS' }[protocol]
          : protocol.toUpperCase();
        resolve({ server, listener: { protocol, name, tls: implicitTls, host, port: address.port } });
      });
    });

  const wanted: [LiveProtocol, number | undefined, boolean][] = [
    ['pop3', options.pop3Port ?? 1110, false],
    ['imap', options.imapPort ?? 1143, false],
    ['smtp', options.smtpPort, false],
    ...(options.tls
      ? ([
          ['pop3', options.pop3sPort, true],
          ['imap', options.imapsPort, true],
          ['smtp', options.submissionsPort, true],
        ] as [LiveProtocol, number | undefined, boolean][])
      : []),
  ];
  const started: { server: net.Server; listener: Listener }[] = [];
  const closeAll = () =>
    Promise.all(started.map(({ server }) => new Promise<void>((done) => server.close(() => done()))));
  for (const [protocol, port, implicitTls] of wanted) {
    if (port === undefined) continue;
    try {
      started.push(await listen(protocol, port, implicitTls));
    } catch (error) {
      await closeAll();
      throw error;
    }
  }

  return {
    listeners: started.map((s) => s.listener),
    context,
    connections: () => open.size,
    close: async () => {
      for (const socket of open) socket.destroy();
      await closeAll();
    },
  };
}

/** One TCP connection driving one engine session. */
function serve(
  plain: net.Socket,
  protocol: LiveProtocol,
  context: ServerContext,
  options: LiveServerOptions,
  info: LiveConnectionInfo,
) {
  // The socket the session speaks through: the plain one, or after STARTTLS/STLS its TLS layer.
  let socket = plain;
  let upgradePending = false;
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
    else if (upgradePending) upgrade();
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

  const peerAddress = peerAddressOf(info.remoteAddress);
  const io = {
    ...(peerAddress ? { peerAddress } : {}),
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
    event:
      onEvent &&
      ((event: SessionEvent) => {
        info.user = session.user;
        onEvent(event, info);
      }),
    bug(error: unknown) {
      console.error(`[${protocol}#${info.id}] server bug:`, error);
    },
    security: {
      loopback: isLoopback(info.remoteAddress),
      tlsAvailable: options.tls !== undefined,
      tlsActive: info.implicitTls,
      // Called right after the session queued its "begin TLS" reply; the flush writes the reply,
      // then upgrades (RFC 9051 §6.2.1, RFC 2595 §4, RFC 3207 §4).
      startTls() {
        if (options.tls && !this.tlsActive) upgradePending = true;
      },
    },
  };
  const hear = (chunk: Buffer) => {
    hearing = true;
    answered = false;
    session.receive(chunk.toString('latin1'));
    hearing = false;
    if (answered) timer.restart();
  };
  // The reply has gone to the plain socket; the TLS layer takes over its handle from here.
  // Anything the client pipelined after the command was dropped by the session, and whatever
  // arrives now is the TLS handshake's (or breaks it): no plain text reaches the TLS session.
  const upgrade = () => {
    upgradePending = false;
    const cert = options.tls!;
    plain.removeListener('data', hear);
    const secure = new tls.TLSSocket(plain, { isServer: true, cert: cert.cert, key: cert.key });
    io.security.tlsActive = true;
    info.tls = true;
    socket = secure;
    secure.setNoDelay(true);
    // The idle timer (CommandTimer) belongs to the session, not the socket, and carries on.
    secure.on('data', hear);
    secure.on('error', () => secure.destroy());
    secure.on('close', () => plain.destroy());
  };
  const session: ServerSession & { readonly user: string | null } =
    protocol === 'pop3'
      ? new Pop3Session(context, io)
      : protocol === 'smtp'
        ? new SmtpSession(context, io)
        : new ImapSession(context, io);
  plain.setNoDelay(true);
  // The session writes its goodbye (if any) and asks to close; the flush then ends the socket.
  timer.restart();
  plain.on('data', hear);
  plain.on('close', () => {
    timer.stop();
    session.disconnect();
  });
  plain.on('error', () => plain.destroy());
  session.start();
}
