import type { Account } from './account';
import { composeMessage, rfc5322Date } from './compose';
import type { MailStore } from './store';

/** When the seed messages arrived: fixed, so every run shows the same INTERNALDATEs. */
const DAY = 24 * 60 * 60 * 1000;
export const SEED_EPOCH = Date.UTC(2026, 2, 2, 9, 0, 0);

const ME = 'Sam Student <student@popvsimap.lab>';

/** A small attachment, base64 in 76-character lines as a mail client sends it. */
const ATTACHMENT_CSV =
  'Session,Day,Time,Room\nIntroduction to e-mail,Monday,09:00,A210\nPOP3 in practice,Monday,11:00,A210\nIMAP in practice,Tuesday,09:00,A210\n';
const ATTACHMENT_BASE64 = (btoa(ATTACHMENT_CSV).match(/.{1,76}/g) ?? []).join('\n');

/** The seed INBOX, oldest first: plain text, multipart/alternative, an attachment, a thread. */
export const SEED_MESSAGES = [
  composeMessage({
    from: 'Ada Admin <ada@popvsimap.lab>',
    to: ME,
    subject: 'Welcome to the mail lab',
    date: 'Mon, 02 Mar 2026 09:00:00 +0000',
    messageId: 'welcome.1@popvsimap.lab',
    text: [
      'Hi Sam,',
      '',
      'Welcome! This mailbox lives on the lab server. Whether it stays there',
      'depends on how your mail client talks to the server: POP3 or IMAP.',
      '',
      '.A line that starts with a dot, to show POP3 dot-stuffing.',
      '',
      'Ada',
    ].join('\n'),
  }),
  composeMessage({
    from: 'Campus News <news@campus.example>',
    to: ME,
    subject: 'This week on campus',
    date: 'Tue, 03 Mar 2026 07:30:00 +0000',
    messageId: 'news.2026-10@campus.example',
    mime: {
      contentType: 'multipart/alternative; boundary="=_alt_7f3a"',
      body: [
        'This is a multi-part message in MIME format.',
        '',
        '--=_alt_7f3a',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 7bit',
        '',
        'Library hours change on Friday. The mail workshop is in room A210.',
        '',
        '--=_alt_7f3a',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: 7bit',
        '',
        '<p>Library hours change on <b>Friday</b>. The mail workshop is in room A210.</p>',
        '',
        '--=_alt_7f3a--',
      ].join('\n'),
    },
  }),
  composeMessage({
    from: 'Ben Trainer <ben@workshop.example>',
    to: ME,
    cc: 'Ada Admin <ada@popvsimap.lab>',
    subject: 'Workshop schedule (attached)',
    date: 'Wed, 04 Mar 2026 14:05:00 +0000',
    messageId: 'schedule.42@workshop.example',
    mime: {
      contentType: 'multipart/mixed; boundary="=_mix_19c2"',
      body: [
        '--=_mix_19c2',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 7bit',
        '',
        'Hello Sam, the schedule for next week is attached.',
        '',
        '--=_mix_19c2',
        'Content-Type: text/csv; name="schedule.csv"',
        'Content-Disposition: attachment; filename="schedule.csv"',
        'Content-Transfer-Encoding: base64',
        '',
        ATTACHMENT_BASE64,
        '',
        '--=_mix_19c2--',
      ].join('\n'),
    },
  }),
  composeMessage({
    from: 'Chris Classmate <chris@students.example>',
    to: ME,
    subject: 'Study group on Thursday?',
    date: 'Wed, 04 Mar 2026 18:40:00 +0000',
    messageId: 'thread.1@students.example',
    text: 'Shall we meet on Thursday to go through the IMAP exercises?\n\nChris',
  }),
  composeMessage({
    from: 'Dana Classmate <dana@students.example>',
    to: ME,
    cc: 'Chris Classmate <chris@students.example>',
    subject: 'Re: Study group on Thursday?',
    date: 'Thu, 05 Mar 2026 08:12:00 +0000',
    messageId: 'thread.2@students.example',
    inReplyTo: 'thread.1@students.example',
    text: 'Thursday works. Library, 4 pm?\n\n> Shall we meet on Thursday to go through the IMAP exercises?\n\nDana',
  }),
  composeMessage({
    from: 'Chris Classmate <chris@students.example>',
    to: ME,
    cc: 'Dana Classmate <dana@students.example>',
    subject: 'Re: Study group on Thursday?',
    date: 'Thu, 05 Mar 2026 09:03:00 +0000',
    messageId: 'thread.3@students.example',
    inReplyTo: 'thread.2@students.example',
    references: ['thread.1@students.example', 'thread.2@students.example'],
    text: '4 pm is perfect. I will bring the RFCs.\n\n> Thursday works. Library, 4 pm?\n\nChris',
  }),
];

/** Fills an account's INBOX with the seed messages, one day apart, all unread. */
export function seedAccount(account: Account): void {
  SEED_MESSAGES.forEach((raw, i) => account.inbox.append(raw, [], SEED_EPOCH + i * DAY));
  account.createMailbox('Sent', '\\Sent');
  account.createMailbox('Drafts', '\\Drafts');
  account.createMailbox('Trash', '\\Trash');
}

/** `count` distinct plain-text messages, reproducible: for large mailboxes in scenarios and benchmarks. */
export function generateMessages(count: number, bodyLines = 20): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const day = 1 + (i % 28);
    const lines = Array.from(
      { length: bodyLines },
      (_, l) => `Line ${l + 1} of message ${i}: the quick brown fox jumps over the lazy dog.`,
    );
    out.push(
      composeMessage({
        from: `Sender ${i % 17} <sender${i % 17}@example.org>`,
        to: ME,
        subject: `Newsletter issue ${i}`,
        date: rfc5322Date(Date.UTC(2026, 1, day, 10, 0, 0)),
        messageId: `bulk.${i}@example.org`,
        text: lines.join('\n'),
      }),
    );
  }
  return out;
}

/** A store with the default account (student / secret) and the seed INBOX. */
export function seedStore(store: MailStore, user = 'student', password = 'secret'): Account {
  const account = store.addAccount(user, password);
  seedAccount(account);
  return account;
}
