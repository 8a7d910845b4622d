import { describe, expect, it } from 'vitest';
import { registry } from '../imap/extensions/registry';
import { imapSession } from '../imap/testing';
import { CONTENT_ITEMS } from './fetch-seen';
import { explainWire } from './index';

/*
 * Which FETCH items set \Seen (RFC 9051 §6.4.5, RFC 3501 §6.4.5) is said in two places a student
 * reads: each item's explanation, and the UID FETCH line's citation. Both must say what this
 * server does, so each is checked against the server itself: the item is fetched from an unread
 * message in a mailbox opened read-write, and the message's flags are read afterwards.
 */
const ITEMS = [
  'BODY[]',
  'BODY[TEXT]',
  'BODY[HEADER]',
  'BODY[1]',
  'BODY[HEADER.FIELDS (SUBJECT)]',
  'BODY[]<0.10>',
  'BODY.PEEK[]',
  'BODY.PEEK[TEXT]',
  'BODY.PEEK[HEADER.FIELDS (FROM)]<0.100>',
  'BINARY[1]',
  'BINARY.PEEK[1]',
  'BINARY.SIZE[1]',
  'RFC822',
  'RFC822.TEXT',
  'RFC822.HEADER',
  'RFC822.SIZE',
  'ENVELOPE',
  'FLAGS',
  'BODYSTRUCTURE',
];

/** Whether this server sets \Seen on an unread message fetched with `item` (FETCH and UID FETCH). */
function serverSetsSeen(item: string, byUid: boolean): boolean {
  const { c, inbox } = imapSession({ select: true });
  const message = inbox.messages.find((m) => !m.flags.has('\\Seen'))!;
  const reply = c.send(
    `a3 ${byUid ? 'UID ' : ''}FETCH ${byUid ? message.uid : inbox.messages.indexOf(message) + 1} (${item})`,
  );
  expect(reply, item).toContain('a3 OK');
  return message.flags.has('\\Seen');
}

const explained = (raw: string, command: string) =>
  explainWire({ protocol: 'imap', direction: 'c2s', raw, rev2: false, command });

describe('what fetching an item does to \\Seen, said as the server does it', () => {
  it.each(ITEMS)('%s', (item) => {
    const sets = serverSetsSeen(item, false);
    expect(serverSetsSeen(item, true)).toBe(sets);
    const e = explained(`a3 FETCH 1 (${item} UID)\r\n`, 'FETCH');
    const meaning = e.tokens.find((t) => t.text === item)?.explanation ?? '';
    expect(meaning, item).toBeTruthy();
    expect(/\bsets \\Seen\b/.test(meaning), `${item}: ${meaning}`).toBe(sets);
    // An item that carries message content says either way; the others say nothing of \Seen.
    const content = /\[|^RFC822(\.TEXT|\.HEADER)?$/.test(item) && !item.startsWith('BINARY.SIZE');
    if (content && !sets) expect(meaning, item).toMatch(/without setting \\Seen/);
    if (!content) expect(meaning, item).not.toMatch(/\\Seen/);
    // A UID FETCH cites FETCH's section, which holds the \Seen rule, beside UID's.
    const line = explained(`a4 UID FETCH 7 (${item})\r\n`, 'UID FETCH');
    expect(line.rfc, item).toBe('RFC 3501 §6.4.8, §6.4.5');
  });
});

describe('the explanations know every extension item that carries content', () => {
  it('each other item an extension registers names no section (FLAGS-like: MODSEQ…)', () => {
    const others = registry().fetchItems.filter((def) => !CONTENT_ITEMS.includes(def));
    expect(others.length).toBeGreaterThan(0);
    for (const def of others) expect(def.name, def.name).not.toMatch(/\[/);
    for (const def of CONTENT_ITEMS) expect(registry().fetchItems).toContain(def);
  });
});
