import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { displayLine, maskCredentials, MAX_SHOWN_BYTES } from './display-line';

describe('credentials are masked whether or not the line parses', () => {
  it.each([
    ['a LOGIN student secret', 'a LOGIN student ********'],
    ['m1 LOGIN "student"secret', 'm1 LOGIN ********'],
    ['m2 LOGIN student"secret"', 'm2 LOGIN ********'],
    ['m3 login student\tsecret', 'm3 login ********'],
    ['m4 LOGIN {7+}', 'm4 LOGIN ********'],
    ['m5 LOGIN "stu dent" "se cret"', 'm5 LOGIN ********'],
    ['m6 LOGIN\tstudent secret', 'm6 LOGIN ********'],
    ['a AUTHENTICATE PLAIN AHN0dWRlbnQAc2VjcmV0', 'a AUTHENTICATE PLAIN ********'],
  ])('IMAP %j → %j', (line, shown) => expect(maskCredentials('imap', `${line}\r\n`)).toBe(`${shown}\r\n`));

  it.each([
    ['PASS secret', 'PASS ********'],
    ['PASS two words', 'PASS ********'],
    ['pass\tsecret', 'pass ********'],
    ['AUTH PLAIN AHN0dWRlbnQAc2VjcmV0', 'AUTH PLAIN ********'],
  ])('POP3 %j → %j', (line, shown) => expect(maskCredentials('pop3', `${line}\r\n`)).toBe(`${shown}\r\n`));

  it('leaves lines without a secret alone', () => {
    expect(maskCredentials('imap', 'a AUTHENTICATE PLAIN\r\n')).toBe('a AUTHENTICATE PLAIN\r\n');
    expect(maskCredentials('imap', 'a SELECT INBOX\r\n')).toBeNull();
    expect(maskCredentials('imap', 'a LOGINX student secret\r\n')).toBeNull();
    expect(maskCredentials('pop3', 'USER student\r\n')).toBeNull();
    expect(maskCredentials('pop3', 'AUTH\r\n')).toBe('AUTH\r\n');
  });
});

const event = (raw: string, extra: Partial<SessionEvent> = {}): SessionEvent =>
  ({ direction: 'c2s', raw, bytes: raw.length, stateBefore: 's', stateAfter: 's', ...extra }) as SessionEvent;

describe('display lines', () => {
  it('masks even where the engine did not, and says so', () => {
    expect(displayLine('imap', event('m1 LOGIN "student"secret\r\n'))).toEqual({
      text: 'm1 LOGIN ********\r\n',
      masked: true,
    });
  });

  it('keeps at most 4 KiB of a line and counts the rest', () => {
    const raw = `u1 XYZZY ${'x'.repeat(10 * 1024 * 1024)}\r\n`;
    const shown = displayLine('imap', event(raw));
    expect(shown.text.length).toBeLessThan(MAX_SHOWN_BYTES + 40);
    expect(shown.text).toMatch(new RegExp(`… ${raw.length - MAX_SHOWN_BYTES} more bytes\\r\\n$`));
    expect(displayLine('imap', event('a NOOP\r\n')).text).toBe('a NOOP\r\n');
  });
});
