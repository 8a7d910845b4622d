import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { serverInbox } from './helpers';

export const serverQuota = defineScenario({
  ...catalogEntry('server-quota'),
  setup: {
    accounts: [{ user: 'student', password: 'secret', messages: 'seed', quotaBytes: 4500 }],
    // The IMAP client shows a storage bar: it asks the server (GETQUOTAROOT, RFC 9208).
    devices: [{ id: 'laptop', kind: 'laptop', imap: { quota: true } }],
  },
  intents: [
    { type: 'openApp', device: 'laptop' },
    { type: 'newMail', subject: 'Lecture notes', from: 'Ben Trainer <ben@workshop.example>', via: 'smtp' },
    { type: 'newMail', subject: 'Room change', from: 'Campus News <news@campus.example>', via: 'smtp' },
    { type: 'newMail', subject: 'Exam dates', from: 'Ada Admin <ada@school.example>', via: 'smtp' },
    { type: 'checkMail', device: 'laptop' },
  ],
  // The point of the story: a full mailbox refuses delivery (RFC 5321 §4.2.3, RFC 3463 X.2.2).
  expectedErrors: [/^552 5\.2\.2 /],
  takeaways: ({ pop3, imap }) => [
    {
      statement: 'POP3 (delete after download): every new message was accepted and downloaded',
      holds: pop3.last.devices[0]!.messages.length === 9,
    },
    {
      statement: 'POP3 (delete after download): the server ends empty',
      holds: serverInbox(pop3.last).length === 0,
    },
    {
      statement:
        'IMAP: once the quota was full, the server refused the delivery with 552 5.2.2 at the end of DATA (RFC 5321 §4.2.3, RFC 3463 mailbox full), and the sender is told of the bounce',
      holds:
        imap.frames.some((f) => f.wire === 'smtp' && f.raw?.startsWith('552 5.2.2 ')) &&
        imap.frames.some((f) => f.direction === 'none' && /bounce.*RFC 3464/.test(f.narration)),
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
        return !!m && Number(m[1]) === Math.floor(imap.last.metrics.serverBytes / 1024) && m[2] === '4';
      })(),
    },
    {
      statement: 'IMAP: the server holds all it accepted, within the quota',
      holds: imap.last.metrics.serverBytes <= 4500 && serverInbox(imap.last).length >= 6,
    },
  ],
});
