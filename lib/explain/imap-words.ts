import { IMAP, cite, type ImapRef } from './cite';

/** What a word means and where it is defined; `rev2`: the session's revision. */
export interface Meaning {
  readonly text: string;
  readonly rfc?: string;
}

type Table = Record<string, { text: string; ref?: ImapRef | string }>;

function look(table: Table, key: string, rev2: boolean | undefined): Meaning | undefined {
  const entry = table[key.toUpperCase()];
  if (!entry) return undefined;
  const rfc = typeof entry.ref === 'string' ? entry.ref : entry.ref ? cite(entry.ref, rev2) : undefined;
  return { text: entry.text, ...(rfc ? { rfc } : {}) };
}

const FLAGS: Table = {
  '\\SEEN': { text: '\\Seen: the message has been read.', ref: IMAP.flags },
  '\\ANSWERED': { text: '\\Answered: the message has been replied to.', ref: IMAP.flags },
  '\\FLAGGED': { text: '\\Flagged: the message is marked for attention (a star or flag).', ref: IMAP.flags },
  '\\DELETED': {
    text: '\\Deleted: the message is marked for deletion; it stays until an EXPUNGE (or CLOSE) removes it.',
    ref: IMAP.flags,
  },
  '\\DRAFT': { text: '\\Draft: the message is an unfinished draft.', ref: IMAP.flags },
  '\\RECENT': {
    // RFC 9051 §2.3.2: "This flag was in use in IMAP4rev1 and is now deprecated"; selected.ts
    // adds it to the flags of IMAP4rev1 sessions only.
    text: '\\Recent: this session is the first to see the message since it arrived. Only the server sets it. An IMAP4rev1 flag, deprecated in IMAP4rev2 (RFC 9051 Appendix E): this server does not send it once IMAP4rev2 is enabled.',
    ref: IMAP.recentFlag,
  },
  '\\*': { text: '\\*: the client may also create new keywords of its own.', ref: IMAP.codes },
};

/** A message flag (system flag or keyword). */
export function flagMeaning(flag: string, rev2: boolean | undefined): Meaning {
  return (
    look(FLAGS, flag, rev2) ?? {
      text: flag.startsWith('\\')
        ? `${flag}: a system flag this explainer does not know.`
        : `${flag}: a keyword, a flag that is not one of the system flags (clients and servers agree on its meaning).`,
      rfc: cite(IMAP.flags, rev2),
    }
  );
}

/** Attributes RFC 3501 lacks: LIST-EXTENDED (RFC 5258 §3) added them; RFC 9051 has them all. */
const EXTENDED: ImapRef = { rev1: 'RFC 5258 §3', rev2: 'RFC 9051 §7.3.1' };
const CHILDREN: ImapRef = { rev1: 'RFC 5258 §4', rev2: 'RFC 9051 §7.3.1' };

const ATTRIBUTES: Table = {
  '\\NOSELECT': {
    text: '\\Noselect: a name in the hierarchy that cannot be opened (it holds no messages).',
    ref: IMAP.listResponse,
  },
  '\\NONEXISTENT': { text: '\\NonExistent: no mailbox of this name exists.', ref: EXTENDED },
  '\\NOINFERIORS': {
    text: '\\Noinferiors: no child mailboxes can be created under it.',
    ref: IMAP.listResponse,
  },
  '\\HASCHILDREN': { text: '\\HasChildren: it has child mailboxes.', ref: CHILDREN },
  '\\HASNOCHILDREN': { text: '\\HasNoChildren: it has no child mailboxes.', ref: CHILDREN },
  '\\MARKED': {
    text: '\\Marked: probably has new messages since it was last selected.',
    ref: IMAP.listResponse,
  },
  '\\UNMARKED': { text: '\\Unmarked: no new messages since it was last selected.', ref: IMAP.listResponse },
  '\\SUBSCRIBED': { text: '\\Subscribed: the user subscribed to it.', ref: EXTENDED },
  '\\ALL': { text: '\\All (special use): a view of all messages.', ref: IMAP.specialUse },
  '\\ARCHIVE': { text: '\\Archive (special use): where messages are archived.', ref: IMAP.specialUse },
  '\\DRAFTS': { text: '\\Drafts (special use): where drafts are kept.', ref: IMAP.specialUse },
  '\\FLAGGED': { text: '\\Flagged (special use): a view of flagged messages.', ref: IMAP.specialUse },
  '\\JUNK': { text: '\\Junk (special use): where junk mail goes.', ref: IMAP.specialUse },
  '\\SENT': { text: '\\Sent (special use): where copies of sent mail are kept.', ref: IMAP.specialUse },
  '\\TRASH': {
    text: '\\Trash (special use): the mailbox for deleted messages. A client finds it by this attribute, not by its name.',
    ref: IMAP.specialUse,
  },
};

/** A mailbox attribute in a LIST (or LSUB) response. */
export function attributeMeaning(attr: string, rev2: boolean | undefined): Meaning {
  return (
    look(ATTRIBUTES, attr, rev2) ?? {
      text: `${attr}: a mailbox attribute this explainer does not know; clients ignore those they do not know.`,
      rfc: cite(IMAP.listResponse, rev2),
    }
  );
}

const CAPABILITIES: Table = {
  IMAP4REV1: {
    text: 'IMAP4rev1: the server speaks IMAP4rev1 (RFC 3501), the version every client knows.',
    ref: 'RFC 3501 §7.2.1',
  },
  IMAP4REV2: {
    text: 'IMAP4rev2: the server also speaks IMAP4rev2 (RFC 9051), but only to a client that turns it on with ENABLE IMAP4rev2; others get IMAP4rev1.',
    ref: 'RFC 9051 Appendix A',
  },
  'LITERAL+': {
    text: 'LITERAL+: the client may send a literal {n+} without waiting for the server’s "+".',
    ref: 'RFC 7888 §3',
  },
  ENABLE: {
    text: 'ENABLE: the client can turn on extensions that change how the server answers.',
    ref: IMAP.enable,
  },
  IDLE: {
    text: 'IDLE: the client can wait for the server to send changes, instead of polling with NOOP.',
    ref: IMAP.idle,
  },
  NAMESPACE: {
    text: 'NAMESPACE: the client can ask how mailbox names are organised.',
    ref: IMAP.namespaceCommand,
  },
  UNSELECT: {
    text: 'UNSELECT: the client can close a mailbox without expunging anything.',
    ref: { rev1: 'RFC 3691 §1', rev2: 'RFC 9051 §6.4.2' },
  },
  UIDPLUS: {
    text: 'UIDPLUS: copies, moves and uploads report the new UIDs (COPYUID, APPENDUID).',
    ref: 'RFC 4315 §1',
  },
  MOVE: {
    text: 'MOVE: messages can be moved in one step instead of COPY, STORE \\Deleted and EXPUNGE.',
    ref: 'RFC 6851 §3.3',
  },
  SEARCHRES: {
    text: 'SEARCHRES: SEARCH RETURN (SAVE) keeps the result on the server, and "$" names it in the next command (FETCH $, STORE $…), so the client need not send the numbers back.',
    ref: { rev1: 'RFC 5182 §2.1', rev2: 'RFC 9051 §6.4.4' },
  },
  ESEARCH: {
    text: 'ESEARCH: SEARCH can return compact results (MIN, MAX, COUNT, ALL as ranges).',
    ref: IMAP.esearch,
  },
  'SPECIAL-USE': {
    text: 'SPECIAL-USE: LIST marks mailboxes by role (\\Trash, \\Sent, \\Drafts…).',
    ref: IMAP.specialUse,
  },
  ID: {
    // "The sole purpose of the ID extension is to enable clients and servers to exchange
    // information on their implementations for the purposes of statistical analysis and problem
    // determination" is RFC 2971 §3's, not §3.1's (the ID command).
    text: 'ID: client and server can tell each other which program they are (ID command, for statistics and problem determination only).',
    ref: 'RFC 2971 §3',
  },
  QUOTA: {
    text: 'QUOTA: the client can ask how much of the account’s storage limit is used (GETQUOTAROOT, GETQUOTA).',
    ref: 'RFC 9208 §1',
  },
  'QUOTA=RES-STORAGE': {
    text: 'QUOTA=RES-STORAGE: the quota limits storage, counted in units of 1024 octets.',
    ref: 'RFC 9208 §5.1',
  },
  'QUOTA=RES-MESSAGE': {
    text: 'QUOTA=RES-MESSAGE: the quota can limit the number of messages.',
    ref: 'RFC 9208 §5.2',
  },
  SORT: {
    text: 'SORT: the server can search and return the matches sorted (by date, sender, subject…), so the client downloads no headers to sort.',
    ref: 'RFC 5256 §3',
  },
  'SORT=DISPLAY': {
    text: 'SORT=DISPLAY: SORT can also order by the sender’s or recipient’s display name (DISPLAYFROM, DISPLAYTO).',
    ref: 'RFC 5957 §3',
  },
  ESORT: {
    text: 'ESORT: SORT takes RETURN (MIN MAX ALL COUNT) and answers in one compact ESEARCH line, in the sort order.',
    ref: 'RFC 5267 §3.1',
  },
  'CONTEXT=SEARCH': {
    text: 'CONTEXT=SEARCH: SEARCH RETURN (UPDATE) keeps a search live: the server then says, unasked, which messages join (ADDTO) or leave (REMOVEFROM) its result.',
    ref: 'RFC 5267 §4.1',
  },
  'CONTEXT=SORT': {
    text: 'CONTEXT=SORT: the same for SORT: updates name the position in the sorted list where messages join or leave.',
    ref: 'RFC 5267 §4.1',
  },
  PARTIAL: {
    text: 'PARTIAL: SEARCH, SORT and UID FETCH can return one page of the result (PARTIAL 1:50, or -1:-50 for the last 50).',
    ref: 'RFC 9394 §3',
  },
  'THREAD=ORDEREDSUBJECT': {
    text: 'THREAD=ORDEREDSUBJECT: the server can group messages into conversations by subject (THREAD ORDEREDSUBJECT).',
    ref: 'RFC 5256 §3',
  },
  'THREAD=REFERENCES': {
    text: 'THREAD=REFERENCES: the server can group messages into conversations by who answered whom, following Message-ID, In-Reply-To and References, then merging by subject (THREAD REFERENCES).',
    ref: 'RFC 5256 §3',
  },
  CONDSTORE: {
    text: 'CONDSTORE: every message has a mod-sequence, so a client can ask for only what changed since it last looked (FETCH … CHANGEDSINCE), and store flags only if nobody changed them meanwhile (UNCHANGEDSINCE).',
    ref: 'RFC 7162 §3.1',
  },
  QRESYNC: {
    text: 'QRESYNC: a client that cached a mailbox resynchronizes it in one SELECT: the server answers with only what changed and which UIDs vanished.',
    ref: 'RFC 7162 §3.2',
  },
  BINARY: {
    text: 'BINARY: the server can undo an attachment’s transfer encoding (base64, quoted-printable) and send the octets themselves (FETCH BINARY[…], BINARY.SIZE), and APPEND takes binary data as a literal8 ~{n}.',
    ref: 'RFC 3516 §4.1',
  },
  MULTIAPPEND: {
    text: 'MULTIAPPEND: one APPEND can upload several messages, stored all or none.',
    ref: 'RFC 3502 §6.3.11',
  },
  'UTF8=ACCEPT': {
    text: 'UTF8=ACCEPT: an IMAP4rev1 client that sends ENABLE UTF8=ACCEPT gets mailbox names in UTF-8 instead of modified UTF-7, and may upload messages whose header fields are UTF-8 (IMAP4rev2 has this built in).',
    ref: 'RFC 9755 §3',
  },
  CATENATE: {
    text: 'CATENATE: APPEND can build a message on the server from pieces, some sent, some copied by URL from messages already there (so a draft’s attachment need not be uploaded again).',
    ref: 'RFC 4469 §2',
  },
  URLAUTH: {
    text: 'URLAUTH: the client can have the server sign an IMAP URL of a message part (GENURLAUTH) so that someone else, such as its submission server (BURL), may fetch that part (URLFETCH) without the password; RESETKEY invalidates such URLs.',
    ref: 'RFC 4467 §1',
  },
  NOTIFY: {
    text: 'NOTIFY: the client can ask to hear of changes unasked: in the selected mailbox (new mail, expunges, flags) and in others (as STATUS), and of mailboxes created, renamed, deleted or (un)subscribed (as LIST).',
    ref: 'RFC 5465 §3',
  },
  'LIST-EXTENDED': {
    text: 'LIST-EXTENDED: LIST takes selection and return options (SUBSCRIBED, CHILDREN…) and several patterns at once.',
    ref: 'RFC 5258 §3',
  },
  'LIST-STATUS': {
    text: 'LIST-STATUS: LIST can return each mailbox’s STATUS (message counts) in the same answer.',
    ref: 'RFC 5819 §2',
  },
  // RFC 4959 §1: the extension "is present in any IMAP server implementation which returns
  // "SASL-IR" as one of the supported capabilities"; RFC 4959 §3 is the AUTHENTICATE it changes.
  'SASL-IR': {
    text: 'SASL-IR: AUTHENTICATE may carry the first credentials on the command line itself.',
    ref: 'RFC 4959 §1',
  },
  'AUTH=PLAIN': {
    text: 'AUTH=PLAIN: the client may log in with AUTHENTICATE PLAIN (name and password in base64, not encrypted).',
    ref: both('6.2.2'),
  },
  STARTTLS: { text: 'STARTTLS: the connection can be switched to TLS encryption.', ref: both('6.2.1') },
  LOGINDISABLED: {
    text: 'LOGINDISABLED: the LOGIN command is refused on this connection (typically until TLS).',
    ref: IMAP.capability,
  },
};

/** Every flag, mailbox attribute and capability these tables explain, for tests that walk them. */
export const KNOWN_WORDS = {
  flags: Object.keys(FLAGS),
  attributes: Object.keys(ATTRIBUTES),
  capabilities: Object.keys(CAPABILITIES),
} as const;

function both(section: string): ImapRef {
  return { rev1: `RFC 3501 §${section}`, rev2: `RFC 9051 §${section}` };
}

/** One capability name, as in CAPABILITY or ENABLED. */
export function capabilityMeaning(name: string, rev2: boolean | undefined): Meaning {
  return (
    look(CAPABILITIES, name, rev2) ?? {
      text: `${name}: an extension this server supports.`,
      rfc: cite(IMAP.capability, rev2),
    }
  );
}
