/**
 * Untagged data responses of IMAP extensions that are not part of RFC 3501 or RFC 9051: ID
 * (RFC 2971), QUOTA and QUOTAROOT (RFC 9208), SORT (RFC 5256). They cite their own RFC in both
 * revisions.
 */
import type { Said } from './imap-data';
import { valueOf, type Node } from './imap-syntax';
import { explainUrlauthData } from './imap-urlauth';
import { count, type Tokens } from './tokens';
import type { WireUnit } from './types';

/** What each QUOTA resource counts (RFC 9208 §5). */
const RESOURCES: Record<string, { words: string; unit: string; short: string; rfc: string }> = {
  STORAGE: { words: 'storage', unit: 'KB (units of 1024 octets)', short: ' KB', rfc: 'RFC 9208 §5.1' },
  MESSAGE: { words: 'messages', unit: 'messages', short: '', rfc: 'RFC 9208 §5.2' },
  MAILBOX: { words: 'mailboxes', unit: 'mailboxes', short: '', rfc: 'RFC 9208 §5.3' },
  'ANNOTATION-STORAGE': { words: 'annotation storage', unit: 'KB', short: ' KB', rfc: 'RFC 9208 §5.4' },
};

/** `* ID …`, `* QUOTA …`, `* QUOTAROOT …`; null for other names. */
export function explainExtensionData(
  u: WireUnit,
  at: number,
  name: string,
  nodes: readonly Node[],
  tokens: Tokens,
): Said | null {
  const key = name.toUpperCase();
  const head = (text: string, rfc: string) => tokens.add(at, at + name.length, text, rfc);
  if (key === 'ID') return explainId(u, nodes, tokens, head);
  if (key === 'GENURLAUTH' || key === 'URLFETCH') return explainUrlauthData(u, at, name, nodes, tokens);
  if (key === 'VANISHED') {
    // RFC 7162 §3.2.10: UIDs, not sequence numbers. (EARLIER) answers a UID FETCH (VANISHED) or a
    // SELECT/EXAMINE (QRESYNC) (§3.2.10.1): the UIDs of the client's set that are gone, expunged
    // since the mod-sequence it gave (§3.2.6); the count is not decremented for them, and such a
    // response may name UIDs the client already knew were gone, or that never existed (§3.2.10.2
    // example; §5.1: a server that keeps no expunge history names every UID of the set not there).
    const earlier = nodes[0]?.kind === 'list' && /^\(EARLIER\)$/i.test(nodes[0].text);
    const rfc = earlier ? 'RFC 7162 §3.2.10.1' : 'RFC 7162 §3.2.10.2';
    const set = nodes.at(-1)?.text ?? '';
    const cause =
      u.command === 'SELECT' || u.command === 'EXAMINE'
        ? `the ${u.command} (QRESYNC)`
        : u.command === 'UID FETCH'
          ? 'the UID FETCH (VANISHED)'
          : 'a SELECT or EXAMINE (QRESYNC) or a UID FETCH (VANISHED)';
    head(
      earlier
        ? `VANISHED (EARLIER): the answer to ${cause}: the UIDs of the client’s set that are no longer in the mailbox, expunged since the mod-sequence it gave.`
        : 'VANISHED: messages expunged just now, named by UID; with QRESYNC it replaces EXPUNGE.',
      rfc,
    );
    if (earlier)
      tokens.node(
        nodes[0]!,
        '(EARLIER): about the past, not news of an expunge now: the client must not lower its message count for these UIDs (the count already leaves them out). The list may repeat UIDs the client already knew were gone, or name UIDs that never existed.',
        rfc,
      );
    const last = nodes.at(-1);
    if (last && last !== nodes[0])
      tokens.node(
        last,
        earlier
          ? `${set}: UIDs from the client’s set that are not in the mailbox now.`
          : `${set}: the UIDs of the messages gone.`,
        rfc,
      );
    const which = /^\d+$/.test(set)
      ? `The message with UID ${set} was`
      : `The messages with UIDs ${set} were`;
    return {
      explanation: earlier
        ? `${/^\d+$/.test(set) ? `UID ${set} is` : `UIDs ${set} are`} not in this mailbox now: of the UIDs the client named in ${cause}, these were expunged (deleted, or moved to another mailbox) since the mod-sequence it gave, so it drops them from its cache. Unlike EXPUNGE, this does not lower the message count, and it may repeat UIDs the client already knew were gone or name UIDs that never existed; this server names exactly the UIDs of the set it recorded as expunged since that mod-sequence.`
        : `${which} expunged just now (a QRESYNC client hears VANISHED instead of EXPUNGE: UIDs, which do not shift).`,
      rfc: earlier && u.command === 'UID FETCH' ? `${rfc}; RFC 7162 §3.2.6` : rfc,
    };
  }
  if (key === 'SORT') {
    const rfc = 'RFC 5256 §4';
    const uid = u.command?.startsWith('UID ') ?? false;
    head(
      `SORT: the matching messages as ${uid ? 'UIDs (UID SORT)' : 'sequence numbers'}, in the order the client asked for (not in mailbox order).`,
      rfc,
    );
    // RFC 7162 §3.1.9: after a SORT with MODSEQ, `(MODSEQ n)` ends the list.
    const modseq = nodes.at(-1)?.kind === 'list' ? nodes.at(-1) : undefined;
    const sortedNodes = modseq ? nodes.slice(0, -1) : nodes;
    sortedNodes.forEach((n, i) =>
      tokens.node(
        n,
        `${n.text}: ${ordinal(i + 1)} in the sorted order (a ${uid ? 'UID' : 'sequence number'}).`,
        rfc,
      ),
    );
    if (modseq)
      tokens.node(
        modseq,
        `${modseq.text}: the highest mod-sequence among the messages sorted (the sort used MODSEQ).`,
        'RFC 7162 §3.1.9',
      );
    return {
      explanation: sortedNodes.length
        ? `${count(sortedNodes.length, 'message')} match${sortedNodes.length === 1 ? 'es' : ''}, in this order: ${sortedNodes.map((n) => n.text).join(' ')}. The server sorted them, so the client downloads no headers to sort by.`
        : 'No message matches.',
      rfc,
    };
  }
  if (key === 'THREAD') {
    const rfc = 'RFC 5256 §4';
    const uid = u.command?.startsWith('UID ') ?? false;
    // RFC 5256 §3: ORDEREDSUBJECT threads by base subject, sorted by sent date: the first message
    // is the root, the later ones of the same base subject its children, with no grandchildren.
    // REFERENCES threads by replies (References, In-Reply-To), with dummy parents for missing
    // messages. The algorithm is the THREAD command's; unknown without its line.
    const algorithm = /^\S+ (?:UID )?THREAD (\S+)/i.exec(u.commandLine ?? '')?.[1]?.toUpperCase();
    const ordered = algorithm === 'ORDEREDSUBJECT';
    const references = algorithm === 'REFERENCES';
    head(
      ordered
        ? `THREAD: the matching messages grouped by base subject (ORDEREDSUBJECT), as ${uid ? 'UIDs' : 'sequence numbers'}; each parenthesized group is one thread: its first number the earliest message (by sent date) of that subject, the later ones with the same base subject its children.`
        : `THREAD: the matching messages grouped into conversations, as ${uid ? 'UIDs' : 'sequence numbers'}; each parenthesized group is one thread, its first number the thread's first message; a group that opens with another group, as in ((7)(8)), is replies to a message that is not among them: missing from the mailbox, or not matching the search (REFERENCES).`,
      ordered ? 'RFC 5256 §3, §4' : rfc,
    );
    for (const n of nodes)
      if (n.kind === 'list')
        tokens.node(
          n,
          n.text.startsWith('((')
            ? `${n.text}: one conversation whose first message is not there: missing from the mailbox or not matching the search (REFERENCES found only replies to it, or one subject); its groups are side by side.`
            : ordered && n.children.length === 1
              ? `${n.text}: a thread of one message: no other matching message has its base subject.`
              : ordered
                ? `${n.text}: one thread of one base subject: its first number the earliest message (by sent date), the numbers after it the later messages with the same base subject (its children, siblings of one another), whether or not they answer it.`
                : references
                  ? `${n.text}: one conversation; a number inside holds the messages that answer it (children).`
                  : `${n.text}: one conversation; a number inside holds its children: with REFERENCES the messages that answer it, with ORDEREDSUBJECT the later messages with the same base subject.`,
          ordered ? 'RFC 5256 §3' : rfc,
        );
    return {
      explanation: nodes.length
        ? `The server grouped the matching messages into ${count(nodes.length, ordered ? 'thread' : 'conversation')}${ordered ? ' by base subject' : ''}: ${nodes.map((n) => n.text).join(' ')}.`
        : 'No message matches, so there is no thread.',
      rfc,
    };
  }
  if (key === 'QUOTAROOT') {
    const rfc = 'RFC 9208 §4.2.2';
    head('QUOTAROOT: which quota roots (sets of limits) a mailbox counts against.', rfc);
    const [mailbox, ...roots] = nodes;
    if (mailbox) tokens.node(mailbox, `${mailbox.text}: the mailbox asked about.`, rfc);
    for (const r of roots)
      tokens.node(r, `${r.text}: a quota root; a QUOTA response with its usage follows.`, rfc);
    const box = mailbox ? valueOf(u.raw, mailbox) : '';
    return {
      explanation: roots.length
        ? `Mailbox ${box} counts against the quota root ${roots.map((r) => `"${valueOf(u.raw, r)}"`).join(', ')}.`
        : `Mailbox ${box} has no quota root: no limit applies to it.`,
      rfc,
    };
  }
  if (key === 'QUOTA') {
    const rfc = 'RFC 9208 §4.2.1';
    head('QUOTA: how much of a quota root’s limits is used.', rfc);
    const [root, list] = nodes;
    if (root) tokens.node(root, `${root.text}: the quota root.`, 'RFC 9208 §3.2');
    const items = list?.kind === 'list' ? list.children : [];
    const parts: string[] = [];
    for (let i = 0; i + 2 < items.length; i += 3) {
      const [res, usage, limit] = [items[i]!, items[i + 1]!, items[i + 2]!];
      const r = RESOURCES[res.text.toUpperCase()];
      const unit = r?.unit ?? 'units';
      tokens.add(
        res.start,
        limit.end,
        `${res.text} ${usage.text} ${limit.text}: ${r?.words ?? res.text} used, ${usage.text} of at most ${limit.text} ${unit}.`,
        r?.rfc ?? rfc,
      );
      parts.push(`${r?.words ?? res.text} ${usage.text} of ${limit.text}${r?.short ?? ''}`);
    }
    return {
      explanation: `Quota root ${root ? `"${valueOf(u.raw, root)}"` : ''}: ${parts.join(', ') || 'no resource reported'} used. Past the limit, APPEND, COPY and MOVE fail with NO [OVERQUOTA] here (RFC 9208 §4.3.1 says a server SHOULD; past a soft quota one may accept them and send an untagged NO [OVERQUOTA]); how mail arriving over SMTP is handled is server policy: refused with an SMTP reply (452 4.2.2 or 552 5.2.2), or accepted and then reported to its sender in a delivery status notification; the limit itself is server policy too.`,
      rfc,
    };
  }
  return null;
}

function explainId(
  u: WireUnit,
  nodes: readonly Node[],
  tokens: Tokens,
  head: (text: string, rfc: string) => void,
): Said {
  const rfc = 'RFC 2971 §3.2';
  head(
    'ID: the server says which program it is (for statistics and problem determination only, RFC 2971 §3).',
    rfc,
  );
  const list = nodes[0];
  if (!list || list.kind !== 'list') {
    if (list) tokens.node(list, 'NIL: the server does not say.', rfc);
    return { explanation: 'The server chooses not to say which program it is (ID NIL).', rfc };
  }
  const items = list.children;
  const said: string[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const field = valueOf(u.raw, items[i]!);
    const value = items[i + 1]!.kind === 'atom' ? null : valueOf(u.raw, items[i + 1]!);
    tokens.add(
      items[i]!.start,
      items[i + 1]!.end,
      `${field}: ${value === null ? 'not given (NIL)' : `"${value}"`}.`,
      'RFC 2971 §3.3',
    );
    if (value !== null) said.push(`${field} "${value}"`);
  }
  return {
    explanation: `The server introduces itself: ${said.join(', ') || `${count(0, 'field')}`}. Clients may log this, but neither side may change what it does because of it (RFC 2971 §3).`,
    rfc,
  };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
