import { printable } from '../../../session/printable';
import type { Token } from '../../parser';
import { defineCommand, no } from '../../types';
import {
  anySetsSeen,
  parseNotify,
  SUPPORTED_EVENTS,
  type EventGroup,
  type MailboxFilter,
  type NotifyRequest,
} from './parse';
import { setNotifyState } from './state';
import { MAX_WATCHED_MAILBOXES, NotifyWatch } from './watch';

/**
 * RFC 5465 §3.1: `NOTIFY SET [STATUS] (filter events)…` replaces what the server reports unasked,
 * and `NOTIFY NONE` stops it. Order of refusals: syntax and the RFC's forbidden combinations
 * (BAD, in `parse`), then events this server does not have (NO [BADEVENT (supported…)]), then a
 * watch too large (NO [NOTIFICATIONOVERFLOW]); nothing changes on any of them. On success the
 * STATUS indicator gives each watched mailbox's STATUS first, and the completion reports the
 * selected mailbox's waiting changes, as NOOP would ("an implicit NOOP").
 */
export const notify = defineCommand<NotifyRequest>({
  name: 'NOTIFY',
  states: ['Authenticated', 'Selected'],
  syntax: 'NOTIFY SET [STATUS] (filter events)… | NOTIFY NONE',
  summary: 'Ask the server to report, unasked and at once, changes to the selected mailbox and to others.',
  rfc: 'RFC 5465 §3.1',
  parse: parseNotify,
  explain: explainNotify,
  run(ctx, request) {
    if (request.kind === 'none') {
      setNotifyState(ctx.origin, { selected: null, watch: null, enabled: ctx.enabled });
      return { text: 'NOTIFY completed' };
    }
    // MessageNew's fetch attributes, read as FETCH reads them (BAD for an unknown one).
    const fetch = request.groups.map((g) => (g.fetch.length ? ctx.parseFetchItems(g.fetch) : []));
    const given = new Set(request.groups.flatMap((g) => [...g.events]));
    const unsupported = [...given].filter((e) => !SUPPORTED_EVENTS.includes(e));
    if (unsupported.length)
      throw no(
        `Unsupported event: ${printable(unsupported.join(' '), 60)}`,
        `BADEVENT (${SUPPORTED_EVENTS.join(' ')})`,
      );
    const at = request.groups.findIndex((g) => g.filter.kind === 'selected');
    const selected = request.groups[at];
    const selectedFetch = fetch[at] ?? [];
    if (anySetsSeen(selectedFetch))
      throw no('MessageNew cannot fetch items that set \\Seen here; use BODY.PEEK', 'CANNOT');
    const others = request.groups.filter((g) => g.filter.kind !== 'selected');
    const watch = new NotifyWatch(ctx, ctx.account!, others);
    const watched = watch.watchedMailboxes();
    if (watched.length > MAX_WATCHED_MAILBOXES)
      throw no(
        `Too many mailboxes to watch (${watched.length}, limit ${MAX_WATCHED_MAILBOXES})`,
        'NOTIFICATIONOVERFLOW',
      );
    if (request.status)
      for (const box of watched) if (box !== ctx.selected?.mailbox) ctx.untagged(watch.initialStatus(box));
    const filter = selected?.filter;
    setNotifyState(ctx.origin, {
      selected:
        selected && filter?.kind === 'selected'
          ? { delayed: filter.delayed, events: selected.events, fetch: selectedFetch }
          : null,
      watch,
      enabled: ctx.enabled,
    });
    watch.start();
    return { text: 'NOTIFY completed' };
  },
});

function explainNotify(request: NotifyRequest): string {
  if (request.kind === 'none') return 'stop all notifications: report nothing unasked';
  const groups = request.groups.map(describeGroup).join('; ');
  const status = request.status
    ? ', and first send the STATUS of each mailbox (other than the selected one) watched for new, expunged or changed messages'
    : '';
  return `from now on, report unasked: ${groups}${status}`;
}

function describeGroup(group: EventGroup): string {
  const where = describeFilter(group.filter);
  if (group.events.size === 0) return `nothing for ${where}`;
  const fetch = group.fetch.length ? ` (fetching ${group.fetch.map(tokenText).join(', ')})` : '';
  return `${[...group.events].join(', ')}${fetch} for ${where}`;
}

function describeFilter(f: MailboxFilter): string {
  switch (f.kind) {
    case 'selected':
      return f.delayed
        ? 'the selected mailbox (expunges only when a command allows them)'
        : 'the selected mailbox (at once, expunges too)';
    case 'inboxes':
      return 'every mailbox new mail is delivered to (on this server, only INBOX)';
    case 'personal':
      return 'every mailbox of the account';
    case 'subscribed':
      return 'every subscribed mailbox';
    case 'subtree':
      return `${f.names.map((n) => `"${n}"`).join(', ')} and the mailboxes below`;
    case 'mailboxes':
      return f.names.map((n) => `"${n}"`).join(', ');
  }
}

/** A fetch attribute as the client wrote it. */
function tokenText(token: Token): string {
  return token.type === 'list' ? `(${token.items.map(tokenText).join(' ')})` : token.value;
}
