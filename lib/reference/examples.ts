import { KEY_OCTETS } from '../imap/extensions/urlauth/keys';
import { internalToken } from '../imap/extensions/urlauth/token';

/**
 * One example per command, run against a fresh engine to produce the exchange the reference
 * pages show: `before` puts the session in the right state, `line` is the command itself.
 */
export interface CommandExample {
  readonly before: readonly string[];
  readonly line: string;
  /** Limits the example's account has (octets, messages), for the QUOTA commands. */
  readonly quota?: { readonly bytes?: number; readonly messages?: number };
  /**
   * The example's connection can start TLS (a certificate is loaded), as on a real server: for
   * STARTTLS and STLS, which are refused where TLS is not available.
   */
  readonly tls?: boolean;
}

/**
 * The examples' source of "random" octets: the n-th access key a run makes is 32 octets of n,
 * so the pages are the same on every build (the live server uses the platform's CSPRNG).
 */
export function exampleRandom(): (bytes: Uint8Array) => void {
  let n = 0;
  return (bytes) => void bytes.fill(++n);
}

/** `rump` authorized as GENURLAUTH answers it when the mailbox's key is the `n`-th one made. */
export function authorizedExample(rump: string, n = 1): string {
  return `${rump}:internal:${internalToken(rump, new Uint8Array(KEY_OCTETS).fill(n))}`;
}

const POP3_LOGIN = ['USER student', 'PASS secret'];
/** An IMAP4rev1 session: for IMAP4rev1's own commands (LSUB, CHECK) and for ENABLE itself. */
const IMAP_LOGIN_REV1 = ['a1 LOGIN student secret'];
/**
 * An IMAP4rev2 session (RFC 9051 Appendix A: the client sends ENABLE IMAP4rev2), as the commands
 * cite RFC 9051: SELECT answers with LIST and without RECENT or [UNSEEN n], SEARCH with ESEARCH.
 */
const IMAP_LOGIN = [...IMAP_LOGIN_REV1, 'e1 ENABLE IMAP4rev2'];
const IMAP_SELECT = [...IMAP_LOGIN, 'a2 SELECT INBOX'];
/** A URL of seed message 3's first part that any logged-in user may fetch (RFC 4467 §3). */
const AUTHUSER_RUMP = 'imap://student@popvsimap.lab/INBOX/;UID=3/;SECTION=1;URLAUTH=authuser';

export const POP3_EXAMPLES: Readonly<Record<string, CommandExample>> = {
  USER: { before: [], line: 'USER student' },
  PASS: { before: ['USER student'], line: 'PASS secret' },
  APOP: { before: [], line: 'APOP student c4c9334bac560ecc979e58001b3e22fb' },
  STAT: { before: POP3_LOGIN, line: 'STAT' },
  LIST: { before: POP3_LOGIN, line: 'LIST' },
  RETR: { before: POP3_LOGIN, line: 'RETR 4' },
  DELE: { before: POP3_LOGIN, line: 'DELE 1' },
  NOOP: { before: POP3_LOGIN, line: 'NOOP' },
  RSET: { before: [...POP3_LOGIN, 'DELE 1'], line: 'RSET' },
  QUIT: { before: [...POP3_LOGIN, 'DELE 1'], line: 'QUIT' },
  TOP: { before: POP3_LOGIN, line: 'TOP 4 1' },
  UIDL: { before: POP3_LOGIN, line: 'UIDL' },
  CAPA: { before: [], line: 'CAPA' },
  STLS: { before: [], line: 'STLS', tls: true },
};

export const IMAP_EXAMPLES: Readonly<Record<string, CommandExample>> = {
  CAPABILITY: { before: [], line: 'a1 CAPABILITY' },
  STARTTLS: { before: [], line: 'a1 STARTTLS', tls: true },
  NOOP: { before: IMAP_SELECT, line: 'a3 NOOP' },
  LOGOUT: { before: IMAP_LOGIN, line: 'a2 LOGOUT' },
  LOGIN: { before: [], line: 'a1 LOGIN student secret' },
  AUTHENTICATE: { before: [], line: 'a1 AUTHENTICATE PLAIN AHN0dWRlbnQAc2VjcmV0' },
  ENABLE: { before: IMAP_LOGIN_REV1, line: 'a2 ENABLE IMAP4rev2' },
  SELECT: { before: IMAP_LOGIN, line: 'a2 SELECT INBOX' },
  EXAMINE: { before: IMAP_LOGIN, line: 'a2 EXAMINE INBOX' },
  CREATE: { before: IMAP_LOGIN, line: 'a2 CREATE Projects/2026' },
  DELETE: { before: [...IMAP_LOGIN, 'a2 CREATE Old'], line: 'a3 DELETE Old' },
  RENAME: { before: [...IMAP_LOGIN, 'a2 CREATE Old'], line: 'a3 RENAME Old New' },
  SUBSCRIBE: { before: IMAP_LOGIN, line: 'a2 SUBSCRIBE Trash' },
  UNSUBSCRIBE: { before: IMAP_LOGIN, line: 'a2 UNSUBSCRIBE Trash' },
  LIST: { before: IMAP_LOGIN, line: 'a2 LIST "" *' },
  LSUB: { before: IMAP_LOGIN_REV1, line: 'a2 LSUB "" *' },
  NAMESPACE: { before: IMAP_LOGIN, line: 'a2 NAMESPACE' },
  STATUS: { before: IMAP_LOGIN, line: 'a2 STATUS INBOX (MESSAGES UNSEEN UIDNEXT)' },
  APPEND: {
    before: IMAP_LOGIN,
    line: 'a2 APPEND Sent (\\Seen) {113+}\r\nFrom: Sam Student <student@popvsimap.lab>\r\nDate: Tue, 10 Mar 2026 12:00:00 +0000\r\nSubject: Notes\r\n\r\nSee you then.',
  },
  IDLE: { before: IMAP_SELECT, line: 'a3 IDLE' },
  CHECK: { before: [...IMAP_LOGIN_REV1, 'a2 SELECT INBOX'], line: 'a3 CHECK' },
  CLOSE: { before: IMAP_SELECT, line: 'a3 CLOSE' },
  UNSELECT: { before: IMAP_SELECT, line: 'a3 UNSELECT' },
  EXPUNGE: { before: [...IMAP_SELECT, 'a3 STORE 2 +FLAGS.SILENT (\\Deleted)'], line: 'a4 EXPUNGE' },
  SEARCH: { before: IMAP_SELECT, line: 'a3 SEARCH UNSEEN FROM chris' },
  FETCH: { before: IMAP_SELECT, line: 'a3 FETCH 1:2 (FLAGS ENVELOPE)' },
  STORE: { before: IMAP_SELECT, line: 'a3 STORE 2 +FLAGS (\\Seen)' },
  COPY: { before: IMAP_SELECT, line: 'a3 COPY 1 Trash' },
  MOVE: { before: IMAP_SELECT, line: 'a3 MOVE 1 Trash' },
  'UID FETCH': { before: IMAP_SELECT, line: 'a3 UID FETCH 4 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]' },
  'UID STORE': { before: IMAP_SELECT, line: 'a3 UID STORE 4 +FLAGS (\\Flagged)' },
  'UID SEARCH': { before: IMAP_SELECT, line: 'a3 UID SEARCH SUBJECT study' },
  'UID COPY': { before: IMAP_SELECT, line: 'a3 UID COPY 4 Trash' },
  'UID MOVE': { before: IMAP_SELECT, line: 'a3 UID MOVE 4 Trash' },
  'UID EXPUNGE': {
    before: [...IMAP_SELECT, 'a3 UID STORE 4 +FLAGS.SILENT (\\Deleted)'],
    line: 'a4 UID EXPUNGE 4',
  },
  ID: { before: [], line: 'a1 ID ("name" "Thunderbird" "version" "128.0")' },
  GETQUOTAROOT: {
    before: IMAP_LOGIN,
    line: 'a2 GETQUOTAROOT INBOX',
    quota: { bytes: 50 * 1024, messages: 500 },
  },
  SORT: { before: IMAP_SELECT, line: 'a3 SORT (SUBJECT REVERSE DATE) UTF-8 ALL' },
  'UID SORT': { before: IMAP_SELECT, line: 'a3 UID SORT (DISPLAYFROM) UTF-8 UNSEEN' },
  THREAD: { before: IMAP_SELECT, line: 'a3 THREAD ORDEREDSUBJECT UTF-8 ALL' },
  'UID THREAD': { before: IMAP_SELECT, line: 'a3 UID THREAD REFERENCES UTF-8 SINCE 4-Mar-2026' },
  GETQUOTA: { before: IMAP_LOGIN, line: 'a2 GETQUOTA "User quota"', quota: { bytes: 50 * 1024 } },
  RESETKEY: { before: IMAP_LOGIN, line: 'a2 RESETKEY INBOX' },
  GENURLAUTH: {
    before: IMAP_LOGIN,
    line: 'a2 GENURLAUTH "imap://student@popvsimap.lab/INBOX/;UID=3/;SECTION=2;URLAUTH=submit+student" INTERNAL',
  },
  URLFETCH: {
    before: [...IMAP_LOGIN, `a2 GENURLAUTH "${AUTHUSER_RUMP}" INTERNAL`],
    line: `a3 URLFETCH "${authorizedExample(AUTHUSER_RUMP)}"`,
  },
  CANCELUPDATE: {
    before: [...IMAP_SELECT, 'a3 UID SEARCH RETURN (UPDATE COUNT) UNSEEN'],
    line: 'a4 CANCELUPDATE "a3"',
  },
  NOTIFY: {
    before: IMAP_SELECT,
    line: 'a3 NOTIFY SET STATUS (selected (MessageNew (UID) MessageExpunge)) (mailboxes Sent (MessageNew MessageExpunge)) (personal (MailboxName SubscriptionChange))',
  },
};
