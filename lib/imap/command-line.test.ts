import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../session/types';
import { tagOfOverlong } from './command-line';
import { connectImap, imapSession, imapTestServer, lines } from './testing';

const LIMIT = DEFAULT_LIMITS.maxLineBytes;

/** A `UID SEARCH` line of exactly `length` octets (before its CRLF), naming UID 1 many times. */
function searchLine(tag: string, length: number): string {
  const prefix = `${tag} UID SEARCH UID `;
  const fill = length - prefix.length - 2;
  if (fill % 2 !== 0) throw new Error('odd fill');
  return prefix + '1,'.repeat(fill / 2) + '12';
}

describe('command line length (64 KiB, RFC 7162 §4 asks for at least 8,192 octets)', () => {
  it('the limit is 64 KiB, as Dovecot', () => {
    expect(LIMIT).toBe(65_536);
  });

  it('accepts a line of exactly the limit', () => {
    const { c } = imapSession({ select: true });
    const line = searchLine('a3', LIMIT);
    expect(line).toHaveLength(LIMIT);
    expect(lines(c.send(line))).toEqual(['* SEARCH 1', 'a3 OK UID SEARCH completed']);
  });

  it('answers a line one octet over with a tagged BAD, and the session goes on', () => {
    const { c } = imapSession({ select: true });
    expect(c.send(searchLine('a3', LIMIT + 2))).toBe(`a3 BAD Line too long (limit ${LIMIT} octets)\r\n`);
    expect(c.send('a4 NOOP')).toBe('a4 OK NOOP completed\r\n');
    expect(c.session.state).toBe('Selected');
  });

  it('answers once, with the tag, when the long line arrives in pieces', () => {
    const { c } = imapSession();
    expect(c.sendRaw('t7 ID ("name" "')).toBe('');
    let replies = '';
    for (let i = 0; i < 10; i++) replies += c.sendRaw('x'.repeat(10_000));
    replies += c.sendRaw('")\r\nt8 NOOP\r\n');
    expect(lines(replies)).toEqual([`t7 BAD Line too long (limit ${LIMIT} octets)`, 't8 OK NOOP completed']);
  });

  it('answers the tag of a command whose line after a literal is too long', () => {
    const { c } = imapSession();
    c.sendRaw('a2 LOGIN {7}\r\n');
    expect(c.send('student ' + 'x'.repeat(LIMIT + 10))).toBe(
      `a2 BAD Line too long (limit ${LIMIT} octets)\r\n`,
    );
  });

  it('answers untagged only when no tag can be read', () => {
    const { c } = imapSession();
    expect(c.send('(' + 'x'.repeat(LIMIT + 10))).toBe(`* BAD Line too long (limit ${LIMIT} octets)\r\n`);
    expect(c.send('x'.repeat(LIMIT + 10))).toBe(`* BAD Line too long (limit ${LIMIT} octets)\r\n`);
  });
});

describe('an overlong line that answers a waiting command (RFC 2177 §3, RFC 9051 §6.3.13)', () => {
  it('during IDLE ends the IDLE with its tagged BAD (as Dovecot), and the session goes on', () => {
    const { c, server } = imapSession({ select: true });
    expect(c.send('a3 IDLE')).toBe('+ idling\r\n');
    // The line starts like a command, but it is the IDLE's line: no reply under its "tag".
    expect(c.send('b1 NOOP ' + 'x'.repeat(LIMIT))).toBe('a3 BAD Expected DONE\r\n');
    // IDLE is over: a change from elsewhere waits for the next command instead of being pushed.
    server.store.deliver('student', 'Subject: new\r\n\r\nfresh\r\n');
    expect(c.take()).toBe('');
    expect(lines(c.send('a4 NOOP'))).toEqual(['* 7 EXISTS', '* 7 RECENT', 'a4 OK NOOP completed']);
    expect(c.send('DONE')).toBe('DONE BAD Missing command\r\n');
  });

  it('a DONE cut off by the limit is not DONE', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 IDLE');
    expect(c.send('DONE' + ' '.repeat(LIMIT))).toBe('a3 BAD Expected DONE\r\n');
  });

  it('as the response to AUTHENTICATE ends it with its tagged BAD, and login still works', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 AUTHENTICATE PLAIN')).toMatch(/^\+/);
    expect(c.send('A'.repeat(LIMIT + 4))).toBe(`a1 BAD Line too long (limit ${LIMIT} octets)\r\n`);
    expect(c.send('a2 LOGIN student secret')).toMatch(/^a2 OK /);
  });
});

describe('tagOfOverlong', () => {
  it.each([
    ['a1 NOOP xxx', 'a1'],
    ['A0001 SEARCH', 'A0001'],
    ['a1', null], // no space in what was kept: the tag may be cut short
    ['{5} NOOP', null],
    ['a+b NOOP', null],
    ['', null],
  ])('%j → %j', (head, tag) => {
    expect(tagOfOverlong(head)).toBe(tag);
  });
});
