import { IMAP, cite, type ImapRef } from './cite';
import { capabilityMeaning, flagMeaning } from './imap-words';
import type { Node } from './imap-syntax';
import type { Tokens } from './tokens';

/**
 * Response codes: the `[...]` at the start of a status response's text (RFC 9051 §7.1, RFC 3501
 * §7.1, and the extensions that add codes). `explainCode` adds tokens for the code and its
 * arguments and returns one sentence for the line's explanation.
 */
interface CodeInfo {
  /**
   * Where the code is defined; a function when that depends on the line being tagged or not, or
   * on its status (`OK`, `NO`, `BAD`, `BYE`, `PREAUTH`).
   */
  readonly ref: ImapRef | ((tagged: boolean, status: string, command: string | undefined) => ImapRef);
  /**
   * `command`: the command the line answers or comes during, if the transcript says; `tagged`:
   * the line is a command's completion, not an untagged response; `rev2`: the session is
   * IMAP4rev2; `status`: the line's status word, upper-case.
   */
  readonly say: (
    args: readonly Node[],
    command: string | undefined,
    tagged: boolean,
    rev2: boolean | undefined,
    status: string,
  ) => string;
}

/** One citation for both revisions: a code no revision's base document defines alone. */
const same = (rfc: string): ImapRef => ({ rev1: rfc, rev2: rfc });

const arg = (args: readonly Node[], i: number) => args[i]?.text ?? '?';

const CODES: Record<string, CodeInfo> = {
  ALERT: {
    ref: IMAP.codes,
    say: () =>
      'the text is an alert for the user, which the client shows (IMAP4rev2: unless it came over a connection without TLS, when the client should ignore it)',
  },
  PARSE: { ref: IMAP.codes, say: () => 'the server could not parse a message’s header or MIME structure' },
  BADCHARSET: { ref: IMAP.codes, say: () => 'the SEARCH used a character set the server does not support' },
  CAPABILITY: {
    ref: IMAP.codes,
    // RFC 9051 §7.1: "This makes it unnecessary for a client to send a separate CAPABILITY
    // command if it recognizes this response code and there was no change to the TLS and/or
    // authentication state since it was received." RFC 3501 §7.1 states no condition; its
    // §6.2.1 has the client discard cached capabilities once TLS starts, and §7.2.1 lets a
    // login send an updated list.
    say: (_a, _c, _t, rev2) =>
      rev2
        ? 'the server lists its capabilities here, so the client need not send CAPABILITY, as long as the TLS and authentication state has not changed since this line (after STARTTLS or a login the list may differ)'
        : 'the server lists its capabilities here, so the client need not send CAPABILITY (RFC 3501 §7.1); but the list may change: once TLS starts the client must discard it and should ask again (§6.2.1), and a login may send an updated one (§7.2.1)',
  },
  PERMANENTFLAGS: {
    ref: IMAP.codes,
    say: () => 'these flags can be changed for good (kept after the session ends)',
  },
  'READ-ONLY': {
    ref: IMAP.codes,
    say: () => 'the mailbox is open read-only: flags cannot be changed and nothing can be expunged',
  },
  'READ-WRITE': {
    ref: IMAP.codes,
    say: () => 'the mailbox is open read-write: the client may change flags and expunge',
  },
  TRYCREATE: {
    ref: IMAP.codes,
    say: () => 'the target mailbox does not exist; the client may CREATE it and try again',
  },
  UIDNEXT: {
    ref: IMAP.codes,
    say: (a) =>
      `the next message to arrive will get a UID of at least ${arg(a, 0)}; if this number grew since the last visit, mail arrived in between`,
  },
  UIDVALIDITY: {
    // RFC 9051 §7.1 (as RFC 3501 §7.1) only points to §2.3.1.1, which says what the value
    // means: "If unique identifiers from an earlier session fail to persist in this session,
    // the unique identifier validity value MUST be greater than the one used in the earlier
    // session."
    ref: IMAP.uid,
    say: (a) =>
      `UIDs in this mailbox keep naming the same messages for as long as UIDVALIDITY stays ${arg(a, 0)}: the server must send a greater value if the UIDs of an earlier session did not persist, so if it ever changes, the UIDs a client kept from before (and what it cached under them) no longer reliably name the same messages`,
  },
  UNSEEN: {
    // RFC 9051 Appendix E: "UNSEEN response code on SELECT/EXAMINE is now deprecated."
    // select.ts sends it only to IMAP4rev1 sessions.
    ref: { rev1: 'RFC 3501 §7.1' },
    say: (a) =>
      `message ${arg(a, 0)} (a sequence number, not a UID) is the first unread message; an IMAP4rev1 code, deprecated in IMAP4rev2 (RFC 9051 Appendix E): this server does not send it once IMAP4rev2 is enabled`,
  },
  HASCHILDREN: {
    // RFC 9051 §7.1 defines it; §6.3.5: "The NO response SHOULD include the HASCHILDREN
    // response code." RFC 3501 has no such code; the mail store sends it in both revisions.
    ref: same('RFC 9051 §7.1'),
    say: () =>
      'the DELETE failed because the name has child mailboxes, and the server does not delete a name that has them (this server keeps a deleted mailbox’s name as \\Noselect while it has children, and deletes that name only once they are gone); an IMAP4rev2 code, which this server also sends to IMAP4rev1 clients',
  },
  APPENDUID: {
    ref: IMAP.uidplus,
    say: (a) =>
      /^\d+$/.test(arg(a, 1))
        ? `the uploaded message got UID ${arg(a, 1)} in a mailbox whose UIDVALIDITY is ${arg(a, 0)}`
        : `the uploaded messages got UIDs ${arg(a, 1)}, in the order they were sent (MULTIAPPEND), in a mailbox whose UIDVALIDITY is ${arg(a, 0)}`,
  },
  COPYUID: {
    // The code is UIDPLUS's (RFC 4315 §3). In an untagged OK during MOVE, before the EXPUNGEs,
    // it is where RFC 6851 §4.3 advises a server to send it ("Servers implementing UIDPLUS are
    // also advised to send the COPYUID response code in an untagged OK before sending EXPUNGE or
    // moved responses"); IMAP4rev2's MOVE makes it a requirement ("Servers are also REQUIRED to
    // send the COPYUID response code in an untagged OK before sending EXPUNGE or similar
    // responses", RFC 9051 §6.4.8).
    ref: (tagged, _status, command) =>
      !tagged && (command === 'MOVE' || command === 'UID MOVE') ? IMAP.moveCopyUid : IMAP.uidplus,
    say: (a, command, tagged, rev2) => {
      const one = /^\d+$/.test(arg(a, 1));
      const moved =
        !tagged && (command === 'MOVE' || command === 'UID MOVE')
          ? `; sent in an untagged OK before the EXPUNGE responses, so the client learns the new UIDs before the messages leave this mailbox, ${rev2 ? 'as IMAP4rev2 requires of MOVE' : 'as the MOVE extension advises a server with UIDPLUS to do'}`
          : '';
      return one
        ? `the message with UID ${arg(a, 1)} now has UID ${arg(a, 2)} in the target mailbox (UIDVALIDITY ${arg(a, 0)})${moved}`
        : `the messages with UIDs ${arg(a, 1)} now have UIDs ${arg(a, 2)}, in the same order, in the target mailbox (UIDVALIDITY ${arg(a, 0)})${moved}`;
    },
  },
  UIDNOTSTICKY: { ref: IMAP.uidplus, say: () => 'this mailbox cannot keep UIDs between sessions' },
  CLOSED: {
    ref: IMAP.closed,
    say: () => 'the mailbox selected before is now closed; the responses that follow are about the new one',
  },
  HIGHESTMODSEQ: {
    ref: { rev1: 'RFC 7162 §3.1.2.1', rev2: 'RFC 7162 §3.1.2.1' },
    say: (a) =>
      `the mailbox's highest mod-sequence is ${arg(a, 0)}, the highest of its messages' mod-sequences; on this server every change (new mail, a flag change, an expunge) raises it, and raising it for an expunge is what QRESYNC requires (RFC 7162 §3.2); a client remembers it and next time asks for only what changed since`,
  },
  NOMODSEQ: {
    ref: { rev1: 'RFC 7162 §3.1.2.2', rev2: 'RFC 7162 §3.1.2.2' },
    say: () => 'this mailbox keeps no mod-sequences, so CONDSTORE and QRESYNC cannot be used on it',
  },
  NOUPDATE: {
    ref: { rev1: 'RFC 5267 §4.3.1', rev2: 'RFC 5267 §4.3.1' },
    // RFC 5267 §4.3.1: "the server MAY refuse to provide updates, such as if an internal limit
    // on the number of update contexts is reached": a limit is only the RFC's example; this
    // server's reason is its own limit of live searches per mailbox (extensions/context).
    say: (a) =>
      `the server will not keep the search ${arg(a, 0)} up to date: its result still comes, but no ADDTO or REMOVEFROM will follow. RFC 5267 §4.3.1 lets a server refuse, for instance at a limit of its own; this server refuses when it already keeps as many live searches for the mailbox as it allows (CANCELUPDATE frees one)`,
  },
  MODIFIED: {
    ref: { rev1: 'RFC 7162 §3.1.3', rev2: 'RFC 7162 §3.1.3' },
    say: (a) =>
      `the conditional STORE left ${arg(a, 0)} alone: they changed after the mod-sequence given in UNCHANGEDSINCE, so the client should look again before changing them`,
  },
  'UNKNOWN-CTE': {
    ref: { rev1: 'RFC 3516 §4.3, §4.4', rev2: 'RFC 9051 §7.1' },
    say: () =>
      'the server cannot undo this part’s Content-Transfer-Encoding (or cannot store the binary data sent); the client can fetch the part with BODY[] and decode it itself',
  },
  TOOBIG: {
    // Defined by CATENATE (RFC 4469 §4.2), for an APPEND whose message would be too large, which
    // "may also" be a "server-specific message size limit". RFC 9051 §7.1 does not list it.
    // RFC 7888 §5 puts it in the BAD a LITERAL- server sends for a too-large non-synchronizing
    // literal ("If responding to an APPEND command, the tagged BAD response MUST contain the
    // TOOBIG response code"); RFC 9051 §4.3 refers to RFC 7888 for such literals. session.ts
    // sends NO [TOOBIG] for a synchronizing literal over its limit (instead of the "+"), and
    // BAD [TOOBIG] for a non-synchronizing one, after reading past it.
    ref: (_tagged, status) =>
      status === 'BAD' || status === 'BYE' ? same('RFC 7888 §5; RFC 4469 §4.2') : same('RFC 4469 §4.2'),
    say: (_a, _c, _t, _rev2, status) =>
      status === 'BAD' || status === 'BYE'
        ? 'a non-synchronizing literal ({n+}) larger than the server accepts: its octets came anyway, so the server read past them and refused the whole command. RFC 7888 §5 has a LITERAL- server put TOOBIG in such a BAD to an APPEND; this server, which advertises LITERAL+, does so for any command, with a limit of its own'
        : 'what the client sent (a literal the server refused before its octets came), or the message CATENATE would build, is larger than the server accepts; the limit is this server’s own, which RFC 4469 §4.2 lets a server report with this code',
  },
  BADURL: {
    ref: { rev1: 'RFC 4469 §4.1', rev2: 'RFC 4469 §4.1' },
    say: (a) =>
      `the server could not read the URL ${arg(a, 0)} given to CATENATE (no such mailbox, message or part, or a changed UIDVALIDITY), so nothing was stored`,
  },
  URLMECH: {
    ref: { rev1: 'RFC 4467 §8', rev2: 'RFC 4467 §8' },
    // Sent after SELECT/EXAMINE (nothing was reset), in RESETKEY's tagged OK, and unasked to the
    // other sessions with the mailbox selected when its key is reset (RFC 4467 §7, §8).
    say: (a, command) => {
      const mechanisms = `the URLAUTH authorization mechanisms this mailbox supports: ${arg(a, 0)} (INTERNAL: tokens made with a secret access key the server keeps for the mailbox, RFC 4467 §2.4.1)`;
      if (command === 'SELECT' || command === 'EXAMINE') return mechanisms;
      if (command === 'RESETKEY')
        return `${mechanisms}; RESETKEY gave the mailbox a new access key, so the URLs authorized before no longer work (RFC 4467 §7)`;
      return `${mechanisms}; sent unasked, it means the mailbox’s access key was reset (RESETKEY, RFC 4467 §7), so the URLs authorized before no longer work`;
    },
  },
  BADEVENT: {
    ref: { rev1: 'RFC 5465 §3.1', rev2: 'RFC 5465 §3.1' },
    say: (a) =>
      `NOTIFY asked for an event this server does not report, so nothing changed; the events it does report are ${arg(a, 0)}`,
  },
  NOTIFICATIONOVERFLOW: {
    // The tagged NO that refuses a NOTIFY is RFC 5465 §3.1's ("the server MAY refuse the command
    // with a tagged NO [NOTIFICATIONOVERFLOW] response"); the untagged OK that ends
    // notifications is §5.8's ("It MUST notify these clients by sending an untagged "OK
    // [NOTIFICATIONOVERFLOW]" response and behave as if a NOTIFY NONE command had just been
    // received").
    ref: (tagged) =>
      tagged
        ? { rev1: 'RFC 5465 §3.1', rev2: 'RFC 5465 §3.1' }
        : { rev1: 'RFC 5465 §5.8', rev2: 'RFC 5465 §5.8' },
    say: (_args, _command, tagged) =>
      tagged
        ? 'what this NOTIFY asks for would be too much to watch for this client, so it was refused, and what was asked before still holds'
        : 'too much to watch or to hold for this client: the server has stopped notifications (as after NOTIFY NONE), and the client must look for changes itself',
  },
};

const CODES_5530: Record<string, string> = {
  AUTHENTICATIONFAILED: 'the name or password is wrong (the server does not say which)',
  AUTHORIZATIONFAILED: 'the credentials are right but may not act as the requested user',
  UNAVAILABLE: 'a part of the server is down for now; trying again later may work',
  EXPIRED: 'the password has expired',
  PRIVACYREQUIRED: 'the server wants an encrypted connection first',
  CONTACTADMIN: 'the user should contact the administrator',
  NOPERM: 'the user has no permission for this',
  INUSE: 'someone else holds a lock this needs; trying again later may work',
  EXPUNGEISSUED: 'another session expunged messages meanwhile',
  CORRUPTION: 'the server found damaged data',
  SERVERBUG: 'the server hit a bug of its own, or broke one of its own rules',
  CLIENTBUG: 'the server thinks the client made a mistake',
  CANNOT: 'this can never succeed on this server',
  LIMIT: 'an implementation limit was reached',
  OVERQUOTA: 'the operation would take the account over its quota (it may or may not be over already)',
  ALREADYEXISTS: 'a mailbox of that name already exists',
  NONEXISTENT: 'what the command names does not exist (a mailbox, or for GETQUOTA a quota root)',
};

/** Every response code this file explains, for tests that walk them. */
export const KNOWN_CODES: readonly string[] = [...Object.keys(CODES), ...Object.keys(CODES_5530)];

/** Tokens for `[CODE args]` starting at `open` (the `[`); returns the sentence and citation. */
export function explainCode(
  raw: string,
  open: number,
  close: number,
  name: string,
  args: readonly Node[],
  rev2: boolean | undefined,
  tokens: Tokens,
  command?: string,
): { sentence: string; rfc: string } {
  const key = name.toUpperCase();
  const known = CODES[key];
  let sentence: string;
  let rfc: string;
  if (known) {
    const tagged = !raw.startsWith('*');
    const status = /^\S+ ([A-Za-z]+)/.exec(raw)?.[1]?.toUpperCase() ?? '';
    sentence = known.say(args, command, tagged, rev2, status);
    rfc = cite(typeof known.ref === 'function' ? known.ref(tagged, status, command) : known.ref, rev2);
  } else if (CODES_5530[key]) {
    sentence = CODES_5530[key]!;
    rfc = cite(IMAP.responseCodes5530, rev2);
  } else {
    sentence = `a response code this explainer does not know; clients ignore codes they do not recognise`;
    rfc = cite(IMAP.codes, rev2);
  }
  tokens.add(open, open + 1 + name.length, `[${name}: a response code, machine-readable: ${sentence}.`, rfc);
  if (key === 'CAPABILITY') {
    for (const a of args) {
      const m = capabilityMeaning(a.text, rev2);
      tokens.node(a, m.text, m.rfc);
    }
  } else if (key === 'PERMANENTFLAGS') {
    for (const flag of args[0]?.kind === 'list' ? args[0].children : []) {
      const m = flagMeaning(flag.text, rev2);
      tokens.node(flag, m.text, m.rfc);
    }
  } else if (key === 'COPYUID' || key === 'APPENDUID') {
    const names =
      key === 'COPYUID'
        ? [
            'the UIDVALIDITY of the target mailbox',
            'the UIDs the messages had here',
            'the UIDs they got there',
          ]
        : [
            'the UIDVALIDITY of the target mailbox',
            /^\d+$/.test(arg(args, 1))
              ? 'the UID the new message got'
              : 'the UIDs the new messages got, in order',
          ];
    args.forEach((a, i) => tokens.node(a, `${a.text}: ${names[i] ?? 'an argument'}.`, rfc));
  } else {
    for (const a of args) tokens.node(a, `${a.text}: the value of ${name}: ${sentence}.`, rfc);
  }
  tokens.add(close, close + 1, ']: the end of the response code; what follows is text for people.', rfc);
  return { sentence, rfc };
}
