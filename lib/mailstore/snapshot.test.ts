import { describe, expect, it } from 'vitest';
import { snapshotStore } from './snapshot';
import { MailStore } from './store';

const message = (from: string | null) =>
  `${from === null ? '' : `From: ${from}\r\n`}To: student@example.org\r\nSubject: Hello\r\n\r\nBody\r\n`;

describe('snapshotStore', () => {
  it.each([
    ['a display name', 'Alice Example <alice@example.org>', 'Alice Example'],
    ['a quoted display name, unquoted', '"Bob, the builder" <bob@example.org>', 'Bob, the builder'],
    ['a bare address (RFC 5322 §3.4 addr-spec)', 'carol@example.org', 'carol@example.org'],
    ['no From field', null, ''],
  ])('names the sender of a message with %s', (_, from, shown) => {
    const store = new MailStore();
    store.addAccount('student', 'secret');
    store.deliver('student', message(from));
    const inbox = snapshotStore(store).accounts[0]!.mailboxes.find((b) => b.name === 'INBOX')!;
    expect(inbox.messages[0]).toMatchObject({ subject: 'Hello', from: shown });
  });
});
