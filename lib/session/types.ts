import type { MailStore } from '../mailstore/store';
import type { ByteString } from '../wire/bytes';

export type Protocol = 'pop3' | 'imap' | 'smtp';
export type Direction = 'c2s' | 's2c';

/** How a server response ended, for colouring and for tests. */
export type Outcome = 'ok' | 'err' | 'no' | 'bad' | 'bye' | 'untagged' | 'continue';

/**
 * One unit on the wire: a client command (with any literals) or one server response (a status
 * line, an untagged response, or a whole POP3 multi-line response). The UI and the simulator
 * read these; nothing in the engine depends on anyone listening.
 */
export interface SessionEvent {
  readonly protocol: Protocol;
  readonly direction: Direction;
  /** The exact bytes, CRLF included. */
  readonly raw: ByteString;
  /** `raw` with passwords masked, for display; absent when nothing needed masking. */
  readonly masked?: ByteString;
  readonly bytes: number;
  /** The command this event belongs to, e.g. `RETR`, `UID FETCH`. */
  readonly command?: string;
  /** Protocol state before and after this unit (e.g. `AUTHORIZATION` → `TRANSACTION`). */
  readonly stateBefore: string;
  readonly stateAfter: string;
  /** Plain-English explanation of a command, e.g. "download message 2 in full". */
  readonly explanation?: string;
  /** Where the behaviour is specified, e.g. `RFC 1939 §5`. */
  readonly rfc?: string;
  readonly outcome?: Outcome;
  /** True on the reply to a failed login: the TCP wrapper holds such replies back a while. */
  readonly authFailed?: boolean;
}

/** What a session needs from the connection it runs on. */
export interface SessionIO {
  /** Bytes to the client. */
  write(bytes: ByteString): void;
  /** The server closes the connection (after QUIT/LOGOUT, or on a fatal error). */
  close(): void;
  /**
   * Optional observer of every wire unit. Leave it out when nobody reads events: the session
   * then builds none (building one per untagged response is a large share of a big FETCH).
   */
  event?(event: SessionEvent): void;
  /**
   * A failed login's reply is about to be written (the `authFailed` of its event): the TCP
   * wrapper holds such replies back a while, to slow password guessing.
   */
  authFailed?(): void;
  /** A handler threw something other than a protocol error: a server bug (tests fail on it). */
  bug?(error: unknown): void;
  /**
   * What the connection knows of its own security, set by the TCP wrapper. Absent (the
   * in-process loopback): the peer counts as on this machine, and TLS is neither available nor
   * active.
   */
  readonly security?: ConnectionSecurity;
  /**
   * The client's IP address as the connection sees it: the TCP-info an SMTP server writes in its
   * `Received:` line (RFC 5321 §4.4). Absent when unknown (an in-process connection that names
   * none).
   */
  readonly peerAddress?: PeerAddress;
}

/** An IP address and its family (an IPv4-mapped IPv6 address is given as IPv4). */
export interface PeerAddress {
  readonly family: 'IPv4' | 'IPv6';
  /** Dotted quad for IPv4 (`192.0.2.7`), RFC 5952 text for IPv6 (`2001:db8::1`). */
  readonly address: string;
}

/**
 * The hook between a session and the TLS layer of its connection. SMTP reads it to decide
 * whether to advertise STARTTLS (RFC 3207 §3) and whether AUTH is allowed yet (RFC 4954 §4);
 * the wrapper that adds TLS sets `tlsAvailable` and implements `startTls`.
 */
export interface ConnectionSecurity {
  /** The peer is on this machine (127.0.0.0/8 or ::1). */
  readonly loopback: boolean;
  /** TLS can be started on this connection (a certificate is loaded): STARTTLS is offered. */
  readonly tlsAvailable: boolean;
  /** The connection is encrypted now (implicit TLS, or after STARTTLS). */
  readonly tlsActive: boolean;
  /**
   * Called by the session right after it wrote its "ready to start TLS" reply: the wrapper
   * starts the handshake on the bytes that follow. The session has already forgotten
   * everything it learned before (RFC 3207 §4.2).
   */
  startTls?(): void;
}

/** Limits that keep one client from exhausting the server; all explicit and tested. */
export interface Limits {
  /**
   * Longest IMAP command line accepted, in octets before the CRLF; literals are counted apart
   * ({@link maxLiteralBytes}). 64 KiB, as Dovecot (`imap_max_line_length`); RFC 7162 §4 asks for
   * at least 8,192 octets, and clients send more (a SEARCH or FETCH naming many UIDs, an ID).
   */
  maxLineBytes: number;
  /**
   * Longest POP3 command line accepted, in octets before the CRLF. RFC 2449 §4 lets clients send
   * up to 255 octets including the CRLF; we accept far more (8 KiB), and answer `-ERR` beyond.
   */
  maxPop3LineBytes: number;
  /** Largest IMAP literal accepted (APPEND message size), in octets. */
  maxLiteralBytes: number;
  /** Failed authentications before the server drops the connection. */
  maxAuthFailures: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxLineBytes: 64 * 1024,
  maxPop3LineBytes: 8 * 1024,
  maxLiteralBytes: 10 * 1024 * 1024,
  maxAuthFailures: 3,
};

/** What every session shares: the store (which has the clock), limits and a host name. */
export interface ServerContext {
  readonly store: MailStore;
  readonly limits: Limits;
  /** The name the greeting uses, e.g. `popvsimap.lab`. */
  readonly hostname: string;
  /** A new number per connection: unique, and reproducible for the same run. */
  nextConnectionId(): number;
  /**
   * Teaching option: SMTP submission accepts AUTH without TLS when the peer is on this machine
   * ({@link ConnectionSecurity.loopback}, or the in-process loopback). RFC 4954 §4 wants TLS
   * first, and from any other peer AUTH before TLS is always refused (`530 5.7.0`).
   * Default true; false refuses it on loopback too.
   */
  readonly plainAuthOnLoopback: boolean;
  /**
   * Fills `bytes` with unpredictable octets (URLAUTH's mailbox access keys, RFC 4467 §2.2).
   * Injected like the clock, so a run can be reproduced; by default the platform's CSPRNG,
   * `globalThis.crypto.getRandomValues` (the browser and Node 20 both have it).
   */
  readonly random: (bytes: Uint8Array) => void;
}

export interface ServerContextOptions {
  limits?: Partial<Limits>;
  hostname?: string;
  /** See {@link ServerContext.plainAuthOnLoopback}; default true. */
  plainAuthOnLoopback?: boolean;
  /** See {@link ServerContext.random}; default `globalThis.crypto.getRandomValues`. */
  random?: (bytes: Uint8Array) => void;
}

export function createServerContext(store: MailStore, options: ServerContextOptions = {}): ServerContext {
  let connections = 0;
  return {
    store,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    hostname: options.hostname ?? 'popvsimap.lab',
    nextConnectionId: () => ++connections,
    plainAuthOnLoopback: options.plainAuthOnLoopback ?? true,
    random: options.random ?? ((bytes) => void globalThis.crypto.getRandomValues(bytes)),
  };
}

/** A server-side protocol session over one connection. Never throws on client input. */
export interface ServerSession {
  readonly protocol: Protocol;
  /** Human name of the current state, e.g. `TRANSACTION` or `Selected`. */
  readonly state: string;
  readonly closed: boolean;
  /** Sends the greeting. */
  start(): void;
  /** Bytes from the client, in any chunking. */
  receive(bytes: ByteString): void;
  /** The connection dropped (client gone, network lost): nothing is committed, locks are freed. */
  disconnect(): void;
  /** The idle timer fired (POP3 RFC 1939 §3, IMAP autologout RFC 9051 §5.4). */
  timeout(): void;
  /** Idle time after which the wrapper should call {@link timeout}, in ms. */
  readonly idleTimeoutMs: number;
}
