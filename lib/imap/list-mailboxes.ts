import { DELIMITER } from '../mailstore/account';
import type { Account } from '../mailstore/account';

/** RFC 9051 §6.3.9: `*` matches anything, `%` anything but the hierarchy delimiter. */
export function patternToRegExp(reference: string, pattern: string): RegExp {
  const full = reference + pattern;
  let source = '';
  for (const c of full) {
    if (c === '*') source += '.*';
    else if (c === '%') source += `[^${DELIMITER}]*`;
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A name tester for a reference and patterns; INBOX (and `INBOX/…`) match case-insensitively. */
export function nameMatcher(reference: string, patterns: readonly string[]): (name: string) => boolean {
  const regexps = patterns.map((p) => patternToRegExp(reference, p));
  const inboxRegexps = patterns.map((p) => patternToRegExp(reference.toUpperCase(), p.toUpperCase()));
  return (name) =>
    regexps.some((r) => r.test(name)) || (name.startsWith('INBOX') && inboxRegexps.some((r) => r.test(name)));
}

/** Names in LIST order: INBOX first, then by name. */
export function sortNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => (a === 'INBOX' ? -1 : b === 'INBOX' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The names LIST shows that match: every mailbox, and every `\Noselect` name (a superior kept for
 * its inferiors, RFC 3501 §6.3.4), in LIST order.
 */
export function matchMailboxes(account: Account, reference: string, patterns: readonly string[]): string[] {
  const matches = nameMatcher(reference, patterns);
  return sortNames([...account.mailboxes.keys(), ...account.noselect].filter(matches));
}

/**
 * The attributes of a LIST or LSUB response for a name:
 * - `\Noselect` for a name kept only for its inferiors (RFC 3501 §7.2.2); for a subscribed name
 *   with no mailbox at all, `\NonExistent` in LIST (RFC 9051 §7.3.1, which implies `\Noselect`)
 *   and `\Noselect` in IMAP4rev1's LSUB, which has no `\NonExistent`;
 * - `\HasChildren` / `\HasNoChildren` for a name that exists (RFC 9051 §7.3.1);
 * - the special use (RFC 6154) and `\Subscribed` when asked for.
 */
export function listAttributes(
  account: Account,
  name: string,
  options: { subscribed: boolean; specialUse: boolean; lsub?: boolean },
): string[] {
  const box = account.mailboxes.get(name);
  const attrs: string[] = [];
  if (!box && account.noselect.has(name)) attrs.push('\\Noselect');
  else if (!box) attrs.push(options.lsub ? '\\Noselect' : '\\NonExistent');
  if (box || account.noselect.has(name))
    attrs.push(account.hasInferiors(name) ? '\\HasChildren' : '\\HasNoChildren');
  if (options.specialUse && box?.specialUse) attrs.push(box.specialUse);
  if (options.subscribed && account.subscriptions.has(name)) attrs.push('\\Subscribed');
  return attrs;
}
