/**
 * Node only. The live lab: the loopback mail server that `npm start` runs beside the app, one
 * shared store, and what the Live page needs to watch it: every session with its recent wire
 * units (passwords masked), and a feed of events for Server-Sent Events. Everything kept here
 * is bounded.
 */
import { idlingAfter } from '../imap/idling';
import { randomBytes } from 'node:crypto';
import { MailStoreError } from '../mailstore/account';
import { seedAccount } from '../mailstore/seed';
import { snapshotStore, type StoreSnapshot } from '../mailstore/snapshot';
import { MailStore } from '../mailstore/store';
import { clearOutbox } from '../smtp/outbox';
import { smtpStateWords } from '../smtp/state-words';
import type { SessionEvent } from '../session/types';
import { AfterLoadCollector } from './after-load';
import { classStudentNumber } from './classroom/live-labels';
import { displayLine } from './display-line';
import { EventFeed } from './event-feed';
import { startLiveServer, type LiveConnectionInfo, type LiveProtocol, type LiveServer } from './server';
import type { LiveEvent, LiveInfo, LiveLine, LiveSessionView } from './view-types';
import { certificateFromFiles, selfSignedCertificate, type LiveCertificate } from './tls';

/** Wire units kept per session for pages that connect later. */
export const HISTORY_PER_SESSION = 100;
/** Closed sessions kept for display. */
export const CLOSED_SESSIONS_KEPT = 50;
/** Accounts the store may hold, the seeded `student` included (the trainer adds the rest). */
export const MAX_ACCOUNTS = 128;
/** Each account's quota, in octets: APPEND and delivery beyond it are refused (OVERQUOTA). */
export const ACCOUNT_QUOTA_BYTES = 512 * 1024;
/** Messages the trainer may deliver into one INBOX. */
export const MAX_DELIVERED_PER_INBOX = 200;
/** Class accounts (`student01` …, lib/live/classroom), counted apart from MAX_ACCOUNTS. */
export const MAX_CLASS_ACCOUNTS = 200;
/** The account the store is seeded with, which reset keeps. */
export const SEED_USER = 'student';

interface SessionRecord {
  id: number;
  protocol: LiveProtocol;
  client: string;
  state: string;
  open: boolean;
  lines: LiveLine[];
  idle: boolean;
  user: string | null;
  student: number | null;
}

export class LiveHub {
  readonly store = new MailStore();
  private server: LiveServer | null = null;
  private error: string | null = null;
  private certificate: LiveCertificate | null = null;
  private readonly sessions = new Map<number, SessionRecord>();
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private seq = 0;
  private storeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The class's students' accounts: seeded like `student`, kept (and reseeded) by reset. */
  private readonly classAccounts = new Set<string>();
  /** Collects the garbage a crowd leaves once the room falls quiet (after-load.ts). */
  readonly afterLoad = new AfterLoadCollector();
  /**
   * The key the trainer's controls require (network mode), or null on loopback. Printed at
   * start; the page sends it in a header, never in a URL.
   */
  readonly trainerKey: string | null;

  constructor(options: { trainerKey?: string | null } = {}) {
    this.trainerKey = options.trainerKey ?? null;
    seedAccount(this.store.addAccount(SEED_USER, 'secret', { quotaBytes: ACCOUNT_QUOTA_BYTES }));
  }

  async start(options: {
    host: string;
    pop3Port: number;
    imapPort: number;
    smtpPort?: number;
    imapsPort?: number;
    pop3sPort?: number;
    submissionsPort?: number;
    /** PEM files of a real certificate and key; otherwise a self-signed one (lib/live/tls.ts). */
    tlsCert?: string;
    tlsKey?: string;
    /** Listen on a host other than loopback (classroom mode; lib/live/server.ts). */
    allowRemote?: boolean;
  }): Promise<void> {
    try {
      this.certificate =
        options.tlsCert && options.tlsKey
          ? await certificateFromFiles(options.tlsCert, options.tlsKey)
          : await selfSignedCertificate();
      this.server = await startLiveServer({
        store: this.store,
        host: options.host,
        pop3Port: options.pop3Port,
        imapPort: options.imapPort,
        smtpPort: options.smtpPort,
        imapsPort: options.imapsPort,
        pop3sPort: options.pop3sPort,
        submissionsPort: options.submissionsPort,
        tls: this.certificate,
        allowRemote: options.allowRemote ?? false,
        onEvent: (event, connection) => this.record(event, connection),
        onClose: (connection) => this.closed(connection.id),
      });
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
    this.afterLoad.stop();
  }

  info(): LiveInfo {
    const listener = (p: LiveProtocol, tls = false) =>
      this.server?.listeners.find((l) => l.protocol === p && l.tls === tls) ?? null;
    return {
      running: this.server !== null,
      error: this.error,
      host: listener('imap')?.host ?? null,
      pop3Port: listener('pop3')?.port ?? null,
      imapPort: listener('imap')?.port ?? null,
      smtpPort: listener('smtp')?.port ?? null,
      imapsPort: listener('imap', true)?.port ?? null,
      pop3sPort: listener('pop3', true)?.port ?? null,
      submissionsPort: listener('smtp', true)?.port ?? null,
      tlsFingerprint: this.server && this.certificate ? this.certificate.fingerprint256 : null,
      tlsSelfSigned: this.certificate?.selfSigned ?? false,
      accounts: [...this.store.accounts.keys()],
      trainerKeyRequired: this.trainerKey !== null,
      memory: memoryNow(),
    };
  }

  /**
   * The sequence number of the latest event (0 before any): the state read now (`sessionViews`,
   * `snapshot`) includes every event up to it and none after.
   */
  get lastSeq(): number {
    return this.seq;
  }

  sessionViews(): LiveSessionView[] {
    return [...this.sessions.values()].map(view);
  }

  snapshot(): StoreSnapshot {
    return snapshotStore(this.store);
  }

  /** The event stream's batches, encoded once for all open pages (event-feed.ts). */
  readonly feed = new EventFeed(this);

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Trainer: back to the seed: accounts added since are removed (their open sessions keep an
   * orphaned mailbox until they log out), `student` and the class accounts get the seed mailbox again, and the SMTP
   * outbox is emptied.
   */
  reset(): void {
    for (const account of [...this.store.accounts.values()]) {
      for (const box of account.mailboxes.values()) box.expunge([...box.messages]);
      if (account.user === SEED_USER || this.classAccounts.has(account.user)) {
        for (const raw of snapshotSeed()) account.inbox.append(raw.raw, [], raw.date);
      } else {
        this.store.accounts.delete(account.user);
      }
    }
    clearOutbox(this.store);
    this.publishStore();
  }

  /** Trainer: add an account (user names are letters, digits, dot, dash, underscore). */
  addAccount(user: string, password: string): void {
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(user))
      throw new Error('User names are 1–32 letters, digits, dots, dashes or underscores.');
    if (!/^[\x21-\x7e]{1,64}$/.test(password))
      throw new Error('Passwords are 1–64 printable characters without spaces.');
    if (this.store.getAccount(user)) throw new Error(`The account "${user}" exists already.`);
    if (this.store.accounts.size - this.classAccounts.size >= MAX_ACCOUNTS)
      throw new Error(`The lab holds at most ${MAX_ACCOUNTS} accounts: reset the store to start again.`);
    const account = this.store.addAccount(user, password, { quotaBytes: ACCOUNT_QUOTA_BYTES });
    for (const name of ['Sent', 'Drafts', 'Trash'] as const) account.createMailbox(name, `\\${name}`);
    this.publishStore();
  }

  /**
   * Classroom: a student's own account, seeded like `student` (the same six messages, Sent,
   * Drafts, Trash). At most MAX_CLASS_ACCOUNTS; throws an Error with a message otherwise, or when
   * the name is taken.
   */
  addClassAccount(user: string, password: string): void {
    if (this.store.getAccount(user)) throw new Error(`The account "${user}" exists already.`);
    if (this.classAccounts.size >= MAX_CLASS_ACCOUNTS)
      throw new Error(`The lab holds at most ${MAX_CLASS_ACCOUNTS} class accounts.`);
    seedAccount(this.store.addAccount(user, password, { quotaBytes: ACCOUNT_QUOTA_BYTES }));
    this.classAccounts.add(user);
    this.publishStore();
  }

  /**
   * Trainer: new mail arrives, as if from an MTA. Refused (Error with a message for the trainer)
   * past MAX_DELIVERED_PER_INBOX messages or the account's quota.
   */
  deliver(user: string, from: string, subject: string, text: string): void {
    const inbox = this.store.getAccount(user)?.inbox;
    if (inbox && inbox.messages.length >= MAX_DELIVERED_PER_INBOX)
      throw new Error(`${user}'s INBOX holds ${MAX_DELIVERED_PER_INBOX} messages already.`);
    const clean = (s: string, max: number) => s.replace(/[\r\n]+/g, ' ').slice(0, max);
    const raw = [
      `From: ${clean(from, 200)}`,
      `To: ${user}@popvsimap.lab`,
      `Subject: ${clean(subject, 200)}`,
      `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <live.${Date.now()}.${this.seq}@popvsimap.lab>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      ...text.slice(0, 10_000).split(/\r?\n/),
      '',
    ].join('\r\n');
    // UTF-8 text as the byte string the engine stores.
    try {
      this.store.deliver(user, Buffer.from(raw, 'utf8').toString('latin1'));
    } catch (error) {
      if (error instanceof MailStoreError && error.code === 'OVERQUOTA')
        throw new Error(`${user}'s mailbox is full (quota ${ACCOUNT_QUOTA_BYTES / 1024} KiB).`);
      throw error;
    }
    this.publishStore();
  }

  private record(event: SessionEvent, connection: LiveConnectionInfo): void {
    let session = this.sessions.get(connection.id);
    const isNew = !session;
    // SMTP's states are the engine's names; the page shows them in words (smtpStateWords).
    const shownState = (state: string) => (connection.protocol === 'smtp' ? smtpStateWords(state) : state);
    if (!session) {
      session = {
        id: connection.id,
        protocol: connection.protocol,
        client: `${connection.remoteAddress}:${connection.remotePort}`,
        state: shownState(event.stateBefore),
        open: true,
        lines: [],
        idle: false,
        user: null,
        student: null,
      };
      this.sessions.set(connection.id, session);
      this.prune();
    }
    const shown = displayLine(connection.protocol, event);
    const line: LiveLine = {
      seq: ++this.seq,
      direction: event.direction,
      text: shown.text,
      bytes: event.bytes,
      command: event.command ?? null,
      outcome: event.outcome ?? null,
      state: shownState(event.stateAfter),
      explanation: event.explanation ?? null,
      rfc: event.rfc ?? null,
      masked: shown.masked,
      tls: connection.tls,
    };
    session.lines.push(line);
    session.idle = idlingAfter(line, session.idle);
    if (session.lines.length > HISTORY_PER_SESSION)
      session.lines.splice(0, session.lines.length - HISTORY_PER_SESSION);
    session.state = line.state;
    const loggedIn = session.user !== connection.user;
    if (loggedIn) {
      session.user = connection.user;
      session.student =
        connection.user !== null && this.classAccounts.has(connection.user)
          ? classStudentNumber(connection.user)
          : null;
    }
    this.emit({ type: 'line', session: session.id, line });
    // Each line carries the state after it: a session event only when a session starts (and
    // when it closes, below), not one per line.
    if (isNew || loggedIn)
      this.emit({ type: 'session', seq: ++this.seq, session: { ...view(session), lines: [] } });
    this.scheduleStore();
    this.afterLoad.activity();
  }

  /** A connection ended: the session stays listed, closed. */
  closed(id: number): void {
    const session = this.sessions.get(id);
    if (!session) return;
    session.open = false;
    this.emit({ type: 'session', seq: ++this.seq, session: { ...view(session), lines: [] } });
  }

  private prune(): void {
    const closed = [...this.sessions.values()].filter((s) => !s.open);
    for (const s of closed.slice(0, Math.max(0, closed.length - CLOSED_SESSIONS_KEPT)))
      this.sessions.delete(s.id);
  }

  /** Store pictures at most every 100 ms: a busy room does not flood the page. */
  private scheduleStore(): void {
    if (this.storeTimer) return;
    this.storeTimer = setTimeout(() => {
      this.storeTimer = null;
      this.publishStore();
    }, 100);
  }

  private publishStore(): void {
    this.emit({ type: 'store', seq: ++this.seq, store: this.snapshot() });
  }

  private emit(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The process's memory now, as {@link LiveInfo.memory}. */
function memoryNow(): LiveInfo['memory'] {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}

function view(s: SessionRecord): LiveSessionView {
  return {
    id: s.id,
    protocol: s.protocol,
    client: s.client,
    state: s.state,
    open: s.open,
    lines: s.lines.slice(),
    idle: s.idle,
    user: s.user,
    student: s.student,
  };
}

function snapshotSeed(): { raw: string; date: number }[] {
  const fresh = new MailStore();
  const account = fresh.addAccount('x', 'x');
  seedAccount(account);
  return account.inbox.messages.map((m) => ({ raw: m.raw, date: m.internalDate }));
}

/**
 * The trainer key for a start: the one given (LAB_TRAINER_KEY), else a fresh random one in
 * network mode (96 bits, base64url), else none (loopback: whoever can reach the server is on
 * this machine).
 */
export function trainerKeyFor(network: string | null, given: string | undefined): string | null {
  return given?.trim() || (network ? randomBytes(12).toString('base64url') : null);
}

const KEY = Symbol.for('pop-vs-imap-lab.live-hub');

/** The process's hub, shared by the instrumentation hook and the route handlers. */
export function liveHub(): LiveHub | null {
  return (globalThis as Record<symbol, LiveHub | undefined>)[KEY] ?? null;
}

export async function startLiveHub(options: {
  host: string;
  pop3Port: number;
  imapPort: number;
  /** SMTP submission; none when absent. */
  smtpPort?: number;
  /** Implicit-TLS ports and an optional real certificate, as {@link LiveHub.start}. */
  imapsPort?: number;
  pop3sPort?: number;
  submissionsPort?: number;
  tlsCert?: string;
  tlsKey?: string;
  /** Network mode's trainer key (see LiveHub.trainerKey). */
  trainerKey?: string | null;
  /** Classroom mode: the mail server may listen on the room's network. */
  allowRemote?: boolean;
}): Promise<LiveHub> {
  const existing = liveHub();
  if (existing) return existing;
  const hub = new LiveHub({ trainerKey: options.trainerKey });
  (globalThis as Record<symbol, LiveHub | undefined>)[KEY] = hub;
  await hub.start(options);
  return hub;
}
