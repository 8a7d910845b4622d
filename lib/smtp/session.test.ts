import { describe, expect, it } from 'vitest';
import { connectSmtp, loggedInSmtp, plain, smtpTestServer } from './testing';

const inboxOf = (server: ReturnType<typeof smtpTestServer>, user: string) =>
  server.store.getAccount(user)!.inbox;

/** Starts a transaction to bob and sends DATA. */
function toBob() {
  const session = loggedInSmtp();
  session.c.send('MAIL FROM:<student@popvsimap.lab>');
  session.c.send('RCPT TO:<bob@popvsimap.lab>');
  expect(session.c.send('DATA')).toMatch(/^354 /);
  return session;
}

describe('SMTP session: pipelining (RFC 2920)', () => {
  it('a whole transaction in one packet gets every reply, in order', () => {
    const server = smtpTestServer();
    const c = connectSmtp(server);
    const reply = c.sendRaw(
      'EHLO a\r\n' +
        `AUTH PLAIN ${plain('student', 'secret')}\r\n` +
        'MAIL FROM:<student@popvsimap.lab>\r\nRCPT TO:<bob@popvsimap.lab>\r\nRCPT TO:<nobody@popvsimap.lab>\r\nDATA\r\n' +
        'Subject: pipelined\r\n\r\nbody\r\n.\r\nQUIT\r\n',
    );
    const codes = reply
      .split('\r\n')
      .filter((l) => /^\d{3} /.test(l))
      .map((l) => l.slice(0, 3));
    expect(codes).toEqual(['250', '235', '250', '250', '550', '354', '250', '221']);
    expect(inboxOf(server, 'bob').messages).toHaveLength(1);
  });

  it('bytes split anywhere, even inside CRLF, give the same replies', () => {
    const input = 'EHLO a\r\nNOOP\r\nRSET\r\nQUIT\r\n';
    const whole = connectSmtp().sendRaw(input);
    const c = connectSmtp();
    let out = '';
    for (const ch of input) out += c.sendRaw(ch);
    expect(out).toBe(whole);
  });
});

describe('SMTP session: DATA and transparency (RFC 5321 §4.5.2)', () => {
  it('removes one leading dot from each line; a line of only "." ends the text', () => {
    const { server, c } = toBob();
    expect(c.sendRaw('Subject: dots\r\n\r\n..leading dot\r\n...two dots\r\n. space\r\n.\r\n')).toMatch(
      /^250 /,
    );
    expect(inboxOf(server, 'bob').messages[0]!.raw).toMatch(
      /\r\n\r\n\.leading dot\r\n\.\.two dots\r\n space\r\n$/,
    );
  });

  it('only CRLF . CRLF ends the text: LF . LF is content (no SMTP smuggling)', () => {
    const { server, c } = toBob();
    expect(c.sendRaw('Subject: a\r\n\r\nfirst\n.\nMAIL FROM:<evil@x.example>\r\n')).toBe('');
    expect(c.session.state).toBe('Data');
    expect(c.sendRaw('.\r\n')).toMatch(/^250 /);
    const raw = inboxOf(server, 'bob').messages[0]!.raw;
    expect(raw).toContain('MAIL FROM:<evil@x.example>');
    expect(inboxOf(server, 'bob').messages).toHaveLength(1);
  });

  it('an empty message is stored with the fields the server adds', () => {
    const { server, c } = toBob();
    expect(c.sendRaw('.\r\n')).toMatch(/^250 /);
    expect(inboxOf(server, 'bob').messages[0]!.raw).toMatch(/Message-ID: <[^>]+>\r\n$/);
  });
});

describe('SMTP session: limits', () => {
  it('a command line of 512 octets with its CRLF is accepted, 513 is 500 5.5.2 (RFC 5321 §4.5.3.1.4)', () => {
    const c = connectSmtp();
    const pad = (n: number) => 'NOOP ' + 'x'.repeat(n - 'NOOP '.length - 2);
    expect(c.send(pad(512))).toBe('250 2.0.0 Ok\r\n');
    expect(c.send(pad(513))).toBe('500 5.5.2 Line too long (limit 512 octets)\r\n');
    expect(c.send('NOOP')).toBe('250 2.0.0 Ok\r\n');
  });

  it('AUTH lines may be up to 12,288 octets (RFC 4954 §4); longer is 500 5.5.6', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    expect(c.send('AUTH PLAIN')).toBe('334\r\n');
    expect(c.send('A'.repeat(20_000))).toBe('500 5.5.6 Authentication Exchange line is too long\r\n');
    expect(c.send('NOOP')).toBe('250 2.0.0 Ok\r\n');
  });

  it('a text line of 1,000 octets with its CRLF is accepted; 1,001 refuses the message with 554 5.6.0', () => {
    const { server, c } = toBob();
    expect(c.sendRaw('x'.repeat(998) + '\r\n.\r\n')).toMatch(/^250 /);
    c.send('MAIL FROM:<student@popvsimap.lab>');
    c.send('RCPT TO:<bob@popvsimap.lab>');
    c.send('DATA');
    expect(c.sendRaw('x'.repeat(999) + '\r\nmore\r\n.\r\n')).toBe(
      '554 5.6.0 Message refused: a line is longer than 1000 octets\r\n',
    );
    expect(inboxOf(server, 'bob').messages).toHaveLength(1);
    expect(c.session.state).toBe('Ready');
  });

  it('a line too long even to buffer is dropped as it streams, and the message refused', () => {
    const { server, c } = toBob();
    expect(c.sendRaw('y'.repeat(50_000))).toBe('');
    expect(c.sendRaw('\r\n.\r\n')).toMatch(/^554 5\.6\.0 /);
    expect(inboxOf(server, 'bob').messages).toHaveLength(0);
  });

  it('a message over the SIZE limit is read to its end and refused with 552 5.3.4 (RFC 1870 §4)', () => {
    const server = smtpTestServer();
    const c = connectSmtp(server, { limits: { maxMessageBytes: 1000 } });
    c.send('EHLO a');
    expect(c.send('EHLO a')).toContain('250-SIZE 1000\r\n');
    c.send(`AUTH PLAIN ${plain('student', 'secret')}`);
    c.send('MAIL FROM:<student@popvsimap.lab>');
    c.send('RCPT TO:<bob@popvsimap.lab>');
    c.send('DATA');
    const line = 'z'.repeat(98) + '\r\n';
    expect(c.sendRaw(line.repeat(11))).toBe('');
    expect(c.sendRaw('.\r\n')).toBe('552 5.3.4 Message size exceeds fixed maximum message size\r\n');
    expect(inboxOf(server, 'bob').messages).toHaveLength(0);
    expect(c.send('NOOP')).toBe('250 2.0.0 Ok\r\n');
  });

  it('100 recipients are accepted, the 101st gets 452 4.5.3 (RFC 5321 §4.5.3.1.8, §4.5.3.1.10)', () => {
    const { c } = loggedInSmtp();
    c.send('MAIL FROM:<student@popvsimap.lab>');
    for (let i = 1; i <= 100; i++) expect(c.send(`RCPT TO:<r${i}@example.com>`)).toMatch(/^250 2\.1\.5 /);
    expect(c.send('RCPT TO:<r101@example.com>')).toBe('452 4.5.3 Too many recipients (at most 100)\r\n');
  });
});

describe('SMTP session: events, masking, timeout', () => {
  it('every wire unit is an event with protocol smtp; AUTH secrets are masked for display', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    c.send(`AUTH PLAIN ${plain('student', 'secret')}`);
    const auth = c.events.find((e) => e.direction === 'c2s' && e.command === 'AUTH')!;
    expect(auth.protocol).toBe('smtp');
    expect(auth.masked).toBe('AUTH PLAIN ********\r\n');
    expect(auth.rfc).toBe('RFC 4954 §4');
    const d = connectSmtp();
    d.send('EHLO a');
    d.send('AUTH LOGIN');
    d.send(btoa('student'));
    d.send(btoa('secret'));
    const responses = d.events.filter((e) => e.direction === 'c2s' && e.command === 'AUTH').slice(1);
    expect(responses.map((e) => e.masked)).toEqual([undefined, '********\r\n']);
    expect(d.events.at(-1)).toMatchObject({ direction: 's2c', outcome: 'ok', command: 'AUTH' });
  });

  it('the message text is one event; its reply moves the state from Data to Ready', () => {
    const { c } = toBob();
    c.sendRaw('Subject: e\r\n\r\n..x\r\n.\r\n');
    const text = c.events.at(-2)!;
    expect(text).toMatchObject({ direction: 'c2s', command: 'DATA', raw: 'Subject: e\r\n\r\n..x\r\n.\r\n' });
    expect(c.events.at(-1)).toMatchObject({ stateBefore: 'Data', stateAfter: 'Ready', outcome: 'ok' });
  });

  it('an oversize text is counted in its event but not kept past the size limit', () => {
    const c = connectSmtp(smtpTestServer(), { limits: { maxMessageBytes: 1000 } });
    c.send('EHLO a');
    c.send(`AUTH PLAIN ${plain('student', 'secret')}`);
    c.sendRaw('MAIL FROM:<student@popvsimap.lab>\r\nRCPT TO:<bob@popvsimap.lab>\r\nDATA\r\n');
    c.sendRaw(('w'.repeat(98) + '\r\n').repeat(50) + '.\r\n');
    const text = c.events.at(-2)!;
    expect(text.bytes).toBe(5003);
    expect(text.raw.length).toBeLessThanOrEqual(1100);
  });

  it('a failed login is marked authFailed, so the TCP wrapper can hold its reply back', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    c.send(`AUTH PLAIN ${plain('student', 'nope')}`);
    expect(c.events.at(-1)).toMatchObject({ authFailed: true, outcome: 'err' });
  });

  it('the idle timer answers 421 4.4.2 and closes; a transaction cut off delivers nothing', () => {
    const { server, c } = toBob();
    c.sendRaw('Subject: half\r\n');
    c.session.timeout();
    expect(c.take()).toBe('421 4.4.2 popvsimap.lab Error: timeout exceeded, closing connection\r\n');
    expect(c.serverClosed).toBe(true);
    expect(inboxOf(server, 'bob').messages).toHaveLength(0);
  });
});
