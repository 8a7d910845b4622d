import type { RunResult } from '../scenario';
import type { Frame } from '../types';
import { afterIntent, deviceAt, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const SUBJECT = 'Notes from today';

/** The subjects in a user's mailbox on the server at a frame, read from its snapshot. */
function mailboxHolds(frame: Frame, mailbox: string, subject: string, user = 'student'): boolean {
  const box = frame.server.accounts.find((a) => a.user === user)?.mailboxes.find((b) => b.name === mailbox);
  return JSON.stringify(box?.messages ?? []).includes(subject);
}

/** The SMTP frames of the send intent (1), in order. */
function smtpOf(run: RunResult): Frame[] {
  return run.frames.filter((f) => f.intent === 1 && f.wire === 'smtp');
}

const story = builtinStory('send-from-phone');

export const sendFromPhone = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => [
    {
      statement:
        'Both: the phone sends over SMTP, not POP3 or IMAP: EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, and 250 once the server has the message',
      holds: [pop3, imap].every((run) => {
        const lines = smtpOf(run).map((f) => f.raw ?? '');
        const order = [
          'EHLO ',
          'AUTH PLAIN ',
          'MAIL FROM:<student@popvsimap.lab>',
          'RCPT TO:<chris@students.example>',
          'DATA\r\n',
        ];
        const at = order.map((p) => lines.findIndex((l) => l.startsWith(p)));
        const text = lines.findIndex((l, i) => i > at[4]! && l.startsWith('From: '));
        return (
          at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!)) &&
          text > 0 &&
          /^250 2\.0\.0 /.test(lines[text + 1] ?? '') &&
          smtpOf(run).every((f) => f.device === 'phone')
        );
      }),
    },
    {
      statement:
        'Both: the message for chris@students.example waits in the server’s outbox, recorded in the frames: the lab relays nothing, and a real server would look up the MX records of students.example (RFC 5321 §5.1)',
      holds: [pop3, imap].every((run) => {
        const before = afterIntent(run, 0).server.outbox;
        const [entry, ...more] = run.last.server.outbox ?? [];
        return (
          before === undefined &&
          more.length === 0 &&
          entry?.subject === SUBJECT &&
          entry.from === 'student@popvsimap.lab' &&
          entry.relays.length === 1 &&
          entry.relays[0]!.domain === 'students.example' &&
          entry.relays[0]!.recipients.join() === 'chris@students.example' &&
          /MX records of students\.example/.test(entry.relays[0]!.route)
        );
      }),
    },
    {
      statement: 'Both: sending puts nothing in the sender’s own INBOX',
      holds: [pop3, imap].every(
        (run) => serverInbox(afterIntent(run, 1)).length === serverInbox(afterIntent(run, 0)).length,
      ),
    },
    {
      statement:
        'IMAP: SMTP itself keeps no copy, so this phone’s IMAP client APPENDs one to Sent on the server, marked \\Seen (some providers save it on submission instead: server policy, and their clients are set not to APPEND)',
      holds: imap.frames.some(
        (f) =>
          f.intent === 1 &&
          f.device === 'phone' &&
          /^a\d+ APPEND Sent \(\\Seen\) \{\d+\+\}\r\n/.test(f.raw ?? ''),
      ),
    },
    {
      statement:
        'IMAP: the copy is in Sent on the server, where the laptop’s IMAP client (or any other) finds it',
      holds: mailboxHolds(imap.last, 'Sent', SUBJECT) && !mailboxHolds(afterIntent(imap, 0), 'Sent', SUBJECT),
    },
    {
      statement:
        'IMAP: the laptop opens Sent: LIST, SELECT Sent, fetches the envelopes, and shows the message the phone sent; then it SELECTs INBOX again',
      holds: (() => {
        const lines = imap.frames
          .filter((f) => f.intent === 3 && f.device === 'laptop' && f.direction === 'c2s')
          .map((f) => f.raw ?? '');
        const at = [
          /^a\d+ LIST "" "\*"\r\n$/,
          /^a\d+ SELECT Sent\r\n$/,
          /^a\d+ UID FETCH 1:\* \(UID FLAGS RFC822\.SIZE ENVELOPE\)\r\n$/,
          /^a\d+ SELECT INBOX\r\n$/,
        ].map((re) => lines.findIndex((l) => re.test(l)));
        const folder = deviceAt(imap.last, 'laptop').folder;
        return (
          at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!)) &&
          folder?.name === 'Sent' &&
          folder.messages.some((m) => m.subject === SUBJECT) &&
          !deviceAt(afterIntent(imap, 2), 'laptop').folder
        );
      })(),
    },
    {
      statement:
        'POP3: opening Sent puts nothing on the wire: POP3 gives access to one maildrop (RFC 1939 §1), which servers map to the INBOX, and has no command to name another folder, so the laptop’s Sent folder is its own',
      holds:
        !pop3.frames.some((f) => f.intent === 3 && f.direction !== 'none') &&
        pop3.frames.some((f) => f.intent === 3 && /RFC 1939 §1/.test(f.narration)) &&
        !deviceAt(pop3.last, 'laptop').folder,
    },
    {
      statement:
        'POP3: there is no Sent folder POP3 can reach: the server holds no copy, and the laptop never sees one',
      holds:
        !mailboxHolds(pop3.last, 'Sent', SUBJECT) &&
        !deviceAt(pop3.last, 'laptop').messages.some((m) => m.subject === SUBJECT) &&
        !pop3.frames.some((f) => f.wire !== 'smtp' && (f.raw ?? '').includes(SUBJECT)),
    },
  ],
});
