/**
 * What the Live page receives from the live hub (hub.ts): each session's view with its recent
 * wire lines, the server's info, and the events streamed over Server-Sent Events. Types only, so
 * the browser's code can import them without the Node-only hub.
 */
import type { StoreSnapshot } from '../mailstore/snapshot';
import type { LiveProtocol } from './server';

export interface LiveLine {
  readonly seq: number;
  readonly direction: 'c2s' | 's2c';
  /**
   * The wire text as shown: passwords masked, at most 4 KiB (display-line.ts). The raw bytes
   * never leave the server process.
   */
  readonly text: string;
  readonly bytes: number;
  readonly command: string | null;
  readonly outcome: string | null;
  readonly state: string;
  readonly explanation: string | null;
  readonly rfc: string | null;
  readonly masked: boolean;
  /** The line crossed the wire inside TLS (implicit-TLS port, or after STARTTLS/STLS). */
  readonly tls: boolean;
}

export interface LiveSessionView {
  readonly id: number;
  readonly protocol: LiveProtocol;
  readonly client: string;
  readonly state: string;
  readonly open: boolean;
  readonly lines: readonly LiveLine[];
  /**
   * An IMAP client between IDLE's "+" and its end (idlingAfter), folded over every line of the
   * session, not only the HISTORY_PER_SESSION lines kept. Absent in older views: fold `lines`.
   */
  readonly idle?: boolean;
  /** The account the session logged in as (already on the wire: LOGIN, USER), null before. */
  readonly user?: string | null;
  /**
   * The class student's number when `user` is a class account (`student03` → 3), else null.
   * Never their display name: the Live page is open to the whole room (docs/CLASSROOM.md).
   */
  readonly student?: number | null;
}

/**
 * What the hub streams to the Live page. Every event has a sequence number from one counter,
 * increasing in the order the events happen (a line's is `line.seq`; `eventSeq` in line-codec.ts), and
 * the state the page fetches says the number of the last event it includes
 * (`LiveHub.lastSeq`), so a page that fetched the state at n applies only the events after n:
 * none twice, none lost, and no store picture older than the state shown over it.
 */
export type LiveEvent =
  | { type: 'line'; session: number; line: LiveLine }
  | { type: 'session'; seq: number; session: LiveSessionView }
  | { type: 'store'; seq: number; store: StoreSnapshot };

export interface LiveInfo {
  readonly running: boolean;
  readonly error: string | null;
  readonly host: string | null;
  readonly pop3Port: number | null;
  readonly imapPort: number | null;
  /** SMTP submission (lib/smtp), null when not listening. */
  readonly smtpPort: number | null;
  /** Implicit-TLS ports (RFC 8314 §3.1–3.3), null when not listening. */
  readonly imapsPort: number | null;
  readonly pop3sPort: number | null;
  readonly submissionsPort: number | null;
  /** The certificate's SHA-256 fingerprint (`AB:CD:…`), null without TLS. */
  readonly tlsFingerprint: string | null;
  /** The certificate was made at start (no CA vouches for it), not given with --tls-cert. */
  readonly tlsSelfSigned: boolean;
  readonly accounts: readonly string[];
  /** Network mode: the trainer's controls need the trainer key (never sent to pages). */
  readonly trainerKeyRequired: boolean;
  /**
   * The server process's memory in octets (`process.memoryUsage()`), for the live benchmark:
   * resident set, V8 heap used and reserved, and memory outside the V8 heap (`external`, of
   * which `arrayBuffers` are Buffers such as socket reads).
   */
  readonly memory: {
    readonly rss: number;
    readonly heapUsed: number;
    readonly heapTotal: number;
    readonly external: number;
    readonly arrayBuffers: number;
  };
}
