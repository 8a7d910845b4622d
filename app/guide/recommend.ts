import { claimLink } from '@/simulations/claims';
import { commandLine, receives, serverInboxCount, type StepLink } from '@/simulations/step-link';

/** The questions people actually weigh when choosing, and their answers. */
export const QUESTIONS = [
  {
    id: 'devices',
    text: 'How many devices read this mailbox?',
    options: [
      { value: 'one', label: 'One computer' },
      { value: 'several', label: 'Several (phone, laptop, webmail…)' },
    ],
  },
  {
    id: 'offline',
    text: 'Must all mail be readable without a connection?',
    options: [
      { value: 'yes', label: 'Yes, everything, anywhere' },
      { value: 'no', label: 'No, I am usually online' },
    ],
  },
  {
    id: 'storage',
    text: 'Is the storage on the server small?',
    options: [
      { value: 'small', label: 'Yes, a small quota' },
      { value: 'ample', label: 'No, there is room' },
    ],
  },
  {
    id: 'link',
    text: 'What is the connection like?',
    options: [
      { value: 'good', label: 'Fast and reliable' },
      { value: 'slow', label: 'Slow or metered' },
      { value: 'flaky', label: 'It drops often (trains, poor coverage)' },
    ],
  },
  {
    id: 'shared',
    text: 'Do several people share this mailbox?',
    options: [
      { value: 'yes', label: 'Yes (a team or family inbox)' },
      { value: 'no', label: 'No, only me' },
    ],
  },
  {
    id: 'merge',
    text: 'Do you want several accounts in one inbox?',
    options: [
      { value: 'yes', label: 'Yes, one inbox for everything' },
      { value: 'no', label: 'No, separate is fine' },
    ],
  },
  {
    id: 'security',
    text: 'Does security on the network concern you?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'Not especially' },
    ],
  },
] as const;

export type QuestionId = (typeof QUESTIONS)[number]['id'];
export type Answers = Partial<Record<QuestionId, string>>;

/**
 * One reason, split by who decides it: the protocol (with its RFC section), the mail client's
 * settings, and the provider's server policy. `link` names the scenario step that shows it.
 */
export interface Reason {
  readonly id: string;
  /** 'Neither': the answer matters, but not to the choice of protocol. */
  readonly favours: 'POP3' | 'IMAP' | 'Neither';
  readonly text: string;
  readonly protocol: string;
  readonly client?: string;
  readonly server?: string;
  readonly link: StepLink;
}

export interface Recommendation {
  readonly verdict: 'POP3' | 'IMAP' | 'Either';
  readonly reasons: readonly Reason[];
}

/** Every reason the guide can give, by id; `recommend` picks from these. */
export const REASONS = {
  several: {
    id: 'several',
    favours: 'IMAP',
    text: 'Several devices see the same mail and the same read marks when both stay on the server.',
    protocol:
      'IMAP stores flags such as \\Seen on the server, where every session reads them (RFC 9051 §2.3.2); POP3 has no command that stores a flag.',
    client:
      'A POP3 client set to leave a copy lets a second device download the same mail, but each device keeps its own read marks.',
    link: {
      scenario: 'laptop-and-phone',
      protocol: 'imap',
      shows: 'the laptop learns from the server that the phone read message 2',
      find: receives(/^\* \d+ FETCH \(UID 2 .*\\Seen/, 'laptop'),
    },
  },
  one: {
    id: 'one',
    favours: 'POP3',
    text: 'With one computer POP3 works well; unless the client leaves a copy on the server, that computer then holds the only copy, so back it up.',
    protocol:
      'RETR sends each whole message; messages marked with DELE are removed when the session ends with QUIT (RFC 1939 §5, §6).',
    client:
      'Whether the client sends DELE is its “leave a copy on the server” setting; with the copy left, the server keeps one too.',
    link: {
      scenario: 'one-laptop',
      protocol: 'pop3',
      shows: 'after QUIT the server is empty and the laptop holds every message',
      find: ({ frame }) =>
        serverInboxCount(frame) === 0 &&
        frame.devices.some((d) => d.messages.length > 0 && d.messages.every((m) => m.hasBody)),
    },
  },
  offline: {
    id: 'offline',
    favours: 'POP3',
    text: 'A POP3 client has every message it downloaded, in full, with or without a connection.',
    protocol:
      'RETR sends the whole message (RFC 1939 §5); IMAP can fetch whole messages too (RFC 9051 §6.4.5), so what stays on the device is the client’s choice.',
    client:
      'An IMAP client keeps everything offline only if its offline-copies setting says so; this scenario’s client keeps just what was opened.',
    link: claimLink('imap-needs-connection'),
  },
  quota: {
    id: 'quota',
    favours: 'POP3',
    text: 'A small quota favours a client that deletes what it has downloaded.',
    protocol:
      'POP3 removes DELE-marked messages at QUIT (RFC 1939 §6); IMAP keeps a message until it is expunged (RFC 9051 §6.4.3).',
    client:
      'A POP3 client with “leave a copy” on fills the quota just as IMAP does; an IMAP client can move old mail to local folders.',
    server:
      'The quota is the provider’s policy, and so is what a full mailbox does: the server refuses new mail for now (452 4.2.2, and the sender’s server retries), refuses it for good (552), or accepts it and bounces it.',
    link: {
      scenario: 'server-quota',
      protocol: 'imap',
      shows: 'this server refuses new mail for the full IMAP mailbox',
      find: ({ frame, intent, earlier }) => {
        if (intent?.type !== 'newMail' || frame.direction !== 'none') return false;
        const before = earlier.findLast((f) => f.intent < frame.intent);
        return (
          earlier.some((f) => f.intent === frame.intent) &&
          before !== undefined &&
          serverInboxCount(frame) === serverInboxCount(before)
        );
      },
    },
  },
  slow: {
    id: 'slow',
    favours: 'IMAP',
    text: 'On a slow or metered link IMAP can move fewer bytes: a client may fetch envelopes first (a summary of each header), then only what you open.',
    protocol:
      'An IMAP FETCH names exactly what to send, such as ENVELOPE or one body part (RFC 9051 §6.4.5); POP3 has TOP for headers (RFC 1939 §7).',
    client:
      'Most POP3 clients download whole messages; whether an IMAP client fetches attachments is its setting.',
    link: claimLink('imap-headers-first'),
  },
  flaky: {
    id: 'flaky',
    favours: 'POP3',
    text: 'When the link drops often, what counts is what is already on the device.',
    protocol:
      'A POP3 session cut before QUIT deletes nothing (RFC 1939 §6); the server learns of the drop only from its inactivity timer (at least 10 minutes, RFC 1939 §3) or a TCP timeout. A change to a permanent flag (one the server lists in PERMANENTFLAGS) stays once the server has confirmed it (RFC 3501 §6.4.6, §7.1).',
    server:
      'Whether the vanished session blocks a quick reconnect is server policy: a server that locks the maildrop for the whole session (this lab’s does; Dovecot only when set to) answers -ERR [IN-USE] (RFC 2449 §8.1.2) until it ends that session.',
    client:
      'A POP3 client has everything it downloaded; an IMAP client without offline copies cannot open what it never fetched, so turn offline copies on and the difference goes.',
    link: claimLink('imap-needs-connection'),
  },
  shared: {
    id: 'shared',
    favours: 'IMAP',
    text: 'A mailbox several people share needs its mail and its state kept on the server.',
    protocol:
      'IMAP sessions can select one mailbox together and hear each other’s changes (RFC 9051 §5.2); a POP3 server takes an exclusive-access lock on the maildrop, as needed to keep messages from being modified or removed under a session (RFC 1939 §4).',
    server:
      'Whether several people may log in to one mailbox, or share folders, is the provider’s policy, and so is whether its POP3 server admits more than one session at a time.',
    link: claimLink('imap-many-devices'),
  },
  merge: {
    id: 'merge',
    favours: 'Neither',
    text: 'Several accounts in one inbox is a mail-client feature, not a protocol one.',
    protocol:
      'Each POP3 or IMAP session logs in to one account (RFC 1939 §4, RFC 9051 §6.2.3); neither knows of the others.',
    client:
      'A POP3 client can put every account’s mail in one local folder; IMAP clients offer a unified inbox while each account’s mail stays on its server.',
    link: claimLink('pop-merges-accounts'),
  },
  security: {
    id: 'security',
    favours: 'Neither',
    text: 'Security favours neither protocol: both are protected the same way, with TLS.',
    protocol:
      'TLS from the first byte on port 995 (POP3) or 993 (IMAP), RFC 8314 §3, or an upgrade with STLS or STARTTLS, RFC 2595 §3–4; without TLS, the plain logins of both (POP3’s USER and PASS or AUTH PLAIN, IMAP’s LOGIN or AUTHENTICATE PLAIN) send the password in the clear, and the mail itself can be read on the way either way.',
    client: 'Choose SSL/TLS (not “None”) in the account settings.',
    server: 'The provider decides which ports and logins it accepts; many refuse a login without TLS.',
    link: claimLink('imap-more-secure'),
  },
} as const satisfies Record<string, Reason>;

/** Each answer that matters adds its reason; the verdict weighs those that favour a protocol. */
export function recommend(answers: Answers): Recommendation {
  const picked: Reason[] = [];
  if (answers.devices === 'several') picked.push(REASONS.several);
  if (answers.devices === 'one') picked.push(REASONS.one);
  if (answers.offline === 'yes') picked.push(REASONS.offline);
  if (answers.storage === 'small') picked.push(REASONS.quota);
  if (answers.link === 'slow') picked.push(REASONS.slow);
  if (answers.link === 'flaky') picked.push(REASONS.flaky);
  if (answers.shared === 'yes') picked.push(REASONS.shared);
  if (answers.merge === 'yes') picked.push(REASONS.merge);
  if (answers.security !== undefined) picked.push(REASONS.security);
  const imap = picked.filter((r) => r.favours === 'IMAP').length;
  const pop3 = picked.filter((r) => r.favours === 'POP3').length;
  // Several devices or a shared mailbox outweigh the rest: POP3 cannot keep them in step.
  const decisive = answers.devices === 'several' || answers.shared === 'yes';
  const verdict = decisive || imap > pop3 ? 'IMAP' : pop3 > imap ? 'POP3' : 'Either';
  return { verdict, reasons: picked };
}

/** What stays true whatever the answers: the nuance a teacher adds. */
export const NUANCES: readonly { id: string; text: string; link: StepLink }[] = [
  {
    id: 'leave-copy',
    text: '“Leave a copy on the server” is a POP3 client setting: the mail stays there unless the provider’s retention policy deletes it (RFC 1939 §8; announced as EXPIRE, RFC 2449 §6.7), and a client that remembers UIDLs downloads nothing twice, even after a drop (RFC 1939 §7); read marks still stay on each device.',
    link: {
      scenario: 'leave-a-copy',
      protocol: 'pop3',
      shows: 'the check after the drop lists the UIDLs and downloads nothing it already has',
      find: ({ frame, timeline }) =>
        commandLine(frame)?.startsWith('UIDL') === true &&
        !timeline.tracks.pop3.slice(frame.step + 1).some((f) => commandLine(f)?.startsWith('RETR')),
    },
  },
  {
    id: 'offline-copies',
    text: 'An IMAP client can keep offline copies of every message (a client setting); the server stays the reference. The offline scenario shows a client that keeps only what was opened.',
    link: claimLink('imap-needs-connection'),
  },
  {
    id: 'quit',
    text: 'POP3 deletions are only marks until QUIT: a connection that drops before QUIT deletes nothing (RFC 1939 §6).',
    link: {
      scenario: 'dropped-connection',
      protocol: 'pop3',
      shows: 'the link drops after DELE, before QUIT, and the server still holds every message',
      find: ({ frame, earlier }) =>
        frame.direction === 'none' &&
        earlier.some((f) => commandLine(f)?.startsWith('DELE ')) &&
        !earlier.some((f) => commandLine(f)?.startsWith('QUIT')) &&
        frame.devices.some((d) => !d.connected) &&
        serverInboxCount(frame) === serverInboxCount(earlier[0] ?? frame),
    },
  },
  {
    id: 'smtp',
    text: 'Neither protocol sends mail: a mail app sends with SMTP (RFC 6409 §3), whichever it uses to read.',
    link: claimLink('imap-sends-mail'),
  },
];

/** Every link the guide shows, by reason or nuance id, for the page to resolve at build time. */
export function guideLinks(): readonly { id: string; link: StepLink }[] {
  return [...Object.values(REASONS), ...NUANCES].map((r) => ({ id: r.id, link: r.link }));
}
