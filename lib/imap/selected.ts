import { asSeqNum, type SeqNum, type Uid } from '../mailstore/ids';
import type { Mailbox, MailboxChange } from '../mailstore/mailbox';
import type { StoredMessage } from '../mailstore/message';
import type { ExpungedMessage } from './extensions/define';
import { expungeLines, flagUpdateItems, mailboxUpdateLines } from './extensions/registry';
import { flagList } from './format';
import type { SequenceSet } from './seqset';
import { spansOf } from './spans';
import { bad, type UpdatePolicy } from './types';

/** A message as this session numbers it. */
export interface SessionMessage {
  readonly seq: SeqNum;
  readonly message: StoredMessage;
}

/**
 * One session's view of its selected mailbox (go-imap's MailboxTracker): the sequence numbers
 * the client knows, and the changes made by others, held until RFC 9051 lets the server report
 * them (§7.5.1: never an EXPUNGE during FETCH, STORE or SEARCH; at once during IDLE).
 */
export class SelectedMailbox {
  /** Sequence number - 1 → message, as the client knows it. Expunged messages stay until reported. */
  private readonly view: StoredMessage[];
  /** IMAP4rev1 \Recent: messages this session is the first to see (RFC 3501 §2.3.2). */
  readonly recent = new Set<StoredMessage>();
  private pendingExpunged: StoredMessage[] = [];
  private pendingFlags = new Set<StoredMessage>();
  private appended = false;
  private lastRecentCount = 0;
  /** Keywords the client has been told of in FLAGS (RFC 9051 §7.3.5), in order of first use. */
  private readonly keywords = new Set<string>();
  /** Keywords heard of since the client was last told: it needs a new FLAGS before using them. */
  private unannouncedKeywords = false;
  private readonly unwatch: () => void;

  constructor(
    readonly mailbox: Mailbox,
    readonly readOnly: boolean,
    /** The session that selected it (ImapContext.origin), the origin of its own changes. */
    readonly origin: unknown,
    /** Called when a change arrives, so an idling session can report it at once. */
    private readonly onChange: () => void,
  ) {
    this.view = [...mailbox.messages];
    for (const message of this.view) this.noteKeywords(message);
    this.unannouncedKeywords = false;
    this.takeRecent(this.view);
    this.lastRecentCount = this.recent.size;
    this.unwatch = mailbox.watch((change, origin) => this.hear(change, origin));
  }

  /** Messages the client knows of (EXISTS). */
  get exists(): number {
    return this.view.length;
  }

  messageAt(seq: SeqNum): StoredMessage {
    return this.view[seq - 1]!;
  }

  seqOf(message: StoredMessage): SeqNum | null {
    const i = this.view.indexOf(message);
    return i < 0 ? null : asSeqNum(i + 1);
  }

  all(): SessionMessage[] {
    return this.view.map((message, i) => ({ seq: asSeqNum(i + 1), message }));
  }

  /**
   * The messages a sequence set names, ascending, each once. RFC 9051 §9: a number past the
   * end, or `*` in an empty mailbox, is an error (BAD).
   */
  bySeq(set: SequenceSet): SessionMessage[] {
    const count = this.view.length;
    for (const r of set.ranges) {
      const a = r.from ?? count;
      const b = r.to ?? count;
      if (a < 1 || b < 1 || a > count || b > count) throw bad('Invalid message sequence number');
    }
    const out: SessionMessage[] = [];
    for (const [low, high] of spansOf(set, count))
      for (let n = low; n <= high; n++) out.push({ seq: asSeqNum(n), message: this.view[n - 1]! });
    return out;
  }

  /** The highest UID the client knows of: what `*` means in a UID set. */
  get maxUid(): number {
    return this.view.length ? this.view[this.view.length - 1]!.uid : 0;
  }

  /**
   * The messages whose UIDs a set names, in UID order; UIDs not in the mailbox are ignored
   * (RFC 9051 §6.4.9), and `n:*` always includes the last message.
   */
  byUid(set: SequenceSet): SessionMessage[] {
    const view = this.view;
    const out: SessionMessage[] = [];
    // The view is in ascending UID order: find each span's first message by binary search.
    for (const [low, high] of spansOf(set, this.maxUid)) {
      let lo = 0;
      let hi = view.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (view[mid]!.uid < low) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < view.length && view[i]!.uid <= high; i++)
        out.push({ seq: asSeqNum(i + 1), message: view[i]! });
    }
    return out;
  }

  /** True if changes are waiting to be reported. */
  get hasPending(): boolean {
    return this.pendingExpunged.length > 0 || this.pendingFlags.size > 0 || this.appended;
  }

  /**
   * The untagged responses for waiting changes that `policy` allows now, in the order a client
   * can apply them: EXPUNGEs (highest number first would also work; we report in order, each
   * shifting the ones after it), then EXISTS (and RECENT for IMAP4rev1), then flag changes.
   * `enabled` (the session's ENABLEd names) lets extensions change the form: VANISHED instead
   * of EXPUNGE, MODSEQ with each flag change (see extensions/define.ts, `hooks`).
   */
  flush(
    policy: UpdatePolicy,
    options: { rev2: boolean; withUid: boolean; enabled?: ReadonlySet<string>; flags?: boolean },
  ): string[] {
    // Extensions' lines that need the numbers before any EXPUNGE (CONTEXT's REMOVEFROM).
    const out: string[] = mailboxUpdateLines(this, 'before');
    const enabled = options.enabled ?? NOTHING_ENABLED;
    if (policy === 'all') {
      const removed: ExpungedMessage[] = [];
      for (const message of this.pendingExpunged) {
        const i = this.view.indexOf(message);
        if (i < 0) continue;
        this.view.splice(i, 1);
        this.recent.delete(message);
        this.pendingFlags.delete(message);
        removed.push({ seq: i + 1, uid: message.uid });
      }
      this.pendingExpunged = [];
      out.push(...expungeLines(enabled, removed));
    }
    if (this.appended) {
      this.appended = false;
      const known = this.view.length ? this.view[this.view.length - 1]!.uid : 0;
      const fresh = this.mailbox.messages.filter((m) => m.uid > known);
      if (fresh.length) {
        this.view.push(...fresh);
        this.takeRecent(fresh);
        out.push(`${this.view.length} EXISTS`);
        if (!options.rev2 && this.recent.size !== this.lastRecentCount)
          out.push(`${this.recent.size} RECENT`);
        this.lastRecentCount = this.recent.size;
      }
    }
    out.push(...this.keywordAnnouncement());
    // `flags: false`: flag changes wait for a later report (see SelectedUpdateRule).
    if (options.flags === false) {
      out.push(...mailboxUpdateLines(this, 'after'));
      return out;
    }
    for (const message of this.pendingFlags) {
      const seq = this.seqOf(message);
      if (seq === null) continue;
      const uid = options.withUid ? `UID ${message.uid} ` : '';
      const extra = flagUpdateItems(enabled, message, options.withUid ? HAS_UID : undefined);
      out.push(`${seq} FETCH (${uid}FLAGS ${flagList(this.flagsOf(message, options.rev2))}${extra})`);
    }
    this.pendingFlags.clear();
    out.push(...mailboxUpdateLines(this, 'after'));
    return out;
  }

  /**
   * The mailbox's FLAGS (RFC 9051 §7.3.5, RFC 3501 §7.2.6): the system flags, then every keyword
   * in use in the mailbox since it was selected. Always writable, so PERMANENTFLAGS adds `\*`.
   */
  get flags(): string[] {
    return [...SYSTEM_FLAGS, ...this.keywords];
  }

  /**
   * When a message this session can see has gained a keyword the client was not told of: the
   * untagged `FLAGS` and `OK [PERMANENTFLAGS]` that announce it, to be written
   * before any response that shows the keyword (RFC 9051 §7.3.5: the client must remember the
   * update; Dovecot does the same). Empty otherwise; each keyword is announced once.
   */
  keywordAnnouncement(): string[] {
    if (!this.unannouncedKeywords) return [];
    this.unannouncedKeywords = false;
    return [`FLAGS ${flagList(this.flags)}`, this.permanentFlags()];
  }

  /**
   * The `OK [PERMANENTFLAGS …]` line (RFC 9051 §7.1): every flag and `\*` (keywords may be
   * created) when read-write, `()` when read-only (EXAMINE), as SELECT and Dovecot write it.
   */
  permanentFlags(): string {
    return this.readOnly
      ? 'OK [PERMANENTFLAGS ()] Read-only mailbox'
      : `OK [PERMANENTFLAGS ${flagList([...this.flags, '\\*'])}] Flags permitted`;
  }

  private noteKeywords(message: StoredMessage): void {
    for (const flag of message.flags) {
      if (flag.startsWith('\\') || this.keywords.has(flag)) continue;
      this.keywords.add(flag);
      this.unannouncedKeywords = true;
    }
  }

  /**
   * A message's flags as a FETCH response writes them (RFC 9051 §7.5.2 FLAGS), e.g.
   * `(\Seen \Recent)`: the same list as {@link flagsOf}, made without copying it.
   */
  flagText(message: StoredMessage, rev2 = false): string {
    const recent = !rev2 && this.recent.has(message);
    if (message.flags.size === 0) return recent ? '(\\Recent)' : '()';
    let out = '(';
    for (const flag of message.flags) out += out.length === 1 ? flag : ' ' + flag;
    return out + (recent ? ' \\Recent)' : ')');
  }

  /** A message's flags as this session reports them (\Recent added for IMAP4rev1 sessions). */
  flagsOf(message: StoredMessage, rev2 = false): string[] {
    const flags = [...message.flags];
    if (!rev2 && this.recent.has(message)) flags.push('\\Recent');
    return flags;
  }

  /**
   * RFC 3501 §2.3.2: messages no session has been told of are \Recent in this one. A read-write
   * session claims them, so that later sessions do not see them as recent; a read-only one
   * (EXAMINE) sees them too but claims nothing: "EXAMINE MUST NOT cause messages to lose the
   * \Recent flag" (RFC 3501 §6.3.2).
   */
  private takeRecent(messages: readonly StoredMessage[]): void {
    for (const m of messages) if (m.uid > this.mailbox.recentCutoff) this.recent.add(m);
    if (!this.readOnly) this.mailbox.recentCutoff = lastUid(this.mailbox);
  }

  close(): void {
    this.unwatch();
  }

  private hear(change: MailboxChange, origin: unknown): void {
    if (change.type !== 'expunge') this.noteKeywords(change.message);
    if (change.type === 'append') this.appended = true;
    else if (change.type === 'expunge') this.pendingExpunged.push(...change.messages);
    // Our own flag changes are reported by our own STORE or FETCH responses.
    else if (origin !== this.origin) this.pendingFlags.add(change.message);
    this.onChange();
  }
}

const NOTHING_ENABLED: ReadonlySet<string> = new Set();
const HAS_UID: ReadonlySet<string> = new Set(['UID']);

/** The system flags a mailbox's FLAGS always lists (RFC 9051 §2.3.2; \Recent is not one a client sets). */
const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'];

function lastUid(mailbox: Mailbox): Uid {
  const last = mailbox.messages[mailbox.messages.length - 1];
  return (last ? Math.max(last.uid, mailbox.recentCutoff) : mailbox.recentCutoff) as Uid;
}
