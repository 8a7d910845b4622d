/**
 * Every scenario's id, title and lesson: light enough for the page to list without loading the
 * engine. The scenario files take their title and claim from here, so the two never drift.
 */
export const CATALOG = [
  {
    id: 'one-laptop',
    title: 'One laptop: download-and-delete vs. headers first',
    claim:
      'POP3 downloads every message and deletes it from the server; IMAP lists headers, downloads only what you open, and marks it read on the server.',
  },
  {
    id: 'laptop-and-phone',
    title: 'Read on the phone, then open the laptop',
    claim:
      'With IMAP both devices show the same read/unread state; with POP3 the laptop finds the mail gone, or (with "leave a copy") downloads it again with no read state.',
  },
  {
    id: 'webmail-and-desktop',
    title: 'Mark as read on the desktop, look in webmail',
    claim:
      'IMAP stores "read" on the server, so webmail agrees with the desktop. POP3 cannot: the desktop keeps its read marks to itself, and webmail shows whatever the server assumed (a server like Dovecot marks every message POP3 downloaded as read).',
  },
  {
    id: 'offline',
    title: 'Go offline after syncing',
    claim:
      'Offline, a POP3 client has every message it downloaded; an IMAP client has only what it cached (here, the one message opened). Real IMAP clients can be told to keep full offline copies.',
  },
  {
    id: 'headers-first',
    title: '50 messages on a slow link, read one',
    claim:
      'On a slow link IMAP shows the list sooner and moves far fewer bytes: it fetches 50 headers and one body, where POP3 downloads all 50 messages.',
  },
  {
    id: 'server-quota',
    title: 'A small server quota fills up',
    claim:
      'POP3 empties the server as it downloads, so new mail keeps fitting; IMAP keeps mail on the server, so a small quota fills and new mail is refused.',
  },
  {
    id: 'dropped-connection',
    title: 'The link drops in the middle of a session',
    claim:
      'POP3 commits DELE only at QUIT (the UPDATE state, RFC 1939 §6): after a drop nothing is deleted and the mail is downloaded again. IMAP changes are stored as they are made, so a flag set before the drop stays.',
  },
  {
    id: 'two-accounts',
    title: 'Two accounts, one laptop',
    claim:
      'POP3 can pour two accounts into one local inbox and empty both servers; IMAP keeps two mailboxes, each on its own server.',
  },
  {
    id: 'delete-on-phone',
    title: 'Delete on the phone; what does the laptop see?',
    claim:
      'With IMAP the laptop sees the deletion at once (EXPUNGE pushed during IDLE); with POP3 each device deletes only its own copy.',
  },
  {
    id: 'new-mail',
    title: 'New mail arrives',
    claim:
      'An IMAP client in IDLE hears of new mail the moment it arrives (EXISTS); a POP3 client sees it only at its next check.',
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

export function catalogEntry(id: ScenarioId): { id: string; title: string; claim: string } {
  return CATALOG.find((c) => c.id === id)!;
}

export function isScenarioId(id: string): id is ScenarioId {
  return CATALOG.some((c) => c.id === id);
}
