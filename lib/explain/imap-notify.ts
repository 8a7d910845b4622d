/**
 * The arguments of NOTIFY (RFC 5465 §3.1, grammar §8): `SET [STATUS] event-group…` or `NONE`,
 * each event group `(filter-mailboxes events)`, explained token by token. What a filter covers
 * is the protocol's (§6); where this server narrows it (INBOXES), the words say so.
 */
import type { Node } from './imap-syntax';
import type { Tokens } from './tokens';
import type { WireUnit } from './types';

/** What each filter names (RFC 5465 §6), and the section that defines it. */
const FILTERS: Record<string, [string, string]> = {
  SELECTED: [
    'the selected mailbox, whichever it is at the time; its expunges are sent at once, even with no command in progress',
    '§6.1',
  ],
  'SELECTED-DELAYED': [
    'the selected mailbox, whichever it is at the time; its expunges wait for a command that allows them (such as NOOP or IDLE)',
    '§6.1',
  ],
  INBOXES: [
    'the mailboxes mail may be delivered to; on this server INBOX alone, because it delivers only there',
    '§6.3',
  ],
  PERSONAL: ['every mailbox of the user’s own (personal) namespace', '§6.2'],
  SUBSCRIBED: ['the mailboxes the user is subscribed to, following later subscription changes', '§6.4'],
  SUBTREE: ['the mailboxes named and every mailbox below them', '§6.5'],
  MAILBOXES: ['exactly the mailboxes named (no wildcards)', '§6.6'],
};

/** What each event reports (RFC 5465 §5). */
const EVENTS: Record<string, string> = {
  MESSAGENEW: 'new messages',
  MESSAGEEXPUNGE: 'expunged messages',
  FLAGCHANGE: 'flag changes',
  ANNOTATIONCHANGE: 'annotation changes (ANNOTATE)',
  MAILBOXNAME: 'mailboxes created, deleted or renamed',
  SUBSCRIPTIONCHANGE: 'subscriptions added or removed',
  MAILBOXMETADATACHANGE: 'mailbox metadata changes (METADATA)',
  SERVERMETADATACHANGE: 'server metadata changes (METADATA)',
};

/** The events of a group: `(MessageNew (UID) MessageExpunge…)` or NONE, in words. */
function eventWords(events: Node | undefined): string {
  if (!events || events.kind !== 'list') return 'no events (NONE): nothing is reported for them';
  const words: string[] = [];
  for (const e of events.children) {
    if (e.kind === 'list') {
      // MessageNew's fetch attributes (§5.2): a FETCH of them follows each new message.
      words[words.length - 1] += `, each followed by a FETCH of ${e.text.slice(1, -1)}`;
      continue;
    }
    words.push(EVENTS[e.text.toUpperCase()] ?? `${e.text} (an event this server does not know)`);
  }
  return `report ${words.join('; ')}`;
}

/** Explains NOTIFY's arguments in `args` (after the command name) into `t`. */
export function explainNotifyArgs(args: readonly Node[], t: Tokens): void {
  const [verb, ...rest] = args;
  if (!verb) return;
  if (verb.text.toUpperCase() === 'NONE') {
    t.node(
      verb,
      'NONE: the client is “not interested in any kind of event”: no more news unasked. This server still reports the selected mailbox’s changes in its answers to commands, as IMAP without NOTIFY does (its reading; the RFC does not say).',
      'RFC 5465 §3.1',
    );
    return;
  }
  t.node(
    verb,
    'SET: from now on, report unasked what the groups that follow ask for, in place of any earlier NOTIFY.',
    'RFC 5465 §3.1',
  );
  for (const a of rest) {
    if (a.kind !== 'list') {
      if (a.text.toUpperCase() === 'STATUS')
        t.node(
          a,
          'STATUS: before the tagged OK, send a STATUS of each mailbox other than the selected one that is watched for message events (MessageNew, MessageExpunge, FlagChange), to read later news against; a mailbox watched only for name or subscription changes gets none, as RFC 5465 §3.1 asks a STATUS only for those events.',
          'RFC 5465 §3.1',
        );
      continue;
    }
    const [filter, ...more] = a.children;
    const key = filter?.text.toUpperCase() ?? '';
    const known = FILTERS[key];
    if (!filter || !known) continue;
    const names = key === 'SUBTREE' || key === 'MAILBOXES' ? more[0] : undefined;
    const events = names ? more[1] : more[0];
    const which = names ? ` (${names.kind === 'list' ? names.text.slice(1, -1) : names.text})` : '';
    t.node(a, `${a.text}: for ${known[0]}${which}: ${eventWords(events)}.`, `RFC 5465 ${known[1]}`);
  }
}

/**
 * True when a STATUS or LIST is NOTIFY's news rather than an answer: it came during a command
 * that does not answer with it, or with none in progress after a NOTIFY SET (RFC 5465 §3.1).
 */
export function isNews(u: WireUnit, answeredBy: ReadonlySet<string>): boolean {
  return u.command ? !answeredBy.has(u.command) && u.command !== 'NOTIFY' : u.notifying === true;
}
