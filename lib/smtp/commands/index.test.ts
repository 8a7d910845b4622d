import { describe, expect, it } from 'vitest';
import { outboxOf } from '../outbox';
import { connectSmtp, loggedInSmtp, plain, smtpTestServer } from '../testing';

const EHLO_KEYWORDS = [
  'PIPELINING',
  'SIZE 10485760',
  'AUTH PLAIN LOGIN',
  'BURL imap',
  'ENHANCEDSTATUSCODES',
  '8BITMIME',
  'SMTPUTF8',
  'HELP',
];

describe('SMTP commands', () => {
  it('greets with 220 and the host name first (RFC 5321 §4.2, §3.1), no enhanced code', () => {
    const server = smtpTestServer();
    const c = connectSmtp(server);
    c.session.start();
    expect(c.take()).toBe('220 popvsimap.lab ESMTP POP vs IMAP Lab mail server ready\r\n');
  });

  it('EHLO: a multi-line 250 naming the server, then one extension per line (RFC 5321 §4.1.1.1)', () => {
    const c = connectSmtp();
    const r = c.send('EHLO client.example');
    expect(r).toBe(
      [
        '250-popvsimap.lab Hello client.example',
        ...EHLO_KEYWORDS.slice(0, -1).map((k) => `250-${k}`),
        '250 HELP',
        '',
      ].join('\r\n'),
    );
    expect(c.session.state).toBe('Ready');
  });

  it('EHLO lists STARTTLS only when the connection can do TLS, and not once it is active (RFC 3207 §3, §4.2)', () => {
    const available = connectSmtp(smtpTestServer(), {
      security: { loopback: true, tlsAvailable: true, tlsActive: false },
    });
    expect(available.send('EHLO a')).toContain('250-STARTTLS\r\n');
    const active = connectSmtp(smtpTestServer(), {
      security: { loopback: false, tlsAvailable: true, tlsActive: true },
    });
    const r = active.send('EHLO a');
    expect(r).not.toContain('STARTTLS');
    expect(r).toContain('250-AUTH PLAIN LOGIN\r\n');
  });

  it('HELO: a one-line 250, and extensions are off: MAIL parameters get 555', () => {
    const server = smtpTestServer();
    const c = connectSmtp(server, { requireAuth: false });
    expect(c.send('HELO client.example')).toBe('250 popvsimap.lab\r\n');
    expect(c.send('HELO')).toBe('501 5.5.4 Syntax: HELO domain\r\n');
    expect(c.send('MAIL FROM:<a@b.example> SIZE=10')).toBe('555 5.5.4 SIZE parameter needs EHLO\r\n');
    expect(c.send('AUTH PLAIN =')).toBe('503 5.5.1 Send EHLO first: AUTH is an extension\r\n');
  });

  it('EHLO without a domain is a syntax error (501)', () => {
    expect(connectSmtp().send('EHLO')).toBe('501 5.5.4 Syntax: EHLO domain\r\n');
  });

  it('AUTH PLAIN with an initial response: 235 2.7.0 (RFC 4954 §4, §6)', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    expect(c.send(`AUTH PLAIN ${plain('student', 'secret')}`)).toBe(
      '235 2.7.0 Authentication successful\r\n',
    );
    expect(c.session.user).toBe('student');
    // Once only (RFC 4954 §4), and no longer advertised.
    expect(c.send(`AUTH PLAIN ${plain('student', 'secret')}`)).toBe('503 5.5.1 Already authenticated\r\n');
    expect(c.send('EHLO a')).not.toContain('AUTH');
  });

  it('AUTH PLAIN without one: an empty 334 challenge, then the response', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    expect(c.send('AUTH PLAIN')).toBe('334\r\n');
    expect(c.send(plain('bob', 'hunter2'))).toBe('235 2.7.0 Authentication successful\r\n');
  });

  it('AUTH LOGIN: "Username:" and "Password:" as base64 334 challenges', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    expect(c.send('AUTH LOGIN')).toBe('334 VXNlcm5hbWU6\r\n');
    expect(c.send(btoa('student'))).toBe('334 UGFzc3dvcmQ6\r\n');
    expect(c.send(btoa('secret'))).toBe('235 2.7.0 Authentication successful\r\n');
    const d = connectSmtp();
    d.send('EHLO a');
    expect(d.send(`AUTH LOGIN ${btoa('student')}`)).toBe('334 UGFzc3dvcmQ6\r\n');
    expect(d.send(btoa('secret'))).toBe('235 2.7.0 Authentication successful\r\n');
  });

  it('AUTH failures: 535 5.7.8, cancel 501, bad base64 501 5.5.2, unknown mechanism 504', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    expect(c.send(`AUTH PLAIN ${plain('student', 'wrong')}`)).toBe(
      '535 5.7.8 Authentication credentials invalid\r\n',
    );
    expect(c.send('AUTH LOGIN')).toMatch(/^334 /);
    expect(c.send('*')).toBe('501 5.0.0 Authentication cancelled\r\n');
    expect(c.send('AUTH PLAIN')).toBe('334\r\n');
    expect(c.send('not base64!')).toBe('501 5.5.2 Cannot decode response: not base64\r\n');
    expect(c.send('AUTH CRAM-MD5')).toBe('504 5.5.4 Unrecognized authentication type\r\n');
    expect(c.session.user).toBeNull();
  });

  it('the connection closes after maxAuthFailures failed logins', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    for (let i = 0; i < 3; i++) expect(c.send(`AUTH PLAIN ${plain('student', 'x')}`)).toMatch(/^535 /);
    expect(c.serverClosed).toBe(true);
  });

  it('AUTH before EHLO, and during a transaction, is 503 (RFC 4954 §4)', () => {
    const c = connectSmtp();
    expect(c.send(`AUTH PLAIN ${plain('student', 'secret')}`)).toBe(
      '503 5.5.1 Bad sequence of commands: send EHLO or HELO first\r\n',
    );
    const { c: d } = loggedInSmtp();
    d.send('MAIL FROM:<student@popvsimap.lab>');
    expect(d.send('AUTH PLAIN =')).toBe(
      '503 5.5.1 Bad sequence of commands: AUTH is not allowed during a mail transaction\r\n',
    );
  });

  // RFC 4954 §4: a mechanism that "requires an encryption layer" is refused with 504, "5.5.4"
  // with enhanced codes; §6 keeps 538 "for historical purposes only". RFC 3207 §4: 530 when
  // STARTTLS would help.
  it('AUTH before TLS from another machine: 504 5.5.4 (not the historical 538), or 530 5.7.0 when STARTTLS is offered', () => {
    const remote = connectSmtp(smtpTestServer(), {
      security: { loopback: false, tlsAvailable: false, tlsActive: false },
    });
    expect(remote.send('EHLO a')).not.toContain('AUTH');
    expect(remote.send(`AUTH PLAIN ${plain('student', 'secret')}`)).toBe(
      '504 5.5.4 Mechanism needs an encrypted connection, which this server cannot offer\r\n',
    );
    const tls = connectSmtp(smtpTestServer(), {
      security: { loopback: false, tlsAvailable: true, tlsActive: false },
    });
    tls.send('EHLO a');
    expect(tls.send(`AUTH PLAIN ${plain('student', 'secret')}`)).toBe(
      '530 5.7.0 Must issue a STARTTLS command first\r\n',
    );
  });

  it('plainAuthOnLoopback: false refuses AUTH before TLS on loopback too', () => {
    const c = connectSmtp(smtpTestServer({ plainAuthOnLoopback: false }));
    c.send('EHLO a');
    expect(c.send(`AUTH PLAIN ${plain('student', 'secret')}`)).toMatch(/^504 5\.5\.4 /);
  });

  it('MAIL FROM: 250 2.1.0; needs AUTH on submission (530 5.7.0); null path allowed; bad syntax 553/501', () => {
    const c = connectSmtp();
    c.send('EHLO a');
    expect(c.send('MAIL FROM:<student@popvsimap.lab>')).toBe(
      '530 5.7.0 Authentication required: log in with AUTH first\r\n',
    );
    const { c: d } = loggedInSmtp();
    expect(d.send('MAIL FROM:<student@popvsimap.lab>')).toBe(
      '250 2.1.0 Sender <student@popvsimap.lab> ok\r\n',
    );
    expect(d.send('MAIL FROM:<student@popvsimap.lab>')).toBe(
      '503 5.5.1 Bad sequence of commands: nested MAIL command: finish the message or send RSET\r\n',
    );
    d.send('RSET');
    expect(d.send('MAIL FROM:<>')).toBe('250 2.1.0 Sender <> ok\r\n');
    d.send('RSET');
    // RFC 3463 §3.2: X.1.7 is "Bad sender's mailbox address syntax" (X.1.3 is the destination's).
    expect(d.send('MAIL FROM:student@popvsimap.lab')).toMatch(/^553 5\.1\.7 /);
    expect(d.send('MAIL FROM:<no-at-sign>')).toMatch(/^553 5\.1\.7 /);
    expect(d.send('MAIL TO:<a@b.c>')).toBe('501 5.5.4 Syntax: MAIL FROM:<address>\r\n');
    expect(d.send('MAIL FROM:<a@b.c>junk')).toBe('501 5.5.4 Syntax error after the address\r\n');
    // A source route is accepted and ignored (RFC 5321 §4.1.2, Appendix C); quoted local parts are valid.
    expect(d.send('MAIL FROM:<@relay.example:"odd name"@b.example>')).toBe(
      '250 2.1.0 Sender <"odd name"@b.example> ok\r\n',
    );
  });

  it('MAIL parameters: SIZE (RFC 1870), BODY (RFC 6152), SMTPUTF8 (RFC 6531); others 555', () => {
    const { c } = loggedInSmtp();
    expect(c.send('MAIL FROM:<a@b.example> SIZE=10485761')).toBe(
      '552 5.3.4 Message size exceeds fixed maximum message size\r\n',
    );
    expect(c.send('MAIL FROM:<a@b.example> SIZE=big')).toBe('501 5.5.4 Bad SIZE parameter\r\n');
    expect(c.send('MAIL FROM:<a@b.example> BODY=BINARYMIME')).toBe('501 5.5.4 Bad BODY parameter\r\n');
    expect(c.send('MAIL FROM:<a@b.example> RET=HDRS')).toBe('555 5.5.4 Unsupported parameter: RET\r\n');
    // RFC 4954 §5: a server advertising AUTH "MUST support the AUTH parameter to the MAIL FROM
    // command"; one that trusts no client may "parse and discard syntactically valid AUTH
    // parameters". Its value is xtext (RFC 3461 §4): "+" and "=" only as "+XX".
    expect(c.send('MAIL FROM:<a@b.example> AUTH=<>')).toMatch(/^250 2\.1\.0 /);
    c.send('RSET');
    expect(c.send('MAIL FROM:<a@b.example> AUTH=e+3Dmc2@example.com')).toMatch(/^250 2\.1\.0 /);
    c.send('RSET');
    // "=" is not even an esmtp-value character (RFC 5321 §4.1.2): the parameter syntax is refused.
    expect(c.send('MAIL FROM:<a@b.example> AUTH=e=mc2@example.com')).toMatch(/^501 5\.5\.4 /);
    expect(c.send('MAIL FROM:<a@b.example> AUTH=a+zz')).toBe('501 5.5.4 Bad AUTH parameter\r\n');
    expect(c.send('MAIL FROM:<a@b.example> AUTH')).toBe('501 5.5.4 Bad AUTH parameter\r\n');
    expect(c.send('MAIL FROM:<a@b.example> SIZE=1000 BODY=8BITMIME')).toMatch(/^250 2\.1\.0 /);
    c.send('RSET');
    expect(c.send('MAIL FROM:<j\xc3\xb6rg@b.example>')).toBe(
      // RFC 6531 §3.5: 550 for MAIL ("mailbox unavailable"), 553 for RCPT.
      '550 5.6.7 Non-ASCII address needs the SMTPUTF8 parameter\r\n',
    );
    expect(c.send('MAIL FROM:<j\xc3\xb6rg@b.example> SMTPUTF8')).toMatch(/^250 2\.1\.0 /);
    c.send('RSET');
    c.send('MAIL FROM:<a@b.example>');
    expect(c.send('RCPT TO:<j\xc3\xb6rg@popvsimap.lab>')).toBe(
      '553 5.6.7 Non-ASCII address needs the SMTPUTF8 parameter on MAIL\r\n',
    );
  });

  it('RCPT TO: 250 2.1.5 for an account; 550 5.1.1 for an unknown lab user; outside goes to the outbox', () => {
    const { c } = loggedInSmtp();
    expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toBe(
      '503 5.5.1 Bad sequence of commands: need MAIL before RCPT and DATA\r\n',
    );
    c.send('MAIL FROM:<student@popvsimap.lab>');
    expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toBe('250 2.1.5 Recipient <bob@popvsimap.lab> ok\r\n');
    expect(c.send('RCPT TO:<BOB@POPVSIMAP.LAB>')).toBe('250 2.1.5 Recipient <BOB@POPVSIMAP.LAB> ok\r\n');
    expect(c.send('RCPT TO:<nobody@popvsimap.lab>')).toBe(
      '550 5.1.1 <nobody@popvsimap.lab>: Recipient address rejected: no such user here\r\n',
    );
    expect(c.send('RCPT TO:<friend@example.com>')).toMatch(
      /^250 2\.1\.5 Recipient <friend@example\.com> ok: outside/,
    );
    expect(c.send('RCPT TO:<bob@popvsimap.lab> NOTIFY=NEVER')).toBe(
      '555 5.5.4 Unsupported parameter: NOTIFY\r\n',
    );
    // RFC 3463 §3.2: X.1.3 is "Bad destination mailbox address syntax".
    expect(c.send('RCPT TO:<no-at-sign>')).toMatch(/^553 5\.1\.3 /);
    expect(c.session.state).toBe('Rcpt');
  });

  it('RCPT: a declared SIZE larger than the recipient’s free quota is 552 5.2.2 (RFC 1870, RFC 5321 §4.2.3)', () => {
    const server = smtpTestServer();
    server.store.getAccount('bob')!.quotaBytes = 5000;
    const { c } = loggedInSmtp(server);
    c.send('MAIL FROM:<student@popvsimap.lab> SIZE=6000');
    expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toBe('552 5.2.2 <bob@popvsimap.lab>: Mailbox full\r\n');
    c.send('RSET');
    c.send('MAIL FROM:<student@popvsimap.lab> SIZE=4000');
    expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toMatch(/^250 2\.1\.5 /);
  });

  it('RCPT on a receiving server (no AUTH required): lab accounts only, no open relay (550 5.7.1)', () => {
    const c = connectSmtp(smtpTestServer(), { requireAuth: false });
    c.send('EHLO mx.example');
    expect(c.send('MAIL FROM:<someone@example.com>')).toMatch(/^250 2\.1\.0 /);
    expect(c.send('RCPT TO:<friend@example.net>')).toBe(
      '550 5.7.1 <friend@example.net>: Relay access denied (log in to send outside the lab)\r\n',
    );
    expect(c.send('RCPT TO:<student@popvsimap.lab>')).toMatch(/^250 2\.1\.5 /);
  });

  it('DATA: 554 without recipients, 503 without MAIL, 354 then 250 2.0.0', () => {
    const { c } = loggedInSmtp();
    expect(c.send('DATA')).toBe('503 5.5.1 Bad sequence of commands: need MAIL before RCPT and DATA\r\n');
    c.send('MAIL FROM:<student@popvsimap.lab>');
    expect(c.send('DATA')).toBe('554 5.5.1 No valid recipients\r\n');
    c.send('RCPT TO:<bob@popvsimap.lab>');
    expect(c.send('DATA x')).toBe('501 5.5.4 Syntax: DATA\r\n');
    expect(c.send('DATA')).toBe('354 End data with <CR><LF>.<CR><LF>\r\n');
    expect(c.session.state).toBe('Data');
    expect(c.sendRaw('Subject: hi\r\n\r\nHello\r\n.\r\n')).toBe('250 2.0.0 Ok: queued as 00010001\r\n');
    expect(c.session.state).toBe('Ready');
  });

  it('RSET forgets the transaction and keeps the login; NOOP and VRFY; QUIT says 221 and closes', () => {
    const { c } = loggedInSmtp();
    c.send('MAIL FROM:<student@popvsimap.lab>');
    expect(c.send('RSET')).toBe('250 2.0.0 Ok\r\n');
    expect(c.session.state).toBe('Ready');
    expect(c.send('RSET now')).toBe('501 5.5.4 Syntax: RSET\r\n');
    expect(c.send('NOOP')).toBe('250 2.0.0 Ok\r\n');
    expect(c.send('NOOP anything at all')).toBe('250 2.0.0 Ok\r\n');
    expect(c.send('VRFY bob')).toBe(
      '252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery\r\n',
    );
    expect(c.send('VRFY')).toBe('501 5.5.4 Syntax: VRFY address\r\n');
    expect(c.send('MAIL FROM:<student@popvsimap.lab>')).toMatch(/^250 /);
    expect(c.send('QUIT')).toBe('221 2.0.0 popvsimap.lab closing connection\r\n');
    expect(c.serverClosed).toBe(true);
  });

  it('HELP lists the commands (214, multi-line) or one command’s syntax; unknown topics 504', () => {
    const c = connectSmtp();
    expect(c.send('HELP')).toBe(
      '214-2.0.0 Commands: EHLO HELO STARTTLS AUTH MAIL RCPT DATA BURL RSET NOOP QUIT VRFY HELP\r\n' +
        '214 2.0.0 HELP command for its syntax; see RFC 5321 §4.1\r\n',
    );
    expect(c.send('HELP rcpt')).toMatch(/^214-2\.0\.0 RCPT TO:<forward-path> \[SP rcpt-parameters\]\r\n/);
    expect(c.send('HELP FOO')).toBe('504 5.5.4 HELP topic unknown: FOO\r\n');
  });

  it('unknown commands 500, known but not offered 502 (RFC 5321 §4.2.4)', () => {
    const c = connectSmtp();
    expect(c.send('FOO bar')).toBe('500 5.5.2 Command not recognized: FOO\r\n');
    expect(c.send('')).toBe('500 5.5.2 Empty command\r\n');
    expect(c.send('EXPN staff')).toBe('502 5.5.1 EXPN not implemented\r\n');
    expect(c.send('BDAT 10 LAST')).toBe('502 5.5.1 BDAT not implemented\r\n');
  });

  it('STARTTLS: 502 without TLS; 220 2.0.0, then the session starts over (RFC 3207 §4.2)', () => {
    expect(connectSmtp().send('STARTTLS')).toBe('502 5.5.1 STARTTLS not available on this connection\r\n');
    let started = 0;
    const security = { loopback: false, tlsAvailable: true, tlsActive: false, startTls: () => started++ };
    const c = connectSmtp(smtpTestServer(), { security });
    c.send('EHLO a');
    // Anything pipelined after STARTTLS is plain text an attacker may have injected: dropped.
    expect(c.sendRaw('STARTTLS\r\nMAIL FROM:<x@y.z>\r\n')).toBe('220 2.0.0 Ready to start TLS\r\n');
    expect(started).toBe(1);
    expect(c.session.state).toBe('Connected');
    expect(c.send('STARTTLS now')).toBe('501 5.5.4 Syntax: STARTTLS\r\n');
  });
});

describe('RFC 5321 Appendix D.1: a typical SMTP transaction', () => {
  it('runs as in the RFC, on a receiving server: one unknown recipient is refused, the others get it', () => {
    const server = smtpTestServer();
    server.store.addAccount('jones', 'x');
    server.store.addAccount('brown', 'x');
    const c = connectSmtp(server, { requireAuth: false });
    expect(c.send('EHLO bar.com')).toMatch(
      /^250-popvsimap\.lab Hello bar\.com\r\n(250-[^\r]+\r\n)*250 HELP\r\n$/,
    );
    expect(c.send('MAIL FROM:<Smith@bar.com>')).toBe('250 2.1.0 Sender <Smith@bar.com> ok\r\n');
    expect(c.send('RCPT TO:<Jones@popvsimap.lab>')).toMatch(/^250 2\.1\.5 /);
    expect(c.send('RCPT TO:<Green@popvsimap.lab>')).toMatch(/^550 5\.1\.1 /);
    expect(c.send('RCPT TO:<Brown@popvsimap.lab>')).toMatch(/^250 2\.1\.5 /);
    expect(c.send('DATA')).toMatch(/^354 /);
    expect(c.sendRaw('Blah blah blah...\r\n...etc. etc. etc.\r\n.\r\n')).toMatch(/^250 2\.0\.0 /);
    expect(c.send('QUIT')).toMatch(/^221 2\.0\.0 /);
    for (const user of ['jones', 'brown']) {
      const raw = server.store.getAccount(user)!.inbox.messages[0]!.raw;
      // "...etc." was sent dot-stuffed as "....etc." by a real client; here it is sent as in the RFC.
      // The text has no header, so Date and Message-ID (RFC 6409 §8) go first, then the empty line.
      expect(raw).toMatch(
        /\r\nDate: Tue, 10 Mar 2026 12:00:00 \+0000\r\nMessage-ID: <[^>]+@popvsimap\.lab>\r\n\r\n/,
      );
      expect(raw.endsWith('\r\n\r\nBlah blah blah...\r\n..etc. etc. etc.\r\n')).toBe(true);
    }
  });
});

describe('RFC 5321 Appendix D.2–D.4', () => {
  it('D.2, aborted transaction: RSET after a refused recipient leaves nothing behind', () => {
    const server = smtpTestServer();
    server.store.addAccount('jones', 'x');
    const c = connectSmtp(server, { requireAuth: false });
    c.send('EHLO bar.com');
    expect(c.send('MAIL FROM:<Smith@bar.com>')).toMatch(/^250 /);
    expect(c.send('RCPT TO:<Jones@popvsimap.lab>')).toMatch(/^250 /);
    expect(c.send('RCPT TO:<Green@popvsimap.lab>')).toMatch(/^550 /);
    expect(c.send('RSET')).toBe('250 2.0.0 Ok\r\n');
    expect(c.send('DATA')).toMatch(/^503 5\.5\.1 /);
    expect(c.send('QUIT')).toMatch(/^221 /);
    expect(server.store.getAccount('jones')!.inbox.messages).toHaveLength(0);
  });

  it('D.3, relayed mail: a logged-in client hands mail for another domain to the server (here: the outbox)', () => {
    const server = smtpTestServer();
    const { c } = loggedInSmtp(server);
    expect(c.send('MAIL FROM:<student@popvsimap.lab>')).toMatch(/^250 /);
    expect(c.send('RCPT TO:<Jones@XYZ.COM>')).toMatch(/^250 2\.1\.5 .*outbox/);
    c.send('DATA');
    const text =
      'Date: Thu, 21 May 1998 05:33:29 -0700\r\nFrom: John Q. Public <JQP@bar.com>\r\n' +
      'Subject: The Next Meeting of the Board\r\nTo: Jones@xyz.com\r\n\r\nBill:\r\nThe next meeting of the board of directors will be\r\non Tuesday.\r\nJohn.\r\n';
    expect(c.sendRaw(text + '.\r\n')).toMatch(/^250 2\.0\.0 Ok: queued as /);
    expect(c.send('QUIT')).toMatch(/^221 /);
    const [entry] = outboxOf(server.store);
    expect(entry!.relays).toEqual([
      expect.objectContaining({ domain: 'xyz.com', recipients: ['Jones@XYZ.COM'] }),
    ]);
    // The RFC's message has a Date but no Message-ID: the submission server adds one (RFC 6409 §8.3).
    expect(entry!.raw).toMatch(
      /\r\nTo: Jones@xyz\.com\r\nMessage-ID: <[^>]+@popvsimap\.lab>\r\n\r\nBill:\r\n/,
    );
    expect(entry!.raw.endsWith(text.slice(text.indexOf('\r\n\r\n')))).toBe(true);
  });

  it('D.4, verifying and sending: VRFY is answered 252 (§3.5.3), and the mail is still accepted', () => {
    const { server, c } = loggedInSmtp();
    expect(c.send('VRFY Crispin')).toMatch(/^252 2\.0\.0 /);
    c.send('MAIL FROM:<student@popvsimap.lab>');
    expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toMatch(/^250 /);
    c.send('DATA');
    expect(c.sendRaw('Subject: hi\r\n\r\nBlah blah blah...\r\n.\r\n')).toMatch(/^250 /);
    expect(server.store.getAccount('bob')!.inbox.messages).toHaveLength(1);
  });
});
