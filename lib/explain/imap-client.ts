import { IMAP, NON_SYNC_LITERAL_MAX, cite, citeNonSyncLiteral } from './cite';
import { imapCommandRfc, REV1_COMMAND_RFC } from './imap-commands';
import { fetchAtt, isRfc822Item } from './imap-fetch-atts';
import { explainSearchArgs, uidMeaning } from './imap-search-args';
import { readItems, valueOf, type Node } from './imap-syntax';
import { explainNotifyArgs } from './imap-notify';
import { explainUrlauthArgs } from './imap-urlauth';
import {
  explainFetchModifiers,
  explainListReturn,
  explainListSelection,
  explainStoreModifiers,
  statusItemAsked,
  statusItemRfc,
} from './imap-ext-items';
import { mailboxNameMeaning } from './mailbox-name';
import { capabilityMeaning, flagMeaning } from './imap-words';
import { Tokens } from './tokens';
import type { Explanation, WireUnit } from './types';

/** What a sequence set names: sequence numbers or UIDs, ranges, and "*" (RFC 9051 §4.1.1). */
export function setMeaning(set: string, uid: boolean): string {
  const unit = uid
    ? 'UIDs'
    : 'message sequence numbers (positions in the mailbox, which change when messages are removed)';
  const parts = set.split(',').map((p) => {
    const [a, b] = p.split(':');
    if (b === undefined) return a === '*' ? 'the last message' : a!;
    if (a === '1' && b === '*') return 'every message, from the first to the last';
    if (b === '*')
      return `${a} up to the last message${uid ? ` (if no UID is that high, "*" still names the last message)` : ''}`;
    return `${a} to ${b}`;
  });
  return `${set}: ${unit}: ${parts.join(', ')}. "*" means the highest ${uid ? 'UID' : 'number'} in use.`;
}

/**
 * What the "+" of a {n+} literal means, and what allows it: LITERAL+ (RFC 7888 §3), which this
 * server advertises, in an IMAP4rev1 session; in IMAP4rev2 the base protocol itself up to 4096
 * octets (RFC 9051 §4.3), LITERAL+ beyond.
 */
function nonSyncWords(size: number, rev2: boolean | undefined): string {
  const noWait = '. The "+" means the client does not wait for the server’s "+" before sending them';
  if (!rev2) return `${noWait}: LITERAL+, which this server advertises`;
  if (size <= NON_SYNC_LITERAL_MAX) return `${noWait}, which IMAP4rev2 allows up to 4096 octets`;
  return `${noWait}. IMAP4rev2 alone allows that only up to 4096 octets (RFC 9051 §4.3); this larger one is allowed because this server advertises LITERAL+ (RFC 7888 §3)`;
}

/**
 * One IMAP client line: the tag, the command (with UID), and its arguments token by token.
 * The whole-line explanation is the command record's (`commandExplanation`) when it has one.
 */
export function explainImapClient(u: WireUnit): Explanation {
  const raw = u.raw;
  const t = new Tokens(raw);
  const rev2 = u.rev2;
  const line = raw.replace(/\r\n$/, '');
  const fallbackRfc =
    u.command === 'IDLE' ? cite(IMAP.idle, rev2) : cite({ rev1: 'RFC 3501 §6', rev2: 'RFC 9051 §6' }, rev2);
  // An IMAP4rev1 session is served by RFC 3501's rules: its command lines cite RFC 3501.
  // A UID command cites UID's section and its base command's (UID FETCH: §6.4.8, §6.4.5).
  const rfc = imapCommandRfc(u.command, rev2, line) ?? u.commandRfc ?? fallbackRfc;
  const done = (explanation: string): Explanation => ({
    explanation: u.commandExplanation ?? explanation,
    rfc,
    tokens: t.list(),
  });
  if (/^DONE$/i.test(line)) {
    t.add(
      0,
      4,
      'DONE: ends IDLE. It has no tag: it is not a new command but the end of the IDLE command, which the server now completes.',
      cite(IMAP.idle, rev2),
    );
    return done('end IDLE (DONE), so that the client can send other commands');
  }
  if (/^\*+$/.test(line)) {
    t.add(0, line.length, 'The client’s answer to the server’s challenge (base64; masked here).', rfc);
    return done('answer the login challenge');
  }
  const items = readItems(raw, 0).nodes;
  const [tag, name, ...args] = items;
  if (!tag || !name) {
    t.add(0, line.length, 'Not a valid command line: the server answers BAD.', rfc);
    return done('a line the server cannot read as a command');
  }
  t.node(
    tag,
    `${tag.text}: the tag, the client’s label for this command; the server’s final reply to it starts with the same tag.`,
    cite(IMAP.tag, rev2),
  );
  let rest = args;
  let uid = false;
  if (name.text.toUpperCase() === 'UID' && args[0]) {
    uid = true;
    t.add(
      name.start,
      args[0].end,
      `${name.text} ${args[0].text}: ${uidMeaning(args[0].text)}`,
      rev2
        ? (u.commandRfc ?? cite(IMAP.uidCommand, rev2))
        : // UID EXPUNGE and UID MOVE are their extensions' (RFC 4315 §2.1, RFC 6851 §3.2).
          (REV1_COMMAND_RFC[`UID ${args[0].text.toUpperCase()}`] ?? cite(IMAP.uidCommand, rev2)),
    );
    rest = args.slice(1);
  } else
    t.node(
      name,
      `${name.text}: the command${u.command ? '' : ' (one this server does not know: it answers BAD)'}.`,
      rfc,
    );
  explainArgs(raw, (u.command ?? name.text).toUpperCase().replace(/^UID /, ''), rest, uid, rev2, t);
  return done(`the ${u.command ?? name.text} command`);
}

function explainArgs(
  raw: string,
  command: string,
  args: readonly Node[],
  uid: boolean,
  rev2: boolean | undefined,
  t: Tokens,
): void {
  const mailbox = (n: Node | undefined, what = 'the mailbox') => {
    if (!n) return;
    const value = valueOf(raw, n);
    if (value.toUpperCase() === 'INBOX')
      return t.node(
        n,
        `${n.text}: ${what} (INBOX, where new mail arrives; its name is not case-sensitive).`,
        cite(IMAP.mailboxName, rev2),
      );
    const meaning = mailboxNameMeaning(n.text, value, rev2, what);
    t.node(n, meaning.text, meaning.rfc);
  };
  const set = (n: Node | undefined) =>
    n && t.node(n, setMeaning(n.text, uid), cite(uid ? IMAP.uid : IMAP.sequenceSet, rev2));
  const literal = (n: Node) => {
    if (n.kind !== 'literal') return false;
    if (n.binary) {
      t.add(
        n.start,
        n.headerEnd,
        `${n.text}: a literal8 (BINARY's APPEND): exactly ${n.size} octets follow after the CRLF, and unlike in a {n} literal they may include NUL octets, so binary attachments need no base64${n.nonSync ? '. The "+" means the client does not wait for the server’s "+"' : '. The client waits for the server’s "+" before sending them'}. IMAP4rev2 alone does not allow it (RFC 9051 §4.3.1 asks for base64 outside BINARY FETCH); this server advertises BINARY, which does (RFC 9051 Appendix B).`,
        'RFC 3516 §4.4',
      );
      t.add(n.contentStart, n.end, `The ${n.size} octets of the literal8.`, 'RFC 3516 §4.4');
      return true;
    }
    t.add(
      n.start,
      n.headerEnd,
      `${n.text}: a literal: exactly ${n.size} octets follow after the CRLF${n.nonSync ? nonSyncWords(n.size, rev2) : '. The client waits for the server’s "+" before sending them'}.`,
      n.nonSync ? citeNonSyncLiteral(n.size, rev2) : cite(IMAP.literal, rev2),
    );
    t.add(n.contentStart, n.end, `The ${n.size} octets of the literal.`, cite(IMAP.literal, rev2));
    return true;
  };
  switch (command) {
    case 'FETCH': {
      set(args[0]);
      // One item or macro, or a parenthesized list of them; a parenthesized list after that is
      // the FETCH modifiers (RFC 4466's), not data items.
      const atts = args[1]?.kind === 'list' ? args[1].children : args.slice(1, 2);
      for (const a of atts)
        t.node(
          a,
          `${fetchAtt(a.text)}.`,
          // BINARY items are RFC 3516's in an IMAP4rev1 session (§4.2), the base's in IMAP4rev2;
          // RFC822, RFC822.HEADER and RFC822.TEXT are RFC 3501's only (RFC 9051 §6.4.5 lacks them);
          // MODSEQ is CONDSTORE's in both (RFC 7162 §3.1.4.2).
          /^MODSEQ$/i.test(a.text)
            ? 'RFC 7162 §3.1.4.2'
            : /^BINARY/i.test(a.text) && !rev2
              ? 'RFC 3516 §4.2'
              : isRfc822Item(a.text)
                ? 'RFC 3501 §6.4.5'
                : cite(IMAP.fetchCommand, rev2),
        );
      for (const m of args.slice(2))
        if (m.kind === 'list') explainFetchModifiers(m, uid, t);
        else t.node(m, `${m.text}: an argument FETCH does not take (the server answers BAD).`);
      return;
    }
    case 'STORE': {
      set(args[0]);
      // A parenthesized list before the mode is the STORE modifiers (RFC 4466's), such as
      // CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3).
      const modifiers = args[1]?.kind === 'list' ? args[1] : undefined;
      if (modifiers) explainStoreModifiers(modifiers, t);
      const at = modifiers ? 2 : 1;
      const conditional = modifiers?.children.some((c) => c.text.toUpperCase() === 'UNCHANGEDSINCE') ?? false;
      const mode = args[at];
      if (mode) {
        const m = mode.text.toUpperCase();
        const how = m.startsWith('+')
          ? 'add these flags, keeping the others'
          : m.startsWith('-')
            ? 'remove these flags'
            : 'replace all flags with these';
        const silent = m.endsWith('.SILENT')
          ? conditional
            ? '; .SILENT: without sending the new flags back, though each message stored is still reported, with its new mod-sequence, as UNCHANGEDSINCE requires'
            : '; .SILENT: without sending the new flags back'
          : '; the server answers with the new flags (FETCH)';
        t.node(mode, `${mode.text}: ${how}${silent}.`, cite(IMAP.storeCommand, rev2));
      }
      const list = args[at + 1];
      const flags = list?.kind === 'list' ? list.children : args.slice(at + 1);
      for (const f of flags) {
        const m = flagMeaning(f.text, rev2);
        t.node(f, m.text, m.rfc);
      }
      return;
    }
    case 'COPY':
    case 'MOVE':
      set(args[0]);
      mailbox(args[1], 'the target mailbox');
      return;
    case 'EXPUNGE':
      set(args[0]);
      return;
    case 'SEARCH':
      explainSearchArgs(args, rev2, t);
      return;
    case 'SELECT':
    case 'EXAMINE':
    case 'CREATE':
    case 'DELETE':
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      mailbox(args[0]);
      return;
    case 'RENAME':
      mailbox(args[0], 'the current name');
      mailbox(args[1], 'the new name');
      return;
    case 'STATUS':
      mailbox(args[0]);
      // Each item cites what defines it: RFC 3501 §6.3.10 or RFC 9051 §6.3.11, or the extension
      // that adds it (HIGHESTMODSEQ, DELETED-STORAGE; in IMAP4rev1 DELETED and SIZE too).
      for (const a of args[1]?.kind === 'list' ? args[1].children : [])
        t.node(a, statusItemAsked(a.text, rev2), statusItemRfc(a.text, rev2));
      return;
    case 'LIST':
    case 'LSUB': {
      const offset = args[0]?.kind === 'list' ? 1 : 0;
      // LIST-EXTENDED's forms: RFC 9051's LIST in IMAP4rev2, else RFC 5258 (§3.1 selection
      // options, §3.2 return options); SPECIAL-USE's options are RFC 6154 §2's in both, STATUS's
      // RFC 5819 §2 in IMAP4rev1. Several patterns are RFC 5258's in both (RFC 9051 Appendix C).
      if (offset) explainListSelection(args[0]!, rev2, t);
      const ref = args[offset];
      const pattern = args[offset + 1];
      if (ref)
        t.node(
          ref,
          `${ref.text}: the reference name, a prefix for the pattern ("" means none).`,
          cite(IMAP.listCommand, rev2),
        );
      if (pattern)
        t.node(
          pattern,
          `${pattern.text}: the pattern; "*" matches any characters, "%" any except the hierarchy delimiter. "*" lists every mailbox.`,
          pattern.kind === 'list' ? 'RFC 5258 §3' : cite(IMAP.listCommand, rev2),
        );
      explainListReturn(args.slice(offset + 2), rev2, t);
      return;
    }
    case 'RESETKEY':
      mailbox(args[0], 'the mailbox whose key is replaced');
      explainUrlauthArgs(raw, command, args, t);
      return;
    case 'GENURLAUTH':
    case 'URLFETCH':
      explainUrlauthArgs(raw, command, args, t);
      return;
    case 'NOTIFY':
      explainNotifyArgs(args, t);
      return;
    case 'LOGIN':
      if (args[0]) t.node(args[0], `${args[0].text}: the user name.`, rfcOf('6.2.3', rev2));
      if (args[1])
        t.node(
          args[1],
          'The password (masked here). Without TLS it crosses the network as plain text.',
          rfcOf('6.2.3', rev2),
        );
      return;
    case 'AUTHENTICATE':
      if (args[0]) t.node(args[0], `${args[0].text}: the SASL mechanism.`, rfcOf('6.2.2', rev2));
      if (args[1])
        t.node(
          args[1],
          // RFC 3501's AUTHENTICATE takes only a mechanism; the response on the command line is
          // SASL-IR's (RFC 4959), in IMAP4rev2's own AUTHENTICATE (RFC 9051 §6.2.2).
          (args[0]?.text.toUpperCase() === 'PLAIN'
            ? 'The initial response: PLAIN’s user name and password (RFC 4616 §2) in base64 (masked here), which anyone can decode.'
            : `The initial response of ${args[0]?.text ?? 'the mechanism'}, in base64 (masked here).`) +
            (rev2 ? '' : ' Sent with the command as SASL-IR allows.'),
          rev2 ? rfcOf('6.2.2', rev2) : 'RFC 4959 §3',
        );
      return;
    case 'ENABLE':
      for (const a of args) {
        const m = capabilityMeaning(a.text, rev2);
        t.node(a, `Turn on ${m.text}`, m.rfc);
      }
      return;
    case 'APPEND':
      mailbox(args[0], 'the mailbox to add the message to');
      for (const a of args.slice(1)) {
        if (literal(a)) continue;
        if (a.kind === 'atom' && a.text.toUpperCase() === 'UTF8') {
          t.node(
            a,
            'UTF8: the message in parentheses has UTF-8 header fields (a form of RFC 6855 that RFC 9755 removed; this server still reads it after ENABLE UTF8=ACCEPT).',
            'RFC 6855 §4',
          );
          continue;
        }
        if (a.kind === 'atom' && a.text.toUpperCase() === 'CATENATE') {
          t.node(
            a,
            'CATENATE: the new message is built on the server from the pieces in parentheses, in order: TEXT pieces sent here, URL pieces copied from messages already on the server.',
            'RFC 4469 §3',
          );
          continue;
        }
        if (
          a.kind === 'list' &&
          a.children.some((c) => c.kind === 'literal' || /^(TEXT|URL)$/i.test(c.text))
        ) {
          for (const c of a.children) {
            if (literal(c)) continue;
            const word = c.text.toUpperCase();
            t.node(
              c,
              word === 'TEXT'
                ? 'TEXT: the next piece is the literal that follows, as sent.'
                : word === 'URL'
                  ? 'URL: the next piece is copied from a message on the server, as FETCH BODY.PEEK[section] would return it (nothing is marked read).'
                  : `${c.text}: an IMAP URL (RFC 5092) relative to this account: /mailbox, ;UIDVALIDITY= to make sure the UIDs are still the same, /;UID= the message, /;SECTION= the part.`,
              'RFC 4469 §3',
            );
          }
          continue;
        }
        t.node(
          a,
          a.kind === 'list'
            ? `${a.text}: the flags the new message starts with.`
            : `${a.text}: the date and time to record as its arrival.`,
          rfcOf(rev2 ? '6.3.12' : '6.3.11', rev2),
        );
      }
      return;
    default:
      for (const a of args) if (!literal(a)) t.node(a, `${a.text}: an argument.`);
  }
}

function rfcOf(section: string, rev2: boolean | undefined): string {
  return `${rev2 ? 'RFC 9051' : 'RFC 3501'} §${section}`;
}
