import { registry } from '../imap/extensions/registry';
import { ImapSession } from '../imap/session';
import { decodeHeaderValue } from '../mail/decode';
import { headerValue, parseHeaderBlock } from '../mail/mime';
import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { LoopbackConnection } from '../session/loopback';
import { createServerContext } from '../session/types';
import { bytesToDisplayText } from '../wire/bytes';
import { authorizedExample, exampleRandom } from './examples';
import { parseThreadLine, type ThreadNode } from './thread-tree';

/** One line of an example exchange: `C:` the client, `S:` the server. */
export interface ExchangeLine {
  readonly from: 'C' | 'S';
  readonly text: string;
}

/** A message of a conversation view: a node of a THREAD response, labelled from the mailbox. */
export interface ConversationNode {
  /** The number THREAD gave; null for a message the mailbox does not hold (a missing parent). */
  readonly number: number | null;
  readonly subject: string;
  readonly from: string;
  readonly children: readonly ConversationNode[];
}

/** One IMAP extension as the reference page shows it: straight from its registry record. */
export interface ExtensionReference {
  readonly name: string;
  readonly rfc: string;
  /** What it is for, in a sentence or two (empty when none is written yet). */
  readonly summary: string;
  readonly capabilities: readonly string[];
  /** What it adds, by kind, e.g. `{ kind: 'FETCH modifiers', names: ['CHANGEDSINCE'] }`. */
  readonly adds: readonly { readonly kind: string; readonly names: readonly string[] }[];
  readonly responseCodes: readonly {
    readonly name: string;
    readonly summary: string;
    readonly rfc: string;
  }[];
  /** A real exchange, as the engine answers it (only the lines after `setup`), when there is one. */
  readonly example: readonly ExchangeLine[];
  /**
   * The conversation view: the example's first `* THREAD` response drawn as a tree, each
   * message labelled with its subject and sender from the mailbox the example ran against.
   */
  readonly conversation: readonly ConversationNode[];
}

/** What each extension is for, by folder name (the registry records say what they add). */
export const EXTENSION_SUMMARIES: Readonly<Record<string, string>> = {
  searchres:
    'SEARCH RETURN (SAVE) keeps the result on the server, and "$" then names those messages in FETCH, STORE, COPY, MOVE and SEARCH: the client need not send the numbers back.',
  id: 'Client and server tell each other which program they are, for logs and bug reports; neither changes what it does because of it.',
  quota:
    "The client asks how much of the account's storage limit is used, so it can show a storage bar before it fills. This server's limits are hard (RFC 9208 §3.1.2 allows soft ones too, which only warn): an APPEND, COPY or MOVE that would pass one fails, its NO carrying [OVERQUOTA] as §4.3.1 says it SHOULD, and arriving mail is refused over SMTP (server policy). With QUOTA=RES-MESSAGE the server must also answer STATUS (DELETED) (§5.2), which IMAP4rev2 has anyway.",
  sort: 'The server sorts and threads search results, so a client can show a sorted list or a conversation view without downloading the headers it would sort by.',
  esort:
    "SORT answers in ESEARCH's compact form: MIN and MAX are the ends of the sort order, COUNT how many match, ALL the matches in order.",
  partial:
    'One page of a result: SEARCH and SORT return only the matches at positions 1:50 (or the last 50, -1:-50), and UID FETCH answers for only a page of the UIDs it names. A phone showing the newest 50 of 20,000 messages needs no more.',
  context:
    'A search that stays up to date: after SEARCH or SORT RETURN (UPDATE), the server tells the client, unasked, which messages join the result (ADDTO) and which leave it (REMOVEFROM), until CANCELUPDATE, or until the mailbox is no longer selected (another SELECT or EXAMINE, CLOSE, UNSELECT, LOGOUT; RFC 5267 §4.3).',
  'list-extended':
    "LIST takes selection options (SUBSCRIBED, SPECIAL-USE…), several patterns at once, and return options, including each mailbox's STATUS in the same answer (LIST-STATUS).",
  condstore:
    'Every message has a mod-sequence that grows with each change, so a client can ask for only what changed since it last looked, and store flags only if nobody changed them meanwhile.',
  qresync:
    'A client that cached a mailbox resynchronises it in one SELECT: the server names the UIDs expunged since (VANISHED) and sends only the messages changed.',
  binary:
    'The server undoes an attachment’s transfer encoding (base64 is a third larger) and sends the octets themselves; BINARY.SIZE tells the size first. APPEND takes binary data as a literal8 ~{n}, which may hold NUL octets.',
  multiappend:
    'One APPEND uploads several messages, each with its own flags and date, stored all or none: with LITERAL+ a whole batch is one round trip. The exchange below builds both messages with CATENATE (RFC 4469) so that it fits on the page; a client usually sends each as a literal.',
  'utf8-accept':
    'An IMAP4rev1 client that sends ENABLE UTF8=ACCEPT gets what IMAP4rev2 has: mailbox names in UTF-8 instead of modified UTF-7, and messages with UTF-8 header fields in APPEND.',
  notify:
    'The client says once which changes it wants to hear of, and the server tells it unasked as they happen, without IDLE: new mail and expunges in the selected mailbox, a STATUS for other mailboxes, a LIST when a mailbox is created, renamed or deleted. Below, after NOTIFY, another device copies a message to Sent, puts a new one in INBOX, expunges message 2 and creates a folder: the server lines between the two commands came with no command in progress.',
  catenate:
    'APPEND builds a message on the server from pieces: text the client sends and parts of messages already stored, named by URL, so a draft’s attachment is not uploaded again.',
  urlauth:
    'GENURLAUTH signs an IMAP URL of a message part with a secret key of its mailbox, and whoever the URL names may then fetch that part (URLFETCH) without the owner’s password: a submission server, for BURL, sends an attachment without the client downloading it. RESETKEY changes the key, and the URLs made with the old one stop working.',
};

/** The message another device puts in INBOX in NOTIFY's example. */
const LUNCH = 'From: Chris Classmate <chris@popvsimap.lab>\r\nSubject: Lunch?\r\n\r\nNoon at the cafe?\r\n';

/**
 * Example exchanges per extension (by folder name): `setup` runs unseen (a second session, `L:`
 * lines, plays "another device"), then `lines` are shown with the engine's answers (an `L:` line
 * among them runs on the other session, unseen, between the shown ones).
 */
export const EXTENSION_EXAMPLES: Readonly<
  Record<
    string,
    {
      readonly setup: readonly string[];
      readonly lines: readonly string[];
      /** Limits set on the account before the run (octets, messages). */
      readonly quota?: { readonly bytes?: number; readonly messages?: number };
    }
  >
> = {
  searchres: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 SEARCH RETURN (SAVE) SINCE 5-Mar-2026',
      'a4 FETCH $ (UID INTERNALDATE)',
      'a5 STORE $ +FLAGS (\\Flagged)',
    ],
  },
  id: {
    setup: [],
    lines: ['a1 ID ("name" "imapflow" "version" "1.15.0")'],
  },
  quota: {
    setup: ['a1 LOGIN student secret'],
    lines: ['a2 GETQUOTAROOT INBOX'],
    quota: { bytes: 50 * 1024, messages: 500 },
  },
  esort: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 SORT RETURN (MIN MAX COUNT) (REVERSE DATE) UTF-8 ALL',
      'a4 UID SORT RETURN (ALL) (SUBJECT) UTF-8 ALL',
    ],
  },
  partial: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 UID SEARCH RETURN (COUNT PARTIAL -1:-2) ALL',
      'a4 UID SEARCH RETURN (PARTIAL 5:10) ALL',
      'a5 UID SEARCH RETURN (PARTIAL 7:10) ALL',
      'a6 UID FETCH 1:* (FLAGS) (PARTIAL -1:-2)',
    ],
  },
  context: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 UID SEARCH RETURN (UPDATE COUNT) UNSEEN',
      'L: STORE 3 +FLAGS (\\Seen)',
      'a4 NOOP',
      'a5 CANCELUPDATE "a3"',
    ],
  },
  'list-extended': {
    setup: ['a1 LOGIN student secret'],
    lines: ['a2 LIST "" "*" RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN))'],
  },
  condstore: {
    // The NOOP (unseen) takes the other device's change as it happens, so the FETCH below shows
    // only its answer: what changed since mod-sequence 7, as a client that was away would ask.
    setup: [
      'a1 LOGIN student secret',
      'a2 SELECT INBOX (CONDSTORE)',
      'L: STORE 2 +FLAGS (\\Flagged)',
      'a3 NOOP',
    ],
    lines: [
      'a4 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7)',
      'a5 UID STORE 1:2 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen)',
      'a6 SEARCH MODSEQ 8',
    ],
  },
  qresync: {
    setup: [
      'a1 LOGIN student secret',
      'L: STORE 3 +FLAGS (\\Deleted)',
      'L: EXPUNGE',
      'L: STORE 1 +FLAGS (\\Seen)',
    ],
    lines: ['a2 ENABLE QRESYNC', 'a3 SELECT INBOX (QRESYNC (1700000000 7))'],
  },
  // Seed message 3's part 2 is a CSV attachment in base64.
  binary: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: ['a3 FETCH 3 (BINARY.SIZE[2] BODY.PEEK[2.MIME])', 'a4 FETCH 3 BINARY.PEEK[2]'],
  },
  // Two messages in one APPEND, each built by CATENATE so that no literal is needed here.
  multiappend: {
    setup: ['a1 LOGIN student secret'],
    lines: [
      'a2 APPEND Drafts (\\Seen) CATENATE (URL "/INBOX/;UID=1") (\\Flagged) CATENATE (URL "/INBOX/;UID=4")',
    ],
  },
  'utf8-accept': {
    setup: ['a1 LOGIN student secret', 'a2 CREATE "Entw&APw-rfe"'],
    lines: ['a3 LIST "" "Entw*"', 'a4 ENABLE UTF8=ACCEPT', 'a5 LIST "" "Entw*"'],
  },
  catenate: {
    setup: ['a1 LOGIN student secret'],
    lines: [
      'a2 APPEND Drafts CATENATE (URL "/INBOX/;UID=99")',
      'a3 APPEND Drafts (\\Draft) CATENATE (URL "/INBOX/;UID=3/;SECTION=HEADER" URL "/INBOX/;UID=3/;SECTION=TEXT")',
    ],
  },
  // Seed message 3's part 1, for any logged-in user; a new key (RESETKEY) invalidates the URL.
  urlauth: {
    setup: ['a1 LOGIN student secret'],
    lines: [
      'a2 GENURLAUTH "imap://student@popvsimap.lab/INBOX/;UID=3/;SECTION=1;URLAUTH=authuser" INTERNAL',
      `a3 URLFETCH "${authorizedExample('imap://student@popvsimap.lab/INBOX/;UID=3/;SECTION=1;URLAUTH=authuser')}"`,
      'a4 RESETKEY INBOX',
      `a5 URLFETCH "${authorizedExample('imap://student@popvsimap.lab/INBOX/;UID=3/;SECTION=1;URLAUTH=authuser')}"`,
    ],
  },
  // Another device's changes arrive as they happen, between the shown commands (RFC 5465 §3.1).
  notify: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 NOTIFY SET STATUS (selected (MessageNew (UID FLAGS) MessageExpunge)) (personal (MessageNew MessageExpunge MailboxName))',
      'L: COPY 1 Sent',
      `L: APPEND INBOX {${LUNCH.length}+}\r\n${LUNCH}`,
      'L: STORE 2 +FLAGS.SILENT (\\Deleted)',
      'L: EXPUNGE',
      'L: CREATE Projects',
      'a4 NOTIFY NONE',
    ],
  },
  // The conversation view: the seed's study-group messages (4, 5, 6) answer one another.
  sort: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 THREAD REFERENCES UTF-8 ALL',
      'a4 FETCH 4:6 (ENVELOPE)',
      'a5 THREAD ORDEREDSUBJECT UTF-8 ALL',
      'a6 SORT (REVERSE DATE) UTF-8 ALL',
    ],
  },
};

interface Run {
  readonly lines: ExchangeLine[];
  readonly store: MailStore;
}

function runExample(example: (typeof EXTENSION_EXAMPLES)[string]): Run {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 10, 12, 0, 0) } });
  seedStore(store);
  if (example.quota) {
    const account = store.getAccount('student')!;
    account.quotaBytes = example.quota.bytes ?? null;
    account.quotaMessages = example.quota.messages ?? null;
  }
  const server = createServerContext(store, { random: exampleRandom() });
  const connect = () => {
    const c = new LoopbackConnection((io) => new ImapSession(server, io));
    c.take();
    return c;
  };
  const c = connect();
  const other = connect();
  other.send('l1 LOGIN student secret');
  other.send('l2 SELECT INBOX');
  let n = 3;
  for (const line of example.setup) {
    if (line.startsWith('L: ')) other.send(`l${n++} ${line.slice(3)}`);
    else c.send(line);
  }
  const out: ExchangeLine[] = [];
  for (const line of example.lines) {
    // Another device's command, between the shown ones: run, not shown.
    if (line.startsWith('L: ')) {
      other.send(`l${n++} ${line.slice(3)}`);
      // What the server pushed meanwhile, unasked (NOTIFY): shown where it arrived.
      const pushed = bytesToDisplayText(c.take()).replace(/\r\n$/, '');
      if (pushed) for (const text of pushed.split('\r\n')) out.push({ from: 'S', text });
      continue;
    }
    out.push({ from: 'C', text: line });
    for (const text of bytesToDisplayText(c.send(line)).replace(/\r\n$/, '').split('\r\n'))
      out.push({ from: 'S', text });
  }
  return { lines: out, store };
}

/**
 * The example's first THREAD response as a conversation view. THREAD numbers are sequence
 * numbers of INBOX (the examples use THREAD, not UID THREAD), labelled from the run's store.
 */
function conversationOf(run: Run): ConversationNode[] {
  const line = run.lines.find((l) => l.from === 'S' && l.text.startsWith('* THREAD '));
  const threads = line ? parseThreadLine(line.text) : null;
  if (!threads) return [];
  const inbox = run.store.getAccount('student')!.inbox.messages.filter((m) => !m.expunged);
  const label = (node: ThreadNode): ConversationNode => {
    const message = node.number === null ? undefined : inbox[node.number - 1];
    const headers = message ? parseHeaderBlock(message.raw, 0, message.raw.length).headers : [];
    const field = (name: string) => decodeHeaderValue(headerValue(headers, name) ?? '');
    return {
      number: node.number,
      subject: message ? field('Subject') : '(a message this mailbox does not hold)',
      from: message ? field('From') : '',
      children: node.children.map(label),
    };
  };
  return threads.map(label);
}

/** Every registered IMAP extension, in the order CAPABILITY lists them. */
export function extensionReference(): ExtensionReference[] {
  return registry().extensions.map((e) => {
    const names = (defs: readonly { readonly name: string }[] | undefined) => (defs ?? []).map((d) => d.name);
    const adds = [
      { kind: 'commands', names: names(e.commands) },
      { kind: 'ENABLE', names: Object.keys(e.enable ?? {}) },
      { kind: 'FETCH items', names: names(e.fetchItems) },
      { kind: 'FETCH modifiers', names: names(e.fetchModifiers) },
      { kind: 'STORE modifiers', names: names(e.storeModifiers) },
      { kind: 'SEARCH keys', names: names(e.searchKeys) },
      { kind: 'SELECT/EXAMINE parameters', names: names(e.selectParams) },
      { kind: 'STATUS items', names: names(e.statusItems) },
      { kind: 'APPEND data', names: names(e.appendData) },
    ].filter((a) => a.names.length > 0);
    const example = EXTENSION_EXAMPLES[e.name];
    const run = example ? runExample(example) : null;
    return {
      name: e.name,
      rfc: e.rfc,
      summary: EXTENSION_SUMMARIES[e.name] ?? '',
      capabilities: typeof e.capability === 'string' ? [e.capability] : [...e.capability],
      adds,
      responseCodes: e.responseCodes ?? [],
      example: run?.lines ?? [],
      conversation: run ? conversationOf(run) : [],
    };
  });
}
