/**
 * Where each IMAP command is specified for an IMAP4rev1 session (one that never sent
 * `ENABLE IMAP4rev2`): RFC 3501, or the extension that added it. The command records cite
 * RFC 9051, which holds for IMAP4rev2 sessions; an IMAP4rev1 client is answered by RFC 3501's
 * rules, so its command lines cite these.
 */
const S = (section: string) => `RFC 3501 §${section}`;

export const REV1_COMMAND_RFC: Readonly<Record<string, string>> = {
  CAPABILITY: S('6.1.1'),
  NOOP: S('6.1.2'),
  LOGOUT: S('6.1.3'),
  STARTTLS: S('6.2.1'),
  AUTHENTICATE: S('6.2.2'),
  LOGIN: S('6.2.3'),
  SELECT: S('6.3.1'),
  EXAMINE: S('6.3.2'),
  CREATE: S('6.3.3'),
  DELETE: S('6.3.4'),
  RENAME: S('6.3.5'),
  SUBSCRIBE: S('6.3.6'),
  UNSUBSCRIBE: S('6.3.7'),
  LIST: S('6.3.8'),
  LSUB: S('6.3.9'),
  STATUS: S('6.3.10'),
  APPEND: S('6.3.11'),
  CHECK: S('6.4.1'),
  CLOSE: S('6.4.2'),
  EXPUNGE: S('6.4.3'),
  SEARCH: S('6.4.4'),
  FETCH: S('6.4.5'),
  STORE: S('6.4.6'),
  COPY: S('6.4.7'),
  'UID FETCH': S('6.4.8, §6.4.5'),
  'UID STORE': S('6.4.8, §6.4.6'),
  'UID COPY': S('6.4.8, §6.4.7'),
  'UID SEARCH': S('6.4.8, §6.4.4'),
  'UID EXPUNGE': 'RFC 4315 §2.1',
  MOVE: 'RFC 6851 §3.1',
  'UID MOVE': 'RFC 6851 §3.2',
  IDLE: 'RFC 2177 §3',
  ENABLE: 'RFC 5161 §3.1',
  NAMESPACE: 'RFC 2342 §5',
  UNSELECT: 'RFC 3691 §2',
};

/**
 * The section an IMAP command line cites: RFC 3501 (or its extension) in an IMAP4rev1 session.
 * A SELECT or EXAMINE with a CONDSTORE or QRESYNC parameter cites RFC 7162, which defines it.
 */
export function imapCommandRfc(
  command: string | undefined,
  rev2: boolean | undefined,
  line = '',
): string | undefined {
  if (!command) return undefined;
  const name = command.toUpperCase();
  if (name === 'SELECT' || name === 'EXAMINE') {
    if (/\(QRESYNC\b/i.test(line)) return 'RFC 7162 §3.2.5';
    if (/\(CONDSTORE\b/i.test(line)) return 'RFC 7162 §3.1.8';
  }
  if (rev2) return undefined;
  return REV1_COMMAND_RFC[name];
}
