/**
 * Items that extensions add to base IMAP commands: STATUS data items, FETCH and STORE modifiers
 * (RFC 4466's modifiers), and LIST selection and return options. Each cites the document that
 * defines it in the session's revision: an extension's item is the extension's in an IMAP4rev1
 * session (RFC 3501 does not define it), and the base protocol's only where RFC 9051 took it in.
 */
import { IMAP, cite } from './cite';
import type { Node } from './imap-syntax';
import type { Tokens } from './tokens';

/**
 * Where a STATUS data item is defined. RFC 3501 §6.3.10 has MESSAGES, RECENT, UIDNEXT,
 * UIDVALIDITY and UNSEEN; RFC 9051 §6.3.11 has all of them but RECENT, and DELETED and SIZE.
 * HIGHESTMODSEQ is CONDSTORE's (RFC 7162 §3.1.7) and DELETED-STORAGE QUOTA's (RFC 9208 §4.1.4)
 * in both revisions; in IMAP4rev1, DELETED is QUOTA's (RFC 9208 §4.1.4) and SIZE STATUS=SIZE's
 * (RFC 8438 §3).
 */
export function statusItemRfc(item: string, rev2: boolean | undefined): string {
  switch (item.toUpperCase()) {
    case 'RECENT':
      return IMAP.statusCommand.rev1;
    case 'HIGHESTMODSEQ':
      return 'RFC 7162 §3.1.7';
    case 'DELETED-STORAGE':
      return 'RFC 9208 §4.1.4';
    case 'DELETED':
      return rev2 ? cite(IMAP.statusCommand, rev2) : 'RFC 9208 §4.1.4';
    case 'SIZE':
      return rev2 ? cite(IMAP.statusCommand, rev2) : 'RFC 8438 §3';
    default:
      return cite(IMAP.statusCommand, rev2);
  }
}

/** What a STATUS data item the client asks for is (the STATUS command's argument). */
export function statusItemAsked(item: string, rev2: boolean | undefined): string {
  const upper = item.toUpperCase();
  switch (upper) {
    case 'MESSAGES':
      return `${item}: how many messages the mailbox holds.`;
    case 'UIDNEXT':
      return `${item}: the UID the next new message will get.`;
    case 'UIDVALIDITY':
      return `${item}: the mailbox’s UIDVALIDITY: the UIDs a client cached stay valid while it is unchanged.`;
    case 'UNSEEN':
      return `${item}: how many messages are not \\Seen.`;
    case 'RECENT':
      return `${item}: how many messages are \\Recent; an IMAP4rev1 item, deprecated in IMAP4rev2 (RFC 9051 Appendix E); this server still answers it.`;
    case 'HIGHESTMODSEQ':
      return `${item}: the mailbox’s highest mod-sequence, an item of CONDSTORE (RFC 7162 §3.1.7, not of the base protocol); asking for it also turns CONDSTORE on for this connection (RFC 7162 §3.1).`;
    case 'DELETED-STORAGE':
      return `${item}: the storage an EXPUNGE would free, an item of QUOTA (RFC 9208 §4.1.4, not of the base protocol), which a server advertising QUOTA=RES-STORAGE, as this one does, must answer.`;
    case 'DELETED':
      return rev2
        ? `${item}: how many messages are marked \\Deleted.`
        : `${item}: how many messages are marked \\Deleted. RFC 3501 has no such item: in IMAP4rev1 it is QUOTA’s (RFC 9208 §4.1.4), required with QUOTA=RES-MESSAGE, which this server advertises; IMAP4rev2’s STATUS has it (RFC 9051 §6.3.11).`;
    case 'SIZE':
      return rev2
        ? `${item}: the mailbox’s total size in octets.`
        : `${item}: the mailbox’s total size in octets. RFC 3501 has no such item: in IMAP4rev1 it is the STATUS=SIZE extension’s (RFC 8438 §3), which this server does not advertise; it answers SIZE anyway because IMAP4rev2’s STATUS has it (RFC 9051 §6.3.11).`;
    default:
      return `${item}: a STATUS item this server does not know (it answers BAD).`;
  }
}

/**
 * FETCH modifiers, the parenthesized list after the items (RFC 4466's fetch modifiers):
 * CHANGEDSINCE (RFC 7162 §3.1.4.1), VANISHED (RFC 7162 §3.2.6, UID FETCH only) and PARTIAL
 * (RFC 9394 §3.3).
 */
export function explainFetchModifiers(list: Node, uid: boolean, t: Tokens): void {
  const items = list.kind === 'list' ? list.children : [];
  if (items.length === 0) {
    t.node(list, `${list.text}: an empty list of FETCH modifiers.`, 'RFC 7162 §3.1.4.1');
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const m = items[i]!;
    const key = m.text.toUpperCase();
    const value = items[i + 1];
    if (key === 'CHANGEDSINCE' && value) {
      i++;
      t.add(
        m.start,
        value.end,
        `${m.text} ${value.text}: a FETCH modifier (CONDSTORE): answer only for the messages of the set whose mod-sequence is greater than ${value.text} (changed since then), and add MODSEQ to the items.`,
        'RFC 7162 §3.1.4.1',
      );
    } else if (key === 'VANISHED') {
      t.node(
        m,
        `${m.text}: a UID FETCH modifier (QRESYNC), only with CHANGEDSINCE: first name, in one VANISHED (EARLIER) line, the UIDs of the set that are no longer in the mailbox (expunged since that mod-sequence)${uid ? '' : '; a FETCH without UID may not use it, so the server answers BAD'}.`,
        'RFC 7162 §3.2.6',
      );
    } else if (key === 'PARTIAL' && value) {
      i++;
      t.add(
        m.start,
        value.end,
        `${m.text} ${value.text}: a UID FETCH modifier (PARTIAL): answer only for this page of the UID set, positions ${value.text} (negative positions count back from the last)${uid ? '' : '; a FETCH without UID may not use it, so the server answers BAD'}.`,
        'RFC 9394 §3.3',
      );
    } else t.node(m, `${m.text}: a FETCH modifier this server does not know (it answers BAD).`);
  }
}

/** STORE modifiers, the parenthesized list before the flags' mode (RFC 4466's store modifiers). */
export function explainStoreModifiers(list: Node, t: Tokens): void {
  const items = list.kind === 'list' ? list.children : [];
  for (let i = 0; i < items.length; i++) {
    const m = items[i]!;
    const value = items[i + 1];
    if (m.text.toUpperCase() === 'UNCHANGEDSINCE' && value) {
      i++;
      t.add(
        m.start,
        value.end,
        `${m.text} ${value.text}: a STORE modifier (CONDSTORE): store only on the messages whose mod-sequence is still at most ${value.text} (nobody changed them since); the others are not changed, and the tagged reply names them in [MODIFIED]. Each message stored is reported in a FETCH with its new MODSEQ, even with .SILENT.`,
        'RFC 7162 §3.1.3',
      );
    } else t.node(m, `${m.text}: a STORE modifier this server does not know (it answers BAD).`);
  }
}

/**
 * LIST selection options (RFC 5258 §3.1: SUBSCRIBED, REMOTE, RECURSIVEMATCH; RFC 9051 §6.3.9
 * in IMAP4rev2) and SPECIAL-USE, which RFC 6154 §2 adds in both revisions.
 */
export function explainListSelection(list: Node, rev2: boolean | undefined, t: Tokens): void {
  const base = rev2 ? cite(IMAP.listCommand, rev2) : 'RFC 5258 §3.1';
  const items = list.kind === 'list' ? list.children : [];
  if (items.length === 0) t.node(list, '(): no selection options: list the mailboxes that match.', base);
  for (const o of items) {
    switch (o.text.toUpperCase()) {
      case 'SUBSCRIBED':
        t.node(o, `${o.text}: list the subscribed names (with \\Subscribed), not every mailbox.`, base);
        break;
      case 'REMOTE':
        t.node(
          o,
          `${o.text}: list remote mailboxes too; this server has none, so it lists the same (RFC 5258 lets such a server accept the option).`,
          base,
        );
        break;
      case 'RECURSIVEMATCH':
        t.node(
          o,
          `${o.text}: list also the parents that do not match the other options but have children that do (CHILDINFO).`,
          base,
        );
        break;
      case 'SPECIAL-USE':
        t.node(
          o,
          `${o.text}: list only the mailboxes that have a special use (\\Sent, \\Trash, \\Drafts…), with their special-use attributes; a selection option of the SPECIAL-USE extension (RFC 6154 §2), not of ${rev2 ? 'RFC 9051' : 'LIST-EXTENDED'}.`,
          'RFC 6154 §2',
        );
        break;
      default:
        t.node(o, `${o.text}: a selection option this server does not know (it answers BAD).`, base);
    }
  }
}

/**
 * LIST return options after RETURN: SUBSCRIBED and CHILDREN (RFC 5258 §3.2, §4), STATUS (RFC
 * 5819 §2); RFC 9051 §6.3.9 in IMAP4rev2; SPECIAL-USE (RFC 6154 §2) in both.
 */
export function explainListReturn(nodes: readonly Node[], rev2: boolean | undefined, t: Tokens): void {
  const listRfc = cite(IMAP.listCommand, rev2);
  for (const n of nodes) {
    if (n.kind !== 'list') {
      t.node(
        n,
        n.text.toUpperCase() === 'RETURN'
          ? `${n.text}: the return options follow: what to report about each mailbox listed.`
          : `${n.text}: an argument.`,
        rev2 ? listRfc : 'RFC 5258 §3.2',
      );
      continue;
    }
    const items = n.children;
    for (let i = 0; i < items.length; i++) {
      const o = items[i]!;
      const key = o.text.toUpperCase();
      if (key === 'STATUS' && items[i + 1]?.kind === 'list') {
        const what = items[++i]!;
        t.add(
          o.start,
          what.end,
          `${o.text} ${what.text}: after each selectable mailbox listed, a STATUS response with these items.`,
          rev2 ? listRfc : 'RFC 5819 §2',
        );
      } else if (key === 'SUBSCRIBED')
        t.node(o, `${o.text}: mark each subscribed mailbox \\Subscribed.`, rev2 ? listRfc : 'RFC 5258 §3.2');
      else if (key === 'CHILDREN')
        t.node(
          o,
          `${o.text}: say whether each mailbox has children (\\HasChildren, \\HasNoChildren).`,
          rev2 ? listRfc : 'RFC 5258 §4',
        );
      else if (key === 'SPECIAL-USE')
        t.node(
          o,
          `${o.text}: give each mailbox’s special-use attributes (\\Sent, \\Trash…); a return option of the SPECIAL-USE extension (RFC 6154 §2).`,
          'RFC 6154 §2',
        );
      else t.node(o, `${o.text}: a return option this server does not know (it answers BAD).`, listRfc);
    }
  }
}
