/**
 * Every scenario's id, title and lesson: light enough for the page to list without loading the
 * engine. The scenario files take their title and claim from here, so the two never drift.
 */
export const CATALOG = [
  {
    id: 'one-laptop',
    title: 'One laptop: download-and-delete vs. headers first',
    claim:
      'A POP3 client set to delete after downloading (a client setting, off when you tick "leave a copy on the server") moves every message to the laptop and empties the server; an IMAP client fetches each message’s envelope (a summary of its header), downloads only what you open, and the server marks it read.',
    variants: [{ id: 'leave-copy', label: 'POP3 client: leave a copy on the server' }],
  },
  {
    id: 'laptop-and-phone',
    title: 'Read on the phone, then open the laptop',
    claim:
      'With IMAP both devices show the same read/unread state, kept on the server. With POP3 the laptop finds the mail gone if the phone’s client deletes after downloading; with "leave a copy" it downloads the mail again, with no read marks: POP3 has no flags on the server.',
    variants: [{ id: 'leave-copy', label: 'POP3 clients: leave a copy on the server' }],
  },
  {
    id: 'webmail-and-desktop',
    title: 'Mark as read on the desktop, look in webmail',
    claim:
      'IMAP stores "read" on the server, so webmail agrees with the desktop. POP3 has no command to store it: the desktop keeps its read marks to itself, and webmail shows whatever the server decided (server policy: Dovecot, like this lab, marks downloaded messages read when the POP3 session that downloaded them ends).',
  },
  {
    id: 'offline',
    title: 'Go offline after syncing',
    claim:
      'Offline, a POP3 client has every message it downloaded; an IMAP client has what it cached: by default here the one message opened, or every message when it is set to keep offline copies (a client setting).',
    variants: [{ id: 'offline-all', label: 'IMAP client: keep offline copies of every message' }],
  },
  {
    id: 'headers-first',
    title: '50 messages on a slow link, read one',
    claim:
      'On a slow link an IMAP client shows the list sooner and moves far fewer bytes: it fetches 50 envelopes, then only the text part of the one message opened (BODYSTRUCTURE, BODY.PEEK[1]). A POP3 client that downloads everything fetches all 50 in full; POP3’s TOP could fetch headers only, but that is a client option, usually off.',
  },
  {
    id: 'server-quota',
    title: 'A small server quota fills up',
    claim:
      'A POP3 client that deletes after downloading keeps the server nearly empty, so new mail keeps fitting; an IMAP account keeps mail on the server, so a small quota fills and new mail is refused (552 5.2.2). A message the server has accepted for several recipients gets one reply for all, so when one recipient’s copy cannot be delivered, the classmate who sent it receives a delivery status notification (RFC 3464) in their own INBOX. The quota itself is server policy.',
  },
  {
    id: 'dropped-connection',
    title: 'The link drops in the middle of a session',
    claim:
      'When the link vanishes the server is told nothing and learns it only from its timer. POP3 removes messages only in the UPDATE state after QUIT (RFC 1939 §6), so nothing is deleted; the abandoned session keeps the maildrop locked, so reconnecting at once gets -ERR [IN-USE] (RFC 2449 §8.1.2). A client that remembers UIDLs then skips what it has; only a naive one downloads it again. IMAP stores each flag when it is set, so a flag set before the drop stays.',
    variants: [{ id: 'naive', label: 'POP3 client that does not remember UIDLs' }],
  },
  {
    id: 'pop3-lock',
    title: 'Two devices, one POP3 maildrop',
    claim:
      'RFC 1939 §4 has a POP3 server lock the maildrop as needed to keep it unchanged during a session; this lab locks it for the whole session, as many servers do (how is server policy: some let a second session in and keep the two apart another way). While the laptop’s abandoned session holds the lock, the phone is refused with -ERR [IN-USE] until the server’s idle timer frees it. IMAP has no such lock: any number of sessions share a mailbox.',
  },
  {
    id: 'leave-a-copy',
    title: 'Leave a copy on the server, and lose the link',
    claim:
      'With "leave a copy on the server" the POP3 client must know what it already has: UIDL gives each message a lasting id (RFC 1939 §7), and a client that remembers them downloads nothing twice, even after a drop. A client that does not downloads everything again. IMAP clients track UIDs the same way.',
    variants: [{ id: 'naive', label: 'POP3 client that does not remember UIDLs' }],
  },
  {
    id: 'two-accounts',
    title: 'Two accounts, one laptop',
    claim:
      'Where the mail lives differs: a POP3 client that deletes after downloading empties both servers into the laptop; an IMAP client leaves each account’s mail on its own server. Showing both in one inbox is a client feature ("unified inbox") that POP3 and IMAP clients both offer.',
  },
  {
    id: 'delete-on-phone',
    title: 'Delete on the phone; what does the laptop see?',
    claim:
      'With IMAP the laptop sees the deletion at once: the phone moves the message to Trash and the laptop, in IDLE, hears EXPUNGE. With POP3 the phone deletes its own copy; it sends DELE to the server only if its client is set to ("until I delete it here"), at its next session, and the laptop keeps the copy it downloaded.',
    variants: [{ id: 'until-deleted', label: 'POP3 phone: leave a copy until I delete it here' }],
  },
  {
    id: 'delete-two-phases',
    title: 'Deleting in two phases',
    claim:
      'Deletion is two-phase in both protocols. IMAP marks a message \\Deleted (STORE), every device sees the mark, and only EXPUNGE (or CLOSE) removes it (RFC 3501 §6.4.3, §6.4.2); many clients instead MOVE it to Trash. POP3 marks it with DELE, and the server removes it only after QUIT (RFC 1939 §6).',
    variants: [{ id: 'move', label: 'IMAP phone: delete = move to Trash' }],
  },
  {
    id: 'new-mail',
    title: 'New mail arrives',
    claim:
      'An IMAP client waiting in IDLE (RFC 2177; part of IMAP4rev2) hears of new mail the moment it arrives (EXISTS); a POP3 server only answers commands, so a POP3 client sees new mail at its next check, however often its settings say to check.',
  },
  {
    id: 'phone-after-a-week',
    title: 'The phone comes back after a week',
    claim:
      'While the phone was away, mail arrived and the laptop flagged, read and deleted messages. An IMAP phone learns all of it: by asking for every message’s flags again (a full resync), or with QRESYNC in one SELECT that returns only what changed (RFC 7162). A POP3 phone downloads the new mail (UIDL tells it what it has) and learns nothing else: the deleted messages stay on it, and POP3 has no flags.',
    variants: [{ id: 'qresync', label: 'IMAP phone: resync with QRESYNC' }],
  },
  {
    id: 'send-from-phone',
    title: 'Send from the phone',
    claim:
      'Neither POP3 nor IMAP sends mail: the phone submits it over SMTP (RFC 6409), the same in both worlds, and SMTP keeps no copy for the sender. An IMAP client saves one in Sent on the server (APPEND), so the laptop sees it too; POP3 gives access to one maildrop, which servers map to the INBOX, so a POP3 user’s sent copy stays on the phone.',
  },
  {
    id: 'cafe-wifi',
    title: 'Café Wi-Fi: plain text vs TLS',
    claim:
      'Without TLS anyone on the same Wi-Fi reads every line, the password and the mail included, under POP3, IMAP and SMTP alike. With STARTTLS the greeting, the capability lists and the request for TLS are still readable; with implicit TLS (ports 993, 995, 465) none of the mail dialogue is, though the server’s address, port and name and the sizes and timing of the records still are. RFC 8314 asks clients to prefer implicit TLS.',
    variants: [
      { id: 'starttls', label: 'Connection security: STARTTLS' },
      { id: 'implicit', label: 'Connection security: SSL/TLS (implicit)' },
    ],
  },
  {
    id: 'sandbox',
    title: 'Sandbox: try it yourself',
    claim:
      'Open the app, read, flag, delete, go offline, drop the connection or send new mail, and watch both protocols respond.',
  },
] as const;

export type ScenarioId = (typeof CATALOG)[number]['id'];
export type CatalogEntry = (typeof CATALOG)[number];

/** A runnable variant of a scenario: the same story with one client setting changed. */
export interface VariantEntry {
  readonly id: string;
  /** What changes, in a mail app's words, e.g. "POP3 client: leave a copy on the server". */
  readonly label: string;
}

export function catalogEntry(id: ScenarioId): { id: string; title: string; claim: string } {
  const { title, claim } = CATALOG.find((c) => c.id === id)!;
  return { id, title, claim };
}

/** A scenario's variants (none for most). */
export function variantsOf(id: string): readonly VariantEntry[] {
  const entry = CATALOG.find((c) => c.id === id);
  return entry && 'variants' in entry ? entry.variants : [];
}

/** The timeline file's key: `offline` or, for a variant, `offline--offline-all`. */
export function timelineKey(id: string, variant: string | null): string {
  return variant ? `${id}--${variant}` : id;
}

export function isScenarioId(id: string): id is ScenarioId {
  return CATALOG.some((c) => c.id === id);
}
