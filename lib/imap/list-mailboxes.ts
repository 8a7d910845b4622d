import { DELIMITER } from '../mailstore/account';
import type { Account } from '../mailstore/account';
import type { Mailbox } from '../mailstore/mailbox';

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

/** Mailboxes whose names match, in name order with INBOX first. INBOX matches case-insensitively. */
export function matchMailboxes(account: Account, reference: string, patterns: readonly string[]): Mailbox[] {
  const regexps = patterns.map((p) => patternToRegExp(reference, p));
  const inboxRegexps = patterns.map((p) => patternToRegExp(reference.toUpperCase(), p.toUpperCase()));
  return [...account.mailboxes.values()]
    .filter(
      (box) =>
        regexps.some((r) => r.test(box.name)) ||
        (box.name.startsWith('INBOX') && inboxRegexps.some((r) => r.test(box.name))),
    )
    .sort((a, b) =>
      a.name === 'INBOX' ? -1 : b.name === 'INBOX' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
}

/** The attributes of a LIST response: children, special use, subscription. */
export function listAttributes(
  account: Account,
  box: Mailbox,
  options: { subscribed: boolean; specialUse: boolean },
): string[] {
  const prefix = box.name + DELIMITER;
  const hasChildren = [...account.mailboxes.keys()].some((k) => k.startsWith(prefix));
  const attrs = [hasChildren ? '\\HasChildren' : '\\HasNoChildren'];
  if (options.specialUse && box.specialUse) attrs.push(box.specialUse);
  if (options.subscribed && box.subscribed) attrs.push('\\Subscribed');
  return attrs;
}
