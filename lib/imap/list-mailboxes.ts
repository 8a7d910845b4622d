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

/** LIST's selection options (RFC 5258 §3.1, RFC 6154 §2): which names to list. */
export interface ListSelection {
  /** `SUBSCRIBED`: the subscribed names, whether or not they exist. */
  subscribed: boolean;
  /** `SPECIAL-USE`: only mailboxes with a special-use attribute. */
  specialUse: boolean;
  /** `RECURSIVEMATCH`: also names that do not qualify but have descendants that do. */
  recursiveMatch: boolean;
}

/** One name a LIST answers with; `childInfo` is its CHILDINFO extended data (RFC 5258 §3.5). */
export interface ListedName {
  readonly name: string;
  readonly childInfo: readonly string[];
}

/**
 * The names LIST returns for a reference, patterns and selection options, in LIST order. Without
 * options, every mailbox and `\Noselect` name that matches. With options, the names that match and
 * qualify; with RECURSIVEMATCH also each matching name that has a qualifying descendant, whether or
 * not that descendant matches the pattern, marked with CHILDINFO (RFC 5258 §3.1, its example 9:
 * a qualifying parent gets CHILDINFO too).
 */
export function selectNames(
  account: Account,
  reference: string,
  patterns: readonly string[],
  selection: ListSelection,
): ListedName[] {
  const matches = nameMatcher(reference, patterns);
  const existing = [...account.mailboxes.keys(), ...account.noselect];
  if (!selection.subscribed && !selection.specialUse)
    return sortNames(existing.filter(matches)).map((name) => ({ name, childInfo: [] }));
  const qualifies = (name: string) =>
    (!selection.subscribed || account.subscriptions.has(name)) &&
    (!selection.specialUse || !!account.mailboxes.get(name)?.specialUse);
  const qualifying = (selection.subscribed ? [...account.subscriptions] : existing).filter(qualifies);
  const criteria = [
    ...(selection.subscribed ? ['SUBSCRIBED'] : []),
    ...(selection.specialUse ? ['SPECIAL-USE'] : []),
  ];
  const candidates = new Set(qualifying);
  if (selection.recursiveMatch)
    for (const name of qualifying) for (const s of superiorsOf(name)) candidates.add(s);
  const out: ListedName[] = [];
  for (const name of sortNames([...candidates].filter(matches))) {
    const prefix = name + DELIMITER;
    const parent = selection.recursiveMatch && qualifying.some((q) => q.startsWith(prefix));
    if (qualifies(name) || parent) out.push({ name, childInfo: parent ? criteria : [] });
  }
  return out;
}

/** `a/b/c` → `a`, `a/b`. */
function superiorsOf(name: string): string[] {
  const parts = name.split(DELIMITER);
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join(DELIMITER));
}
