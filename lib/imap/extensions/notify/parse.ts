/**
 * The NOTIFY command's arguments (RFC 5465 §8, formal syntax):
 *
 * ```
 * notify          = "NOTIFY" SP (notify-set / notify-none)
 * notify-set      = "SET" [status-indicator] SP event-groups
 * status-indicator = SP "STATUS"
 * event-groups    = event-group *(SP event-group)
 * event-group     = "(" filter-mailboxes SP events ")"
 * filter-mailboxes = "selected" / "selected-delayed" / "inboxes" / "personal" / "subscribed" /
 *                   ("subtree" SP one-or-more-mailbox) / ("mailboxes" SP one-or-more-mailbox)
 * one-or-more-mailbox = mailbox / many-mailboxes;  many-mailboxes = "(" mailbox *(SP mailbox) ")"
 * events          = ("(" event *(SP event) ")") / "NONE"
 * event           = message-event / mailbox-event / user-event / event-ext
 * message-event   = ("MessageNew" [SP "(" fetch-att *(SP fetch-att) ")"]) / "MessageExpunge" /
 *                   "FlagChange" / "AnnotationChange"
 * event-ext       = atom
 * ```
 *
 * Syntax errors, and the combinations RFC 5465 calls errors (§5: MessageNew and MessageExpunge
 * only together, FlagChange only with both; §6.1: one selected filter, message events only),
 * are BAD. Events this server does not support are NO [BADEVENT], checked when the command runs.
 */
import { canonicalMailboxName } from '../../../mailstore/account';
import { ArgReader } from '../../args';
import type { FetchItem } from '../../fetch-items';
import type { Token } from '../../parser';
import { bad } from '../../types';

/** The event names RFC 5465 §5 defines, as the RFC spells them. */
export const EVENT_NAMES = [
  'MessageNew',
  'MessageExpunge',
  'FlagChange',
  'AnnotationChange',
  'MailboxName',
  'SubscriptionChange',
  'MailboxMetadataChange',
  'ServerMetadataChange',
] as const;

/**
 * The events this server reports: no ANNOTATE (RFC 5257) or METADATA (RFC 5464), so
 * AnnotationChange and the metadata events are refused (NO [BADEVENT], RFC 5465 §3.1).
 */
export const SUPPORTED_EVENTS = [
  'MessageNew',
  'MessageExpunge',
  'FlagChange',
  'MailboxName',
  'SubscriptionChange',
];

/** `message-event`s (RFC 5465 §8): the only ones SELECTED and SELECTED-DELAYED take (§6.1). */
const MESSAGE_EVENTS = new Set(['MessageNew', 'MessageExpunge', 'FlagChange', 'AnnotationChange']);

/** Which mailboxes an event group is about (RFC 5465 §6). Names are canonical (INBOX). */
export type MailboxFilter =
  | { readonly kind: 'selected'; readonly delayed: boolean }
  | { readonly kind: 'inboxes' | 'personal' | 'subscribed' }
  | { readonly kind: 'subtree' | 'mailboxes'; readonly names: readonly string[] };

/** One `event-group`: a filter and the events wanted for it (none for `NONE`). */
export interface EventGroup {
  readonly filter: MailboxFilter;
  /** Event names as RFC 5465 spells them, or as given for an `event-ext` this server lacks. */
  readonly events: ReadonlySet<string>;
  /**
   * MessageNew's fetch attributes (RFC 5465 §5.2) as given, for new messages in the selected
   * mailbox: read as FETCH items when the command runs (`ImapContext.parseFetchItems`).
   */
  readonly fetch: readonly Token[];
}

/** A parsed NOTIFY command. */
export type NotifyRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly status: boolean; readonly groups: readonly EventGroup[] };

/** Reads `SET [STATUS] event-groups` or `NONE`; throws BAD on any syntax or combination error. */
export function parseNotify(a: ArgReader): NotifyRequest {
  const verb = a.atom('SET or NONE').toUpperCase();
  if (verb === 'NONE') {
    a.end();
    return { kind: 'none' };
  }
  if (verb !== 'SET') throw bad('Expected SET or NONE');
  const status = a.acceptAtom('STATUS');
  if (a.remaining === 0) throw bad('Missing event group');
  const groups: EventGroup[] = [];
  while (a.remaining > 0) groups.push(parseGroup(a.list('event group'), a.enabled));
  if (groups.filter((g) => g.filter.kind === 'selected').length > 1)
    throw bad('Only one of SELECTED and SELECTED-DELAYED may be given (RFC 5465 §6.1)');
  return { kind: 'set', status, groups };
}

function parseGroup(items: readonly Token[], enabled: ReadonlySet<string>): EventGroup {
  const r = new ArgReader(items, { enabled });
  const word = r.atom(
    'mailbox filter (SELECTED, SELECTED-DELAYED, INBOXES, PERSONAL, SUBSCRIBED, SUBTREE or MAILBOXES)',
  );
  const filter = parseFilter(word.toUpperCase(), r, enabled);
  let events = new Set<string>();
  let fetch: readonly Token[] = [];
  if (!r.acceptAtom('NONE')) ({ events, fetch } = parseEvents(r.list('event list or NONE')));
  r.end();
  if (events.has('MessageNew') !== events.has('MessageExpunge'))
    throw bad('MessageNew and MessageExpunge must be given together (RFC 5465 §5)');
  if ((events.has('FlagChange') || events.has('AnnotationChange')) && !events.has('MessageNew'))
    throw bad('FlagChange and AnnotationChange need MessageNew and MessageExpunge too (RFC 5465 §5)');
  if (filter.kind === 'selected' && [...events].some((e) => !MESSAGE_EVENTS.has(e)))
    throw bad('Only message events may be given for the selected mailbox (RFC 5465 §6.1)');
  return { filter, events, fetch };
}

function parseFilter(word: string, r: ArgReader, enabled: ReadonlySet<string>): MailboxFilter {
  switch (word) {
    case 'SELECTED':
    case 'SELECTED-DELAYED':
      return { kind: 'selected', delayed: word === 'SELECTED-DELAYED' };
    case 'INBOXES':
    case 'PERSONAL':
    case 'SUBSCRIBED':
      return { kind: word.toLowerCase() as 'inboxes' | 'personal' | 'subscribed' };
    case 'SUBTREE':
    case 'MAILBOXES': {
      const next = r.peek();
      const names =
        next?.type === 'list'
          ? r.list('mailboxes').map((t) => new ArgReader([t], { enabled }).mailbox())
          : [r.mailbox()];
      if (names.length === 0) throw bad('Empty mailbox list');
      const kind = word === 'SUBTREE' ? 'subtree' : 'mailboxes';
      return { kind, names: [...new Set(names.map(canonicalMailboxName))] };
    }
    default:
      throw bad(`Unknown mailbox filter: ${word.slice(0, 30)}`);
  }
}

function parseEvents(tokens: readonly Token[]): { events: Set<string>; fetch: readonly Token[] } {
  if (tokens.length === 0) throw bad('Empty event list');
  const events = new Set<string>();
  let fetch: readonly Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'atom') throw bad('Expected an event name');
    const name = EVENT_NAMES.find((e) => e.toUpperCase() === t.value.toUpperCase()) ?? t.value;
    events.add(name);
    const after = tokens[i + 1];
    if (name === 'MessageNew' && after?.type === 'list') {
      if (after.items.length === 0) throw bad('Empty fetch attribute list');
      fetch = after.items;
      i++;
    }
  }
  return { events, fetch };
}

/**
 * True when a fetch attribute would set \Seen (RFC 9051 §6.4.5: BODY[…] without PEEK, RFC822,
 * RFC822.TEXT; an extension's item says so itself).
 */
export function anySetsSeen(items: readonly FetchItem[]): boolean {
  return items.some((item) =>
    item.kind === 'extension'
      ? item.setsSeen
      : (item.kind === 'section' && !item.peek) || item.kind === 'RFC822' || item.kind === 'RFC822.TEXT',
  );
}
