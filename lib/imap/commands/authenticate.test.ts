import { describe, expect, it } from 'vitest';
import { connectImap, imapTestServer } from '../testing';

const plain = (user: string, password: string) => btoa(`\0${user}\0${password}`);

describe('AUTHENTICATE PLAIN', () => {
  it('takes the response after a + continuation (RFC 4616)', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 AUTHENTICATE PLAIN')).toBe('+ \r\n');
    expect(c.send(plain('student', 'secret'))).toMatch(/^a1 OK \[CAPABILITY [^\]]+\] Logged in\r\n$/);
    expect(c.session.state).toBe('Authenticated');
  });

  it('takes an initial response on the command line (SASL-IR) and masks it in events', () => {
    const c = connectImap(imapTestServer());
    expect(c.send(`a1 AUTHENTICATE PLAIN ${plain('student', 'secret')}`)).toMatch(/^a1 OK /);
    expect(c.events.find((e) => e.command === 'AUTHENTICATE')!.masked).toBe(
      'a1 AUTHENTICATE PLAIN ********\r\n',
    );
  });

  it('refuses wrong credentials, a cancel, bad base64 and other mechanisms', () => {
    const c = connectImap(imapTestServer());
    expect(c.send(`a1 AUTHENTICATE PLAIN ${plain('student', 'wrong')}`)).toBe(
      'a1 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n',
    );
    c.send('a2 AUTHENTICATE PLAIN');
    expect(c.send('*')).toBe('a2 BAD Authentication cancelled\r\n');
    expect(c.send('a3 AUTHENTICATE PLAIN !!!')).toBe('a3 BAD Invalid base64 in the SASL response\r\n');
    expect(c.send('a4 AUTHENTICATE CRAM-MD5')).toBe('a4 NO [CANNOT] Unsupported mechanism: CRAM-MD5\r\n');
    expect(c.session.state).toBe('Not Authenticated');
  });

  it('refuses a malformed PLAIN response (RFC 4616 §2): a third NUL field, an empty password or user', () => {
    const c = connectImap(imapTestServer());
    for (const [tag, message] of [
      ['b1', '\0student\0secret\0extra'],
      ['b2', '\0student\0secret\0'],
      ['b3', 'student\0student\0secret\0'],
      ['b4', '\0student\0'],
      ['b5', '\0\0secret'],
      ['b6', 'student\0secret'],
    ])
      expect(c.send(`${tag} AUTHENTICATE PLAIN ${btoa(message!)}`)).toBe(
        `${tag} BAD Malformed PLAIN response\r\n`,
      );
    expect(c.session.state).toBe('Not Authenticated');
  });
});
