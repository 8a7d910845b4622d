/*
 * The lab's jargon, each term defined in our own words with the RFC section that holds it.
 * The glossary page lists these; GlossaryText links a term's first use in a text to its entry.
 */

/** One glossary entry. `id` is its anchor on /glossary/. */
export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  /** Plain-English definition; it may use other terms. */
  readonly definition: string;
  /** Where the behaviour is specified, e.g. "RFC 1939 §6". */
  readonly rfc: string;
  /**
   * The spellings that count as a use of the term in running text. Upper-case protocol words
   * (IDLE, UPDATE) match case-sensitively so that "update" in prose is not taken for the state.
   */
  readonly matches: readonly string[];
  readonly caseSensitive?: boolean;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'maildrop',
    term: 'maildrop',
    definition:
      'POP3’s word for the one mailbox on the server where a user’s mail is delivered. A POP3 session sees only this mailbox. RFC 1939 asks the server to lock it as needed so that no message is changed or removed before the session reaches the UPDATE state (new mail may still arrive); many servers, this one included, then refuse a second session ([IN-USE]): that is server policy.',
    rfc: 'RFC 1939 §4, RFC 2449 §8.1.2',
    matches: ['maildrop', 'maildrops'],
  },
  {
    id: 'octet',
    term: 'octet',
    definition:
      'Eight bits: one byte. The RFCs say octet because bytes were not always eight bits. Every size on the wire (+OK 708 octets, RFC822.SIZE, a {708} literal) counts octets, each CRLF included.',
    rfc: 'RFC 1939 §11; RFC 9051 §2.3.4, §4.3',
    matches: ['octet', 'octets'],
  },
  {
    id: 'crlf',
    term: 'CRLF',
    definition:
      'Carriage return and line feed, the two octets 13 and 10 that end every command and response line in POP3 and IMAP, and every line of a message.',
    rfc: 'RFC 1939 §3; RFC 9051 §2.2',
    matches: ['CRLF'],
    caseSensitive: true,
  },
  {
    id: 'sequence-number-vs-uid',
    term: 'sequence number vs UID',
    definition:
      'A sequence number is a message’s position in the mailbox now (1, 2, 3…): when an earlier message is expunged, the later ones move down by one. A UID is the number the server gave the message in that mailbox: it cannot change during a session and should not change between sessions; if it ever does, the mailbox’s UIDVALIDITY changes too, and a UID is never reused under the same UIDVALIDITY, but a copy or a move into another mailbox gets a new UID there. POP3’s message numbers are positions too, fixed for the length of one session.',
    rfc: 'RFC 9051 §2.3.1; RFC 1939 §4',
    matches: ['sequence number', 'sequence numbers', 'message sequence number', 'UID', 'UIDs'],
    caseSensitive: true,
  },
  {
    id: 'uidvalidity',
    term: 'UIDVALIDITY',
    definition:
      'A number the server sends when a mailbox is selected. UIDs mean something only together with it: the server must raise it when the UIDs of an earlier session did not persist (the mailbox was recreated, say), so once it changes, the UIDs a client kept for that mailbox, and what it cached under them, no longer reliably name the same messages.',
    rfc: 'RFC 9051 §2.3.1.1',
    matches: ['UIDVALIDITY'],
    caseSensitive: true,
  },
  {
    id: 'uidl',
    term: 'UIDL',
    definition:
      'The POP3 command that lists a unique-id for each message, the same in every session (an optional command, though nearly every server has it; CAPA lists it). A client that leaves mail on the server remembers these ids and skips the messages it has already downloaded.',
    rfc: 'RFC 1939 §7',
    matches: ['UIDL', 'UIDLs'],
    caseSensitive: true,
  },
  {
    id: 'one-to-star',
    term: '1:*',
    definition:
      'An IMAP range meaning “from 1 to the last”: * stands for the highest number in use, the last sequence number or, in a UID command, the highest UID. UID FETCH 7:* asks for UID 7 and up; if no message has a UID that high, the range still names the last message, so the client gets it (say UID 6) and should skip it as one it has already seen.',
    rfc: 'RFC 3501 §6.4.8',
    matches: ['1:*'],
  },
  {
    id: 'seen',
    term: '\\Seen',
    definition:
      'The IMAP flag for “read”. The server stores it with the message, so every device sees it (in a mailbox opened read-write where PERMANENTFLAGS lists \\Seen, as nearly every server does; otherwise it lasts only the session); fetching a body without .PEEK sets it.',
    rfc: 'RFC 9051 §2.3.2, §6.4.5',
    matches: ['\\Seen'],
  },
  {
    id: 'deleted',
    term: '\\Deleted',
    definition:
      'The IMAP flag that marks a message for removal. Marking is not removing: the message stays, and can be unmarked, until EXPUNGE or CLOSE removes every message so marked.',
    rfc: 'RFC 9051 §2.3.2, §6.4.3, §6.4.1',
    matches: ['\\Deleted'],
  },
  {
    id: 'recent',
    term: '\\Recent',
    definition:
      'An IMAP4rev1 flag that only the server sets or clears: the message arrived since a session was last told of it. The first read-write session to see it so marked uses the mark up, but when the server cannot tell, or several sessions have the mailbox selected, more than one may see it. IMAP4rev2 (RFC 9051) deprecates it: clients must not rely on it, though a server that also speaks IMAP4rev1 may still send it.',
    rfc: 'RFC 3501 §2.3.2; RFC 9051 §2.3.2',
    matches: ['\\Recent'],
  },
  {
    id: 'flags',
    term: 'flags and keywords',
    definition:
      'Marks stored with an IMAP message on the server. System flags begin with a backslash (\\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft); keywords are names without the backslash, such as $Forwarded or $Junk (defined by RFC 9051) or $Label1; a server may let clients create new ones, and says so with \\* in its PERMANENTFLAGS. POP3 has no command that reads or sets them; a server that also serves IMAP may still mark a message \\Seen once a POP3 client has retrieved it (its policy: this lab’s server does, as Dovecot does).',
    rfc: 'RFC 9051 §2.3.2',
    matches: ['flag', 'flags', 'keyword', 'keywords'],
  },
  {
    id: 'expunge',
    term: 'EXPUNGE',
    definition:
      'As a command, it removes for good every message marked \\Deleted in the selected mailbox (CLOSE does the same silently, but only in a mailbox opened read-write; UID EXPUNGE only among the UIDs it names). As a server line (* 3 EXPUNGE) it says message 3 has left the mailbox (expunged, or moved elsewhere by MOVE); the 3 is a sequence number, not a UID, and every later message’s number drops by one.',
    rfc: 'RFC 9051 §6.4.3, §6.4.1, §7.5.1',
    matches: ['EXPUNGE', 'expunge', 'expunged', 'expunges'],
  },
  {
    id: 'tag',
    term: 'tag',
    definition:
      'The short label an IMAP client puts before each command (a1, a2…). The server’s final answer to that command begins with the same tag, so each answer can be matched to its command.',
    rfc: 'RFC 9051 §2.2.1',
    matches: ['tag', 'tags', 'tagged'],
  },
  {
    id: 'untagged',
    term: 'untagged response',
    definition:
      'A server line that begins with * instead of a tag: data or news rather than the end of a command (* 6 EXISTS, * 2 FETCH …). It may come with any command’s answer, even with no command in progress, and during IDLE it is how news arrives; but never an EXPUNGE while no command is in progress, nor during FETCH, STORE or SEARCH, since it would renumber the messages under the client.',
    rfc: 'RFC 9051 §2.2.2, §5.3, §7.5.1',
    matches: ['untagged'],
  },
  {
    id: 'literal',
    term: 'literal',
    definition:
      'An IMAP string sent as {n}, a CRLF, then exactly n octets. It can carry any octet but NUL (CR and LF too), such as a message: the receiver counts octets instead of looking for an end mark. A client sending one waits for the server’s “+” before the octets, unless it uses the non-synchronizing form {n+} (in IMAP4rev2 for up to 4096 octets). Data with NUL octets needs literal8, ~{n} (RFC 9051 §4.3.1).',
    rfc: 'RFC 9051 §4.3',
    matches: ['literal', 'literals'],
  },
  {
    id: 'dot-stuffing',
    term: 'dot-stuffing',
    definition:
      'How POP3 ends a multi-line response: a line holding only a dot ends it, so a message line that begins with a dot is sent with one more dot in front, which the client removes. The octets sent can therefore outnumber the size the server announced.',
    rfc: 'RFC 1939 §3, §11',
    matches: ['dot-stuffing', 'dot-stuffed', 'byte-stuffed', 'byte-stuffing'],
  },
  {
    id: 'idle',
    term: 'IDLE',
    definition:
      'An IMAP command with which the client tells the server it is ready for news (new mail, expunges, flag changes) without sending further commands, until it sends DONE. IDLE need not keep the session alive: a server MAY count an idling client as inactive and log it off (this one does after 30 minutes), so clients are advised to end and reissue IDLE at least every 29 minutes. How soon news comes is up to the server.',
    rfc: 'RFC 2177 §3; RFC 9051 §6.3.13',
    matches: ['IDLE'],
    caseSensitive: true,
  },
  {
    id: 'authorization-state',
    term: 'AUTHORIZATION state',
    definition:
      'The first POP3 state, where the client identifies itself (USER and PASS, APOP, or AUTH with a SASL mechanism, RFC 5034). On success the server locks the maildrop as far as it needs to (RFC 1939 §4; how it does so is server policy) and moves to the TRANSACTION state.',
    rfc: 'RFC 1939 §4',
    matches: ['AUTHORIZATION'],
    caseSensitive: true,
  },
  {
    id: 'transaction-state',
    term: 'TRANSACTION state',
    definition:
      'The POP3 state after login: the client lists, retrieves (RETR, TOP) and marks messages for deletion (DELE). Nothing it marks is removed yet.',
    rfc: 'RFC 1939 §5',
    matches: ['TRANSACTION'],
    caseSensitive: true,
  },
  {
    id: 'update-state',
    term: 'UPDATE state',
    definition:
      'The POP3 state entered when the client sends QUIT after logging in. Only then does the server remove the messages marked with DELE; it then releases the lock and closes the connection. A connection that ends without QUIT never reaches it: nothing is removed, and the lock is freed when the server ends the session (for instance by its inactivity timer, at least 10 minutes).',
    rfc: 'RFC 1939 §6, §3',
    matches: ['UPDATE'],
    caseSensitive: true,
  },
  {
    id: 'selected-state',
    term: 'selected state',
    definition:
      'The IMAP state after SELECT or EXAMINE: commands such as FETCH, STORE and EXPUNGE now act on that one mailbox.',
    rfc: 'RFC 9051 §3.3',
    matches: ['selected state'],
  },
  {
    id: 'mailbox',
    term: 'mailbox',
    definition:
      'In IMAP, a named folder of messages on the server (INBOX, Sent, Trash…); nearly every account has an INBOX and may have more. POP3 sees only one, the maildrop.',
    rfc: 'RFC 9051 §5.1',
    matches: ['mailbox', 'mailboxes'],
  },
  {
    id: 'envelope',
    term: 'ENVELOPE',
    definition:
      'A FETCH item: the main header fields of a message (date, subject, from, to, cc, message-id…) already parsed into a structure. It is a summary, not the raw header text.',
    rfc: 'RFC 9051 §2.3.5',
    matches: ['ENVELOPE'],
    caseSensitive: true,
  },
  {
    id: 'bodystructure',
    term: 'BODYSTRUCTURE',
    definition:
      'A FETCH item describing the MIME parts of a message (the type, size and encoding of each), so a client can fetch just the part it wants, such as BODY.PEEK[1], and leave the attachments.',
    rfc: 'RFC 9051 §2.3.6',
    matches: ['BODYSTRUCTURE'],
    caseSensitive: true,
  },
  {
    id: 'leave-a-copy',
    term: 'leave a copy on the server',
    definition:
      'A POP3 client setting, not part of the protocol: the client downloads but sends no DELE, and remembers UIDLs so it does not fetch a message twice. Clients add variants: remove after N days, or when I delete it here.',
    rfc: 'RFC 1939 §7',
    matches: ['leave a copy', 'leave-a-copy', 'leaves a copy', 'leave messages on the server'],
  },
  {
    id: 'offline-copies',
    term: 'offline copies',
    definition:
      'An IMAP client setting: download and keep the full text of messages (all of them, or chosen folders) so they can be read without a connection. The server’s copy stays the reference.',
    rfc: 'RFC 9051 §6.4.5',
    matches: ['offline copies', 'offline copy'],
  },
  {
    id: 'mime',
    term: 'MIME',
    definition:
      'Multipurpose Internet Mail Extensions: the rules that let one message carry several parts (text, HTML, attachments) and text beyond ASCII, each part with its own Content-Type.',
    rfc: 'RFC 2045 §1; RFC 2046 §5.1',
    matches: ['MIME'],
    caseSensitive: true,
  },
  {
    id: 'rfc',
    term: 'RFC',
    definition:
      'Request for Comments: the numbered documents that define Internet protocols. POP3 is RFC 1939 (extended by RFC 2449); IMAP4rev1 is RFC 3501, obsoleted by RFC 9051 (IMAP4rev2); the message format is RFC 5322. “§6” means section 6.',
    rfc: 'RFC 2026 §2.1',
    matches: ['RFC'],
    caseSensitive: true,
  },
];

/** A piece of text: plain, or a use of the glossary entry `id`. */
export type GlossarySegment = { readonly text: string; readonly id?: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex per spelling, longest first; a match must not sit inside a longer word or flag. */
const MATCHERS = GLOSSARY.flatMap((entry) =>
  entry.matches.map((m) => ({
    id: entry.id,
    length: m.length,
    re: new RegExp(`(?<![\\w\\\\:$-])${escape(m)}(?![\\w:-])`, entry.caseSensitive ? 'g' : 'gi'),
  })),
).sort((a, b) => b.length - a.length);

/**
 * Splits `text` so that the first use of each glossary term (outside `skip`) is its own segment
 * with the entry's id; everything else is plain. Overlapping uses go to the longer spelling.
 */
export function glossarySegments(text: string, skip: ReadonlySet<string> = new Set()): GlossarySegment[] {
  const found: { start: number; end: number; id: string }[] = [];
  const taken = new Set(skip);
  const hits = MATCHERS.flatMap(({ id, re }) =>
    [...text.matchAll(re)].map((m) => ({ id, start: m.index, end: m.index + m[0].length })),
  ).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const hit of hits) {
    if (taken.has(hit.id)) continue;
    if (found.some((f) => hit.start < f.end && f.start < hit.end)) continue;
    found.push(hit);
    taken.add(hit.id);
  }
  found.sort((a, b) => a.start - b.start);
  const out: GlossarySegment[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), id: f.id });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
