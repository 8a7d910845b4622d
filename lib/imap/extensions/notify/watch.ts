/**
 * What one session asked NOTIFY for, and the store listeners that serve it (RFC 5465 §5, §6):
 * changes to mailboxes other than the selected one become untagged STATUS responses, changes to
 * mailbox names and subscriptions untagged LIST responses, held until the session may send them.
 */
import type { Account, AccountChange } from '../../../mailstore/account';
import { DELIMITER } from '../../../mailstore/account';
import type { Mailbox, MailboxChange } from '../../../mailstore/mailbox';
import type { StoredMessage } from '../../../mailstore/message';
import { mailboxName } from '../../format';
import { listAttributes, sortNames } from '../../list-mailboxes';
import type { ImapContext } from '../../types';
import type { EventGroup, MailboxFilter } from './parse';

/**
 * The most mailboxes one session may watch for message events: past it, NOTIFY SET is refused
 * with NO [NOTIFICATIONOVERFLOW] (RFC 5465 §3.1), and a watch that grows past it (mailboxes
 * created, or renamed into what it watches) is turned off with an untagged OK
 * [NOTIFICATIONOVERFLOW] (§5.8). Dovecot's limit is 100 names.
 */
export const MAX_WATCHED_MAILBOXES = 200;
/** The most notifications held for a session that does not read them (§5.8 past it). */
export const MAX_PENDING = 1000;

const MESSAGE_EVENTS = ['MessageNew', 'MessageExpunge', 'FlagChange'] as const;

/**
 * A mailbox's waiting STATUS news: its message count changed, or its flags (and, among them,
 * whether some message gained or lost `\Seen`, so that the number of seen messages changed).
 */
interface StatusNews {
  messages: boolean;
  flags: boolean;
  seen: boolean;
}

/**
 * A waiting notification: a line as made (`name` when it is a parent's LIST, see `hearAccount`),
 * or a mailbox whose STATUS is made when written.
 */
type QueueEntry = { readonly line: string; readonly name?: string } | { readonly box: Mailbox };

/** The watch of one session; `stop()` detaches every listener. */
export class NotifyWatch {
  /** Lines waiting to be written, in order; a STATUS is made when written (latest numbers). */
  private readonly queue: QueueEntry[] = [];
  private readonly news = new Map<Mailbox, StatusNews>();
  /** Whether each message of a watched mailbox had `\Seen` when last heard of (see `hearMailbox`). */
  private readonly wasSeen = new WeakMap<StoredMessage, boolean>();
  private readonly unwatch = new Map<Mailbox, () => void>();
  private stopAccount: (() => void) | null = null;
  /** Set when the watch overflowed: the session behaves as after NOTIFY NONE (§5.8). */
  overflowed = false;
  /**
   * Messages this session itself appended or copied: MessageNew's FETCH skips them (§5.2: the
   * server SHOULD NOT send it for them).
   */
  readonly own = new WeakSet<StoredMessage>();

  constructor(
    private readonly ctx: ImapContext,
    private readonly account: Account,
    /** The event groups other than SELECTED / SELECTED-DELAYED. */
    private readonly groups: readonly EventGroup[],
  ) {}

  /** Events wanted for a mailbox name, over every group whose filter names it. */
  eventsFor(name: string): Set<string> {
    const out = new Set<string>();
    for (const g of this.groups)
      if (matches(g.filter, name, this.account)) for (const e of g.events) out.add(e);
    return out;
  }

  /** The selectable mailboxes watched for message events now, in LIST order. */
  watchedMailboxes(): Mailbox[] {
    return sortNames(this.account.mailboxes.keys())
      .filter((name) => MESSAGE_EVENTS.some((e) => this.eventsFor(name).has(e)))
      .map((name) => this.account.mailboxes.get(name)!);
  }

  /** Attaches the listeners (after the command's checks passed). */
  start(): void {
    for (const box of this.account.mailboxes.values()) this.watchMailbox(box);
    this.stopAccount = this.account.watch((change, origin) => this.hearAccount(change, origin));
  }

  stop(): void {
    for (const off of this.unwatch.values()) off();
    this.unwatch.clear();
    this.stopAccount?.();
    this.stopAccount = null;
  }

  /** Takes the waiting lines (each STATUS with the mailbox's numbers now). */
  take(): string[] {
    const out: string[] = [];
    for (const entry of this.queue.splice(0)) {
      if ('line' in entry) {
        out.push(entry.line);
        continue;
      }
      const news = this.news.get(entry.box);
      this.news.delete(entry.box);
      const line =
        news && this.account.mailboxes.get(entry.box.name) === entry.box
          ? this.status(entry.box, news)
          : null;
      if (line) out.push(line);
    }
    return out;
  }

  /**
   * The STATUS a change calls for, or null when it calls for none.
   *
   * New or expunged messages (RFC 5465 §5.2, §5.3): MESSAGES and UIDNEXT, with HIGHESTMODSEQ once
   * CONDSTORE is enabled (QRESYNC enables it too, RFC 7162 §3.2.3).
   *
   * Flag changes (§5.1): "If CONDSTORE [RFC4551] and/or QRESYNC [RFC5162] are enabled by the
   * client, then the server sends a STATUS response that includes at least HIGHESTMODSEQ and
   * UIDVALIDITY status data items. If the number of messages with the \Seen flag changes, the
   * server MAY also include the UNSEEN data item in the STATUS response. If CONDSTORE/QRESYNC is
   * not enabled by the client and the server chooses not to include the UNSEEN data item, the
   * server does not notify the client." This server chooses to include UNSEEN whenever a change
   * added or removed `\Seen`, with CONDSTORE or without: so without CONDSTORE a flag change is
   * `STATUS name (UNSEEN n)` if it touched `\Seen`, and is not told at all otherwise (a
   * `\Flagged` change, say), as that last sentence says.
   */
  private status(box: Mailbox, news: StatusNews): string | null {
    const condstore = this.ctx.enabled.has('CONDSTORE');
    const items: string[] = [];
    if (news.messages) items.push(`MESSAGES ${box.messages.length}`, `UIDNEXT ${box.uidNext}`);
    if (news.flags && condstore) items.push(`UIDVALIDITY ${box.uidValidity}`);
    if (condstore) items.push(`HIGHESTMODSEQ ${box.highestModseq}`);
    if (news.seen) items.push(`UNSEEN ${box.messages.filter((m) => !m.flags.has('\\Seen')).length}`);
    if (items.length === 0) return null;
    return `STATUS ${mailboxName(box.name, this.ctx)} (${items.join(' ')})`;
  }

  /** The first STATUS of NOTIFY SET STATUS (§3.1): enough to read later changes against. */
  initialStatus(box: Mailbox): string {
    const events = this.eventsFor(box.name);
    const modseq = events.has('FlagChange') ? ` HIGHESTMODSEQ ${box.highestModseq}` : '';
    return `STATUS ${mailboxName(box.name, this.ctx)} (MESSAGES ${box.messages.length} UIDNEXT ${box.uidNext} UIDVALIDITY ${box.uidValidity}${modseq})`;
  }

  private watchMailbox(box: Mailbox): void {
    if (this.unwatch.has(box)) return;
    for (const m of box.messages) this.wasSeen.set(m, m.flags.has('\\Seen'));
    this.unwatch.set(
      box,
      box.watch((change, origin) => this.hearMailbox(box, change, origin)),
    );
  }

  private hearMailbox(box: Mailbox, change: MailboxChange, origin: unknown): void {
    if (origin === this.ctx.origin && change.type === 'append') this.own.add(change.message);
    // Every change is heard, reported or not, so that a flag change can tell whether it added
    // or removed \Seen (§5.1: "If the number of messages with the \Seen flag changes").
    let seen = false;
    if (change.type !== 'expunge') {
      const now = change.message.flags.has('\\Seen');
      seen = change.type === 'flags' && now !== (this.wasSeen.get(change.message) ?? now);
      this.wasSeen.set(change.message, now);
    }
    // §5: the client's own changes are not news to it; the selected mailbox has its own rules.
    if (origin === this.ctx.origin || this.ctx.selected?.mailbox === box) return;
    const event =
      change.type === 'append' ? 'MessageNew' : change.type === 'expunge' ? 'MessageExpunge' : 'FlagChange';
    if (!this.eventsFor(box.name).has(event)) return;
    // §5.1: without CONDSTORE/QRESYNC, a flag change that left \Seen alone is not told (see `status`).
    if (event === 'FlagChange' && !seen && !this.ctx.enabled.has('CONDSTORE')) return;
    const news = this.news.get(box);
    if (news) {
      if (event === 'FlagChange') news.flags = true;
      else news.messages = true;
      news.seen ||= seen;
    } else {
      this.news.set(box, { messages: event !== 'FlagChange', flags: event === 'FlagChange', seen });
      this.push({ box });
    }
  }

  private hearAccount(change: AccountChange, origin: unknown): void {
    if (change.type === 'deleted')
      for (const [box, off] of this.unwatch)
        if (box.name === change.name && this.account.mailboxes.get(box.name) !== box) {
          off();
          this.unwatch.delete(box);
        }
    // A new mailbox, or a renamed one (a renamed INBOX leaves a new mailbox under the new name,
    // and a rename may bring mailboxes into a watched subtree): watch it, within the limit.
    if (change.type === 'created' || change.type === 'renamed') {
      const name = change.type === 'renamed' ? change.to : change.name;
      const box = this.account.mailboxes.get(name);
      if (box) this.watchMailbox(box);
      if (
        (change.type === 'renamed' || MESSAGE_EVENTS.some((e) => this.eventsFor(name).has(e))) &&
        this.watchedMailboxes().length > MAX_WATCHED_MAILBOXES
      )
        return this.overflow();
    }
    if (origin === this.ctx.origin) return;
    const wanted =
      change.type === 'subscribed' || change.type === 'unsubscribed' ? 'SubscriptionChange' : 'MailboxName';
    const heard = affectedNames(change).some((name) => this.eventsFor(name).has(wanted));
    const named = change.type === 'created' || change.type === 'deleted';
    if (heard) this.push({ line: this.listLine(change), ...(named ? { name: change.name } : {}) });
    // §5.4: "If a mailbox is created or deleted, the mailbox itself and its direct parent
    // (whether it is an existing mailbox or not) are considered to be affected", and "the server
    // notifies the client by sending an unsolicited LIST response for each affected mailbox
    // name": the parent's children changed (\HasChildren, \HasNoChildren). Its line, made now,
    // takes the place of one not yet written (a superior CREATE made, listed before its child
    // existed); one already written stays, true when it was sent.
    if (!named) return;
    const cut = change.name.lastIndexOf(DELIMITER);
    if (cut <= 0) return;
    const parent = change.name.slice(0, cut);
    if (!heard && !this.eventsFor(parent).has('MailboxName')) return;
    const line = this.nameLine(parent, null);
    const waiting = this.queue.findIndex((e) => 'name' in e && e.name === parent);
    if (waiting >= 0) this.queue[waiting] = { line, name: parent };
    else this.push({ line, name: parent });
  }

  /**
   * The LIST response for a name change (RFC 5465 §5.4: `\NonExistent` once the name is no
   * mailbox; a rename as the new name with OLDNAME, one line for the renamed mailbox and none
   * for its inferiors) or a subscription change (§5.5: `\Subscribed` if and only if subscribed
   * now). Attributes are as LIST computes them.
   */
  private listLine(change: AccountChange): string {
    const name = change.type === 'renamed' ? change.to : change.name;
    return this.nameLine(name, change.type === 'renamed' ? change.from : null);
  }

  /** The LIST response for `name` as it is now, with OLDNAME when it was renamed from `oldName`. */
  private nameLine(name: string, oldName: string | null): string {
    let attrs = listAttributes(this.account, name, { subscribed: true, specialUse: true });
    if (!this.account.mailboxes.has(name) && !attrs.includes('\\NonExistent'))
      attrs = ['\\NonExistent', ...attrs.filter((a) => a !== '\\Noselect')];
    const old = oldName === null ? '' : ` ("OLDNAME" (${mailboxName(oldName, this.ctx)}))`;
    return `LIST (${attrs.join(' ')}) "${DELIMITER}" ${mailboxName(name, this.ctx)}${old}`;
  }

  private push(entry: QueueEntry): void {
    if (this.queue.length >= MAX_PENDING) return this.overflow();
    this.queue.push(entry);
    this.ctx.wake();
  }

  /** §5.8: too much to watch or hold: notifications stop, and the client is told once. */
  private overflow(): void {
    this.stop();
    this.queue.length = 0;
    this.news.clear();
    this.overflowed = true;
    this.queue.push({ line: 'OK [NOTIFICATIONOVERFLOW] Too many notifications; NOTIFY is now off' });
    this.ctx.wake();
  }
}

/**
 * The names whose watchers hear of a change. A rename is one event (RFC 5465 §5.4: "When a
 * mailbox is renamed, its children are renamed too. No additional MailboxName events are sent
 * for children in this case."), heard by a watch of the mailbox or of any inferior that moved
 * with it, under the old name or the new: its one LIST tells of theirs too.
 */
function affectedNames(change: AccountChange): string[] {
  if (change.type !== 'renamed') return [change.name];
  const moved = (old: string) => change.to + old.slice(change.from.length);
  return [change.from, change.to, ...change.inferiors.flatMap((old) => [old, moved(old)])];
}

/** Does a filter name this mailbox (RFC 5465 §6.2–§6.6)? The selected filter is not for others. */
function matches(filter: MailboxFilter, name: string, account: Account): boolean {
  switch (filter.kind) {
    case 'selected':
      return false;
    case 'personal':
      return true;
    // §6.3: mail is delivered only to INBOX here (SMTP and the lab's deliveries).
    case 'inboxes':
      return name === 'INBOX';
    // §6.4: read at each event, so the filter follows SUBSCRIBE and UNSUBSCRIBE.
    case 'subscribed':
      return account.subscriptions.has(name);
    case 'subtree':
      return filter.names.some((n) => name === n || name.startsWith(n + DELIMITER));
    // §6.6: exactly the names given, no wildcards.
    case 'mailboxes':
      return filter.names.includes(name);
  }
}
