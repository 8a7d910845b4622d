/**
 * Where IMAP behaviour is specified depends on the session: a client that never sent
 * `ENABLE IMAP4rev2` is served IMAP4rev1 (RFC 3501 and its extensions), one that did is served
 * IMAP4rev2 (RFC 9051, RFC 9051 Appendix A). Each entry names the section in both worlds.
 */
export interface ImapRef {
  /** For an IMAP4rev1 session: e.g. `RFC 3501 §7.3.1` or an extension such as `RFC 2177 §3`. */
  readonly rev1: string;
  /**
   * For an IMAP4rev2 session; absent for IMAP4rev1 forms RFC 9051 does not define (RECENT,
   * `[UNSEEN n]`, LSUB: deprecated, RFC 9051 Appendix E), which keep their RFC 3501 citation.
   */
  readonly rev2?: string;
}

/** Both revisions in RFC 3501 / RFC 9051, the common case. */
const both = (rev1: string, rev2: string = rev1): ImapRef => ({
  rev1: `RFC 3501 §${rev1}`,
  rev2: `RFC 9051 §${rev2}`,
});

export const IMAP = {
  tag: both('2.2.1'),
  untagged: both('2.2.2'),
  uid: both('2.3.1.1'),
  seq: both('2.3.1.2'),
  flags: both('2.3.2'),
  recentFlag: { rev1: 'RFC 3501 §2.3.2' },
  internalDate: both('2.3.3'),
  size: both('2.3.4'),
  envelope: both('2.3.5'),
  bodyStructure: both('2.3.6'),
  states: both('3'),
  starttls: both('6.2.1'),
  literal: both('4.3'),
  // RFC 9051 §4.3 allows {n+} up to 4096 octets; a larger one needs LITERAL+ (RFC 7888 §3):
  // see citeNonSyncLiteral.
  nonSyncLiteral: { rev1: 'RFC 7888 §3', rev2: 'RFC 9051 §4.3' },
  list: both('4.4'),
  nil: both('4.5'),
  sequenceSet: { rev1: 'RFC 3501 §9', rev2: 'RFC 9051 §4.1.1' },
  mailboxName: both('5.1'),
  hierarchy: both('5.1.1'),
  updates: both('5.2'),
  autologout: both('5.4'),
  fetchCommand: both('6.4.5'),
  storeCommand: both('6.4.6'),
  uidCommand: both('6.4.8', '6.4.9'),
  listCommand: both('6.3.8', '6.3.9'),
  statusCommand: both('6.3.10', '6.3.11'),
  searchCommand: both('6.4.4'),
  selectCommand: both('6.3.1', '6.3.2'),
  idle: { rev1: 'RFC 2177 §3', rev2: 'RFC 9051 §6.3.13' },
  enable: { rev1: 'RFC 5161 §3.1', rev2: 'RFC 9051 §6.3.1' },
  ok: both('7.1.1'),
  no: both('7.1.2'),
  bad: both('7.1.3'),
  preauth: both('7.1.4'),
  bye: both('7.1.5'),
  codes: both('7.1'),
  capability: both('7.2.1', '7.2.2'),
  enabled: { rev1: 'RFC 5161 §3.2', rev2: 'RFC 9051 §7.2.1' },
  listResponse: both('7.2.2', '7.3.1'),
  lsub: { rev1: 'RFC 3501 §7.2.3' },
  namespace: { rev1: 'RFC 2342 §5', rev2: 'RFC 9051 §7.3.2' },
  namespaceCommand: { rev1: 'RFC 2342 §5', rev2: 'RFC 9051 §6.3.10' },
  status: both('7.2.4', '7.3.3'),
  search: { rev1: 'RFC 3501 §7.2.5' },
  esearch: { rev1: 'RFC 4731 §3.1', rev2: 'RFC 9051 §7.3.4' },
  flagsResponse: both('7.2.6', '7.3.5'),
  exists: both('7.3.1', '7.4.1'),
  recent: { rev1: 'RFC 3501 §7.3.2' },
  expunge: both('7.4.1', '7.5.1'),
  fetch: both('7.4.2', '7.5.2'),
  continuation: both('7.5', '7.6'),
  uidplus: { rev1: 'RFC 4315 §3', rev2: 'RFC 9051 §7.1' },
  moveCopyUid: { rev1: 'RFC 6851 §4.3', rev2: 'RFC 9051 §6.4.8' },
  responseCodes5530: { rev1: 'RFC 5530 §3', rev2: 'RFC 9051 §7.1' },
  // RFC 9051 §7.3.1 took the special-use attributes (\Trash, \Sent…) into IMAP4rev2.
  specialUse: { rev1: 'RFC 6154 §2', rev2: 'RFC 9051 §7.3.1' },
  // IMAP4rev1 sessions hear CLOSED too: a server advertising CONDSTORE or QRESYNC sends it
  // "whether or not a CONDSTORE enabling command was issued" (RFC 7162 §3.2.11).
  closed: { rev1: 'RFC 7162 §3.2.11', rev2: 'RFC 9051 §7.1' },
} satisfies Record<string, ImapRef>;

/** The citation for this session's revision (IMAP4rev1 forms keep their RFC 3501 citation). */
export function cite(ref: ImapRef, rev2: boolean | undefined): string {
  return rev2 && ref.rev2 ? ref.rev2 : ref.rev1;
}

/**
 * IMAP4rev2's own non-synchronizing literals "MUST NOT be larger than 4096 octets" "unless
 * otherwise specified in an IMAP extension" (RFC 9051 §4.3); this server advertises LITERAL+
 * (capabilities.ts), under which any size may be sent (RFC 7888 §3). A larger {n+} is RFC 7888's
 * in either revision.
 */
export const NON_SYNC_LITERAL_MAX = 4096;

export function citeNonSyncLiteral(size: number, rev2: boolean | undefined): string {
  return rev2 && size <= NON_SYNC_LITERAL_MAX ? IMAP.nonSyncLiteral.rev2 : IMAP.nonSyncLiteral.rev1;
}
