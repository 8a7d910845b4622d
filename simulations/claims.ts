import {
  both,
  commandLine,
  openedOffline,
  receives,
  sends,
  serverInboxCount,
  type StepLink,
} from './step-link';

/*
 * Claims that readers bring from popular POP-vs-IMAP articles, each checked against the RFCs
 * and linked to the step of a scenario that shows the truth. Every sentence here is our own.
 * Links name their frame by a predicate (see step-link.ts); claims.test.ts runs each scenario
 * and fails if a predicate finds nothing.
 */

/** What decides the matter: the protocol itself, the mail client's settings, or the provider. */
export type Decider = 'protocol' | 'client setting' | 'server policy';

export type Verdict = 'true' | 'false' | 'it depends';

/** One widespread claim, checked. */
export interface Claim {
  /** Anchor id on the claims page. */
  readonly id: string;
  /** The claim as readers meet it, in our words. */
  readonly claim: string;
  readonly verdict: Verdict;
  /** One sentence: why, citing the RFC section. */
  readonly why: string;
  readonly decidedBy: readonly Decider[];
  readonly link: StepLink;
}

/** The claims, most widespread first. */
export const CLAIMS: readonly Claim[] = [
  {
    id: 'imap-sends-mail',
    claim: 'IMAP is how your mail app sends and receives mail.',
    verdict: 'false',
    why: 'Neither IMAP nor POP3 sends mail: a mail app hands outgoing mail to its provider with SMTP submission (RFC 6409 §3), servers relay it with SMTP (RFC 5321 §2), and IMAP and POP3 only give access to a mailbox (an IMAP client may APPEND a copy to Sent, which sends nothing).',
    decidedBy: ['protocol'],
    link: {
      scenario: 'new-mail',
      protocol: 'imap',
      shows: 'new mail was delivered to the server from outside, and IMAP only reports it with EXISTS',
      find: receives(/^\* \d+ EXISTS/, 'laptop'),
    },
  },
  {
    id: 'pop-deletes',
    claim: 'POP3 downloads your mail and deletes it from the server.',
    verdict: 'it depends',
    why: 'Downloading (RETR) and deleting (DELE) are separate commands, and the client’s setting decides whether it sends DELE; even then the server removes marked messages only in the UPDATE state after QUIT (RFC 1939 §5, §6), though a provider may delete downloaded mail by its own policy (RFC 1939 §8), which it should announce in CAPA (EXPIRE 0: mail may not be left on the server, RFC 2449 §6.7).',
    decidedBy: ['protocol', 'client setting', 'server policy'],
    link: {
      scenario: 'one-laptop',
      protocol: 'pop3',
      shows: 'the client chooses to send DELE, which only marks the message',
      find: sends('DELE '),
    },
  },
  {
    id: 'imap-deletes-at-once',
    claim: 'With IMAP, deleting a message removes it from the server at once.',
    verdict: 'it depends',
    why: 'IMAP deletes in two steps, marking the message \\Deleted with STORE and removing it with EXPUNGE or CLOSE (RFC 9051 §6.4.6, §6.4.3, §6.4.1; in IMAP4rev1, RFC 3501 §6.4.6, §6.4.3, §6.4.2), and when the client sends EXPUNGE (at once, on leaving the folder, or only when asked) is its setting; a client set to MOVE deleted mail to Trash (RFC 6851 §3) takes it out of INBOX at once but leaves it on the server, in Trash.',
    decidedBy: ['protocol', 'client setting'],
    link: {
      scenario: 'delete-two-phases',
      protocol: 'imap',
      shows: 'the phone marks message 3 \\Deleted; it stays on the server until EXPUNGE',
      find: both(sends('UID STORE'), ({ frame }) => frame.raw?.includes('\\Deleted') === true),
    },
  },
  {
    id: 'pop-copy-on-server',
    claim: 'POP3 keeps a copy of your mail on the server.',
    verdict: 'it depends',
    why: 'Only when the client is set to leave messages on the server: it then remembers the unique-ids that UIDL lists and skips what it already has (RFC 1939 §7), and sends DELE only as its setting says (after N days, or when you delete it on the device); the server may still delete mail by its own policy; a server that does should announce it in CAPA as EXPIRE, the fewest days it keeps a message (NEVER if it deletes none, 0 if mail may not be left there) (RFC 2449 §6.7).',
    decidedBy: ['client setting', 'server policy'],
    link: {
      scenario: 'leave-a-copy',
      protocol: 'pop3',
      shows: 'a leave-a-copy client ends its session with every message still on the server',
      find: both(sends('QUIT'), ({ frame }) => serverInboxCount(frame) > 0),
    },
  },
  {
    id: 'imap-needs-connection',
    claim: 'With IMAP you need an Internet connection to read your mail.',
    verdict: 'it depends',
    why: 'Offline, an IMAP client shows only what it has stored: every message if its offline-copies setting keeps them (Thunderbird keeps them by default), or only what you opened if it fetches on demand; the protocol can fetch whole messages either way (RFC 9051 §6.4.5).',
    decidedBy: ['client setting'],
    link: {
      scenario: 'offline',
      protocol: 'imap',
      shows: 'offline, the IMAP client cannot open a message whose body it never fetched',
      find: openedOffline(false),
    },
  },
  {
    id: 'pop-offline',
    claim: 'With POP3 your mail is there even without a connection.',
    verdict: 'true',
    why: 'RETR sends the whole message (RFC 1939 §5), and most POP3 clients retrieve every message they list, so what this device downloaded opens offline; missing are mail newer than its last check and mail another device removed from the server first (a client can also fetch only headers with TOP, RFC 1939 §7: its setting).',
    decidedBy: ['protocol', 'client setting'],
    link: {
      scenario: 'offline',
      protocol: 'pop3',
      shows: 'offline, the POP3 client opens a message from its downloaded copy',
      find: openedOffline(true),
    },
  },
  {
    id: 'imap-more-secure',
    claim: 'If network security worries you, choose IMAP.',
    verdict: 'false',
    why: 'Both protocols can be secured the same way, with TLS from the first byte on ports 993 and 995 (implicit TLS, RFC 8314 §3) or by upgrading with STARTTLS and STLS (RFC 2595 §3, §4), and what protects a login is what the provider and the client enforce (IMAP4rev2 requires clients and servers to implement STARTTLS on cleartext ports, RFC 9051 §6.1.1, where POP3’s STLS is an optional extension); without TLS, the plain logins of both (POP3’s USER and PASS or AUTH PLAIN, IMAP’s LOGIN or AUTHENTICATE PLAIN) send the password in the clear, and the mail itself can be read on the way either way.',
    decidedBy: ['server policy', 'client setting'],
    link: {
      scenario: 'one-laptop',
      protocol: 'pop3',
      shows: 'the password goes out in a command, masked on this page, as IMAP’s LOGIN sends it too',
      find: sends('PASS '),
    },
  },
  {
    id: 'read-everywhere',
    claim: 'With IMAP a message read on one device shows as read on all of them.',
    verdict: 'true',
    why: 'IMAP keeps flags such as \\Seen with the message on the server, where every session reads them (RFC 9051 §2.3.2: for flags the server lists in PERMANENTFLAGS, as nearly all list \\Seen); POP3 has no command that stores a flag, so each device keeps its own read marks.',
    decidedBy: ['protocol'],
    link: {
      scenario: 'webmail-and-desktop',
      protocol: 'imap',
      shows: 'the desktop stores \\Seen on the server',
      find: both(sends('UID STORE'), ({ frame }) => frame.raw?.includes('\\Seen') === true),
    },
  },
  {
    id: 'pop-one-device',
    claim: 'POP3 is only for checking mail from one device.',
    verdict: 'it depends',
    why: 'Several devices can share one POP3 maildrop if each leaves a copy on the server, but many servers admit one session at a time (RFC 1939 §4 asks for an exclusive-access lock on the maildrop, as needed to keep a session’s messages from being changed or removed before its UPDATE state; refusing a second session, with [IN-USE], RFC 2449 §8.1.2, is the simple way and server policy); read marks stay on each device, and a deletion reaches the server only from a client set to send DELE for it, while other devices keep the copies they already downloaded.',
    decidedBy: ['protocol', 'client setting', 'server policy'],
    link: {
      scenario: 'pop3-lock',
      protocol: 'pop3',
      shows: 'the phone is refused while the laptop’s session still holds the maildrop lock',
      find: receives(/^-ERR \[IN-USE\]/),
    },
  },
  {
    id: 'pop-saves-server-space',
    claim: 'POP3 saves storage space on the server.',
    verdict: 'it depends',
    why: 'Only a client that deletes after downloading frees the space (DELE, committed at QUIT, RFC 1939 §6); with leave-a-copy the server keeps everything, and how much it may hold is the provider’s quota.',
    decidedBy: ['client setting', 'server policy'],
    link: {
      scenario: 'server-quota',
      protocol: 'pop3',
      shows: 'QUIT commits the deletions and the server INBOX empties',
      find: ({ frame, earlier }) =>
        earlier.length > 0 && serverInboxCount(frame) < serverInboxCount(earlier[earlier.length - 1]!),
    },
  },
  {
    id: 'imap-headers-first',
    claim: 'IMAP can download just the headers and fetch a message when you open it.',
    verdict: 'true',
    why: 'An IMAP FETCH names exactly what it wants, such as the ENVELOPE or one body part (RFC 9051 §6.4.5); POP3 has TOP for headers (RFC 1939 §7), but most POP3 clients download whole messages.',
    decidedBy: ['protocol', 'client setting'],
    link: {
      scenario: 'headers-first',
      protocol: 'imap',
      shows: 'the client asks for envelopes and sizes, not bodies',
      find: both(sends('UID FETCH'), ({ frame }) => frame.raw?.includes('ENVELOPE') === true),
    },
  },
  {
    id: 'pop-merges-accounts',
    claim: 'Only POP3 can gather several accounts into one inbox.',
    verdict: 'false',
    why: 'A combined inbox is a client feature: a POP3 client can copy each maildrop into one local folder, and IMAP clients offer a unified view while each account’s mail stays on its server; each session of either protocol logs in to one account (RFC 1939 §4, RFC 9051 §6.2.3).',
    decidedBy: ['client setting'],
    link: {
      scenario: 'two-accounts',
      protocol: 'imap',
      shows: 'the IMAP client logs in to the second account too',
      find: (view) =>
        sends('LOGIN ')(view) && view.earlier.some((f) => f.direction === 'c2s' && f.command === 'LOGIN'),
    },
  },
  {
    id: 'imap-stable-link',
    claim: 'IMAP is only for people with a stable connection.',
    verdict: 'false',
    why: 'IMAP is built for links that come and go: a client that keeps offline copies reads them without a link and resynchronizes when it is back (RFC 9051’s abstract: “an offline client” can “resynchronize with the server”), and a flag change IMAP has confirmed (STORE’s tagged OK, for a flag the mailbox keeps permanently: PERMANENTFLAGS) is stored on the server and survives a drop (RFC 9051 §6.4.6, §7.1); what needs a link is opening a message whose body the client never fetched, and how much a client keeps offline is its setting (a POP3 session cut before QUIT, for its part, deletes nothing: RFC 1939 §6).',
    decidedBy: ['client setting'],
    link: {
      scenario: 'dropped-connection',
      protocol: 'imap',
      shows: 'the link has dropped, and the flag the client stored before it is still on the server',
      find: ({ frame, earlier }) =>
        frame.direction === 'none' &&
        frame.devices.some((d) => d.kind !== 'webmail' && !d.connected) &&
        earlier.some((f) => commandLine(f)?.startsWith('UID STORE') && f.raw?.includes('\\Flagged')) &&
        frame.server.accounts[0]!.mailboxes.some((m) =>
          m.messages.some((x) => x.flags.includes('\\Flagged')),
        ),
    },
  },
  {
    id: 'imap-many-devices',
    claim: 'IMAP lets several devices use one mailbox at the same time.',
    verdict: 'true',
    why: 'Several IMAP sessions may select the same mailbox and the server tells each of the others’ changes, such as an EXPUNGE (RFC 9051 §5.2, §7.5.1), where many POP3 servers admit one session at a time to a maildrop (the lock of RFC 1939 §4, held as server policy decides); how many sessions a server admits at once is its policy.',
    decidedBy: ['protocol', 'server policy'],
    link: {
      scenario: 'delete-on-phone',
      protocol: 'imap',
      shows: 'the laptop hears of the phone’s deletion while both are connected',
      find: receives(/^\* \d+ EXPUNGE/, 'laptop'),
    },
  },
];

/** The link of the claim `id`, for pages that point at the same evidence (the guide). Throws on an unknown id. */
export function claimLink(id: string): StepLink {
  const claim = CLAIMS.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim "${id}"`);
  return claim.link;
}
