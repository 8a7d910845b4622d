import type { RunResult } from '../scenario';
import { afterIntent, deviceAt, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

/** Octets in student's account on the server at the end (the quota is student's; kim, the classmate, has none). */
function studentBytes(run: RunResult): number {
  return run.last.server.accounts.find((a) => a.user === 'student')!.usedBytes;
}

const story = builtinStory('server-quota');

export const serverQuota = builtinScenario(story, {
  // The point of the story: a full mailbox refuses delivery (RFC 5321 §4.2.3, RFC 3463 X.2.2).
  expectedErrors: [/^552 5\.2\.2 /],
  takeaways: ({ pop3, imap }) => [
    {
      statement:
        'POP3 (delete after download): every new message was accepted and downloaded, the classmate’s included',
      holds:
        pop3.last.devices[0]!.messages.length === 10 &&
        pop3.last.devices[0]!.messages.some((m) => m.subject === 'Study group notes'),
    },
    {
      statement: 'POP3 (delete after download): the server ends empty',
      holds: serverInbox(pop3.last).length === 0,
    },
    {
      statement:
        'IMAP: once the quota was full, the server refused the delivery with 552 5.2.2 at the end of DATA (RFC 5321 §4.2.3; refusing, and with 552 rather than 452 4.2.2, is this server’s policy), and the sender is told of the bounce',
      holds:
        imap.frames.some((f) => f.wire === 'smtp' && f.raw?.startsWith('552 5.2.2 ')) &&
        imap.frames.some((f) => f.direction === 'none' && /bounce.*RFC 3464/.test(f.narration)),
    },
    {
      statement:
        'IMAP: the classmate’s message for the full mailbox and for ben@workshop.example was taken (250 to the final dot), so the server owes the classmate a report: a delivery status notification lands in kim’s (the classmate’s) INBOX on the server',
      holds: (() => {
        const sent = imap.frames.filter((f) => f.intent === 4 && f.wire === 'smtp');
        const text = sent.findIndex(
          (f) => f.command === 'DATA' && f.direction === 'c2s' && f.raw !== 'DATA\r\n',
        );
        const reports = serverInbox(afterIntent(imap, 4), 'kim');
        return (
          text > 0 &&
          /^250 2\.0\.0 /.test(sent[text + 1]?.raw ?? '') &&
          serverInbox(afterIntent(imap, 3), 'kim').length === 0 &&
          reports.length === 1 &&
          reports[0]!.subject === 'Undelivered Mail Returned to Sender' &&
          reports[0]!.from === 'Mail Delivery System'
        );
      })(),
    },
    {
      statement:
        'IMAP: the narration says what is protocol (RFC 5321 §6.1: report, do not lose mail; RFC 3464: the report’s standard format, a SHOULD of RFC 5321 §3.6.3) and what is server policy (the quota)',
      holds: imap.frames.some(
        (f) =>
          f.intent === 4 &&
          f.direction === 'none' &&
          /RFC 5321 §6\.1/.test(f.narration) &&
          /RFC 3464/.test(f.narration) &&
          /Status: 5\.2\.2/.test(f.narration) &&
          /Server policy: the quota/.test(f.narration),
      ),
    },
    {
      statement:
        'IMAP: the classmate’s phone lists the report when its IMAP client logs in to save the Sent copy, and the copy for ben@workshop.example waits in the outbox',
      holds:
        deviceAt(imap.last, 'classmate').messages.some(
          (m) => m.subject === 'Undelivered Mail Returned to Sender',
        ) && imap.last.server.outbox?.[0]?.relays[0]?.recipients.join() === 'ben@workshop.example',
    },
    {
      statement: 'POP3 (delete after download): the classmate’s message fit, so no report was sent',
      holds:
        serverInbox(pop3.last, 'kim').length === 0 &&
        !pop3.frames.some((f) => f.intent === 4 && /notification now lies/.test(f.narration)),
    },
    {
      statement:
        'Both: kim’s account (the classmate’s) is on the same lab server as student’s, so no frame names a server of its own (the diagram draws one server)',
      holds: [pop3, imap].every((run) => !run.frames.some((f) => f.account !== undefined)),
    },
    {
      statement: 'POP3 (delete after download): no delivery was refused',
      holds: !pop3.frames.some((f) => f.wire === 'smtp' && /^5\d\d /.test(f.raw ?? '')),
    },
    {
      statement:
        'IMAP: the storage bar is what the server says: the last QUOTA response (GETQUOTAROOT, RFC 9208) counts the octets the server holds, in whole KB',
      holds: (() => {
        const last = imap.frames.filter((f) => f.raw?.startsWith('* QUOTA ')).at(-1)?.raw ?? '';
        const m = /\(STORAGE (\d+) (\d+)\)/.exec(last);
        return !!m && Number(m[1]) === Math.floor(studentBytes(imap) / 1024) && m[2] === '4';
      })(),
    },
    {
      statement: 'IMAP: the server holds all it accepted, within the quota',
      holds: studentBytes(imap) <= 4500 && serverInbox(imap.last).length >= 6,
    },
  ],
});
