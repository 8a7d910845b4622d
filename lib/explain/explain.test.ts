import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAP_COMMANDS } from '../imap/commands';
import { dotStuff, Pop3Session } from '../pop3/session';
import { pop3TestServer } from '../pop3/testing';
import { LoopbackConnection } from '../session/loopback';
import { contextBefore, explainWire, type WireRecord, type WireUnit } from '.';

const imapS = (raw: string, extra: Partial<WireUnit> = {}): WireUnit => ({
  protocol: 'imap',
  direction: 's2c',
  raw,
  ...extra,
});
const pop3S = (raw: string, extra: Partial<WireUnit> = {}): WireUnit => ({
  protocol: 'pop3',
  direction: 's2c',
  raw,
  ...extra,
});
const token = (unit: WireUnit, text: string) => explainWire(unit).tokens.find((t) => t.text === text);

describe('IMAP server lines', () => {
  it('EXPUNGE names a sequence number, not a UID, and says the rest are renumbered', () => {
    const x = explainWire(imapS('* 2 EXPUNGE\r\n', { command: 'IDLE' }));
    expect(x.explanation).toMatch(/sequence number, not a UID/);
    expect(x.explanation).toMatch(/another session expunged it or moved it to another mailbox/);
    // Unasked, the client cannot tell a deletion from another session's MOVE: no "for good".
    expect(x.explanation).not.toMatch(/for good/);
    expect(x.rfc).toBe('RFC 3501 §7.4.1');
    expect(token(imapS('* 2 EXPUNGE\r\n'), '2')!.explanation).toMatch(/not a UID/);
    expect(explainWire(imapS('* 2 EXPUNGE\r\n', { command: 'UID MOVE' })).explanation).toMatch(
      /the client’s UID MOVE/,
    );
  });

  it('an EXPUNGE after MOVE says the message left this mailbox for the target, not that it is gone for good', () => {
    for (const command of ['MOVE', 'UID MOVE']) {
      const x = explainWire(imapS('* 2 EXPUNGE\r\n', { command }));
      expect(x.explanation).not.toMatch(/for good/);
      expect(x.explanation).toMatch(/has left this mailbox/);
      expect(x.explanation).toMatch(/now in the target mailbox \(with UIDPLUS, the COPYUID code/);
      expect(x.rfc).toBe('RFC 3501 §7.4.1; RFC 6851 §3.3');
      expect(token(imapS('* 2 EXPUNGE\r\n', { command }), 'EXPUNGE')!.explanation).not.toMatch(/for good/);
    }
    for (const command of ['EXPUNGE', 'UID EXPUNGE', 'CLOSE'])
      expect(explainWire(imapS('* 2 EXPUNGE\r\n', { command })).explanation).toMatch(/removed for good/);
  });

  it('cites RFC 3501 for an IMAP4rev1 session and RFC 9051 once IMAP4rev2 is enabled', () => {
    expect(explainWire(imapS('* 6 EXISTS\r\n')).rfc).toBe('RFC 3501 §7.3.1');
    expect(explainWire(imapS('* 6 EXISTS\r\n', { rev2: true })).rfc).toBe('RFC 9051 §7.4.1');
    expect(explainWire(imapS('* 6 EXISTS\r\n')).explanation).toBe('The mailbox now holds 6 messages.');
    // Forms that only IMAP4rev1 has keep RFC 3501 whatever the session.
    for (const raw of ['* 1 RECENT\r\n', '* OK [UNSEEN 3] First unseen\r\n', '* SEARCH 1 2\r\n'])
      expect(explainWire(imapS(raw, { rev2: true })).rfc).toMatch(/^RFC 3501 /);
    expect(token(imapS('* 1 FETCH (FLAGS (\\Seen \\Recent))\r\n', { rev2: true }), '\\Recent')!.rfc).toBe(
      'RFC 3501 §2.3.2',
    );
  });

  it('a literal {n} says that n octets follow, and the message in it is split into header and body', () => {
    const message = 'Subject: hi\r\n\r\nHello.\r\n';
    const raw = `* 1 FETCH (UID 4 BODY[] {${message.length}}\r\n${message})\r\n`;
    const unit = imapS(raw, { command: 'UID FETCH' });
    const literal = token(unit, `{${message.length}}`)!;
    expect(literal.explanation).toMatch(new RegExp(`exactly ${message.length} octets follow`));
    expect(literal.rfc).toBe('RFC 3501 §4.3');
    expect(token(unit, 'Subject: hi\r\n\r\n')).toBeDefined();
    expect(token(unit, 'Hello.\r\n')).toBeDefined();
    expect(explainWire(unit).explanation).toContain(
      `UID 4, the whole message, header and body (${message.length} octets), in answer to the client’s UID FETCH`,
    );
  });

  it('ENVELOPE is a parsed summary of some header fields, not the header', () => {
    const raw =
      '* 1 FETCH (ENVELOPE ("Mon, 2 Mar 2026 09:00:00 +0000" "Hi" NIL NIL NIL NIL NIL NIL NIL "<a@b>"))\r\n';
    const envelope = token(imapS(raw), 'ENVELOPE')!;
    expect(envelope.explanation).toMatch(/parsed summary of some header fields/);
    expect(envelope.explanation).toMatch(/not the header itself/);
    expect(token(imapS(raw), '"Hi"')!.rfc).toBe('RFC 5322 §3.6.5');
  });

  it('a FETCH of flags alone, while idling, is another session’s change', () => {
    expect(explainWire(imapS('* 3 FETCH (FLAGS (\\Seen))\r\n', { command: 'IDLE' })).explanation).toMatch(
      /another session changed/,
    );
    expect(
      explainWire(imapS('* 3 FETCH (UID 9 FLAGS (\\Deleted))\r\n', { command: 'UID STORE' })).explanation,
    ).toMatch(/after the STORE/);
  });

  it('the IDLE continuation is the server confirming it is idling', () => {
    const x = explainWire(imapS('+ idling\r\n', { command: 'IDLE' }));
    expect(x.explanation).toMatch(/^The server confirms it is idling/);
    expect(x.rfc).toBe('RFC 2177 §3');
    expect(explainWire(imapS('+ idling\r\n', { command: 'IDLE', rev2: true })).rfc).toBe('RFC 9051 §6.3.13');
  });

  it.each([
    [
      '* OK [UIDVALIDITY 1700000000] UIDs valid\r\n',
      'UIDVALIDITY',
      /if it ever changes, the UIDs a client kept from before .* no longer reliably name the same messages/,
      'RFC 3501 §2.3.1.1',
    ],
    ['* OK [UIDNEXT 7] Predicted next UID\r\n', 'UIDNEXT', /at least 7/, 'RFC 3501 §7.1'],
    ['a3 OK [APPENDUID 1700000000 9] APPEND completed\r\n', 'APPENDUID', /UID 9/, 'RFC 4315 §3'],
    [
      'a4 OK [COPYUID 1700000000 3 1] Done\r\n',
      'COPYUID',
      /the message with UID 3 now has UID 1 in the target mailbox/i,
      'RFC 4315 §3',
    ],
    ['a5 NO [TRYCREATE] No such mailbox\r\n', 'TRYCREATE', /CREATE it/, 'RFC 3501 §7.1'],
    ['a1 NO [AUTHENTICATIONFAILED] Invalid\r\n', 'AUTHENTICATIONFAILED', /name or password/, 'RFC 5530 §3'],
    ['a6 OK [READ-ONLY] EXAMINE completed\r\n', 'READ-ONLY', /read-only/, 'RFC 3501 §7.1'],
  ])('%s explains its response code', (raw, code, meaning, rfc) => {
    const x = explainWire(imapS(raw));
    expect(x.explanation).toMatch(meaning);
    expect(x.rfc).toBe(rfc);
    expect(token(imapS(raw), `[${code}`)!.rfc).toBe(rfc);
  });

  it('LIST names the attributes, the delimiter and the special use', () => {
    const unit = imapS('* LIST (\\HasNoChildren \\Trash) "/" Trash\r\n', { command: 'LIST' });
    expect(explainWire(unit).explanation).toBe(
      'The mailbox "Trash" exists (\\HasNoChildren \\Trash); "/" separates levels in its name.',
    );
    expect(token(unit, '\\Trash')!.rfc).toBe('RFC 6154 §2');
    // IMAP4rev2 took the special-use and children attributes in: its own LIST section holds them.
    const rev2 = { ...unit, rev2: true };
    expect(token(rev2, '\\Trash')!.rfc).toBe('RFC 9051 §7.3.1');
    expect(token(rev2, '\\HasNoChildren')!.rfc).toBe('RFC 9051 §7.3.1');
    expect(token(unit, '\\HasNoChildren')!.rfc).toBe('RFC 5258 §4');
    expect(token(unit, '"/"')!.explanation).toMatch(/hierarchy delimiter/);
  });
});

describe('more IMAP responses', () => {
  it.each([
    ['* STATUS INBOX (MESSAGES 3 UNSEEN 1)\r\n', 'Mailbox INBOX: MESSAGES 3, UNSEEN 1.', 'RFC 3501 §7.2.4'],
    [
      '* ENABLED IMAP4rev2\r\n',
      'The server turned on IMAP4rev2: from here on it answers this client in IMAP4rev2 forms (RFC 9051).',
      'RFC 5161 §3.2',
    ],
    [
      '* CAPABILITY IMAP4rev1 IDLE\r\n',
      'The server lists what it supports: IMAP4rev1, IDLE.',
      'RFC 3501 §7.2.1',
    ],
    ['* SEARCH 2 5\r\n', '2 messages match: 2 5.', 'RFC 3501 §7.2.5'],
    [
      '* BYE Autologout; idle for too long\r\n',
      'The server is closing the connection: Autologout; idle for too long.',
      'RFC 3501 §7.1.5',
    ],
    [
      'a9 BAD Unknown command: FOO\r\n',
      'The server rejected the FOO command (tag a9) as a protocol error: Unknown command: FOO.',
      'RFC 3501 §7.1.3',
    ],
  ])('%s', (raw, explanation, rfc) => {
    const command = raw.startsWith('a9') ? 'FOO' : undefined;
    const x = explainWire(imapS(raw, command ? { command } : {}));
    expect(x.explanation).toBe(explanation);
    expect(x.rfc).toBe(rfc);
  });

  it('STATUS UNSEEN is a count, unlike the [UNSEEN n] code', () => {
    expect(token(imapS('* STATUS INBOX (UNSEEN 1)\r\n'), 'UNSEEN 1')!.explanation).toMatch(
      /a count, unlike the \[UNSEEN n\]/,
    );
  });
});

describe('context from the lines before', () => {
  const rec = (direction: 'c2s' | 's2c', display: string, extra: Partial<WireRecord> = {}): WireRecord => ({
    protocol: 'imap',
    device: 'phone',
    direction,
    display,
    command: null,
    stateBefore: 'Selected',
    explanation: null,
    rfc: null,
    ...extra,
  });
  const greeting = rec('s2c', '* OK [CAPABILITY IMAP4rev1] ready\r\n', { stateBefore: 'Not Authenticated' });

  it('an untagged response belongs to the command in progress, and none after its completion', () => {
    const idle = rec('c2s', 'a4 IDLE\r\n', { command: 'IDLE' });
    expect(contextBefore(rec('s2c', '* 7 EXISTS\r\n'), [greeting, idle])).toEqual({
      command: 'IDLE',
      commandLine: 'a4 IDLE',
      rev2: false,
    });
    const done = rec('s2c', 'a4 OK IDLE terminated\r\n', { command: 'IDLE' });
    expect(contextBefore(rec('s2c', '* 7 EXISTS\r\n'), [greeting, idle, done])).toEqual({ rev2: false });
    // Another device's lines say nothing about this one.
    expect(contextBefore(rec('s2c', '* 7 EXISTS\r\n'), [greeting, { ...idle, device: 'laptop' }])).toEqual({
      rev2: false,
    });
  });

  it('a SELECT’s response knows the UIDNEXT this device last learned for that mailbox', () => {
    const select = (line: string) => rec('c2s', line, { command: 'SELECT', stateBefore: 'Authenticated' });
    const earlier = [
      greeting,
      select('a3 SELECT INBOX\r\n'),
      rec('s2c', '* OK [UIDNEXT 39] Predicted next UID\r\n'),
      rec('s2c', '* 38 FETCH (UID 40 FLAGS ())\r\n', { command: 'IDLE' }),
      select('a5 SELECT Sent\r\n'),
      rec('s2c', '* OK [UIDNEXT 90] Predicted next UID\r\n'),
    ];
    const now = select('a9 SELECT INBOX (QRESYNC (1700000000 41))\r\n');
    expect(
      contextBefore(rec('s2c', '* 39 FETCH (UID 41 FLAGS ())\r\n'), [...earlier, greeting, now]),
    ).toEqual({
      command: 'SELECT',
      commandLine: 'a9 SELECT INBOX (QRESYNC (1700000000 41))',
      knownUidNext: 41,
      rev2: false,
    });
  });

  it('IMAP4rev2 is on after * ENABLED IMAP4rev2, until the next connection’s greeting', () => {
    const enabled = rec('s2c', '* ENABLED IMAP4rev2\r\n', { stateBefore: 'Authenticated' });
    expect(contextBefore(rec('s2c', '* 1 EXISTS\r\n'), [greeting, enabled]).rev2).toBe(true);
    expect(contextBefore(rec('s2c', '* 1 EXISTS\r\n'), [greeting, enabled, greeting]).rev2).toBe(false);
    expect(contextBefore(rec('s2c', '* 1 EXISTS\r\n'), [greeting, rec('s2c', '* ENABLED\r\n')]).rev2).toBe(
      false,
    );
  });
});

describe('IMAP client lines', () => {
  const c = (raw: string, command: string): WireUnit => ({
    protocol: 'imap',
    direction: 'c2s',
    raw,
    command,
  });

  it('tells a sequence set from a UID set, and PEEK from a fetch that sets \\Seen', () => {
    expect(token(c('a4 FETCH 1:* (FLAGS)\r\n', 'FETCH'), '1:*')!.explanation).toMatch(
      /message sequence numbers.*every message/,
    );
    expect(token(c('a4 UID FETCH 7:* (FLAGS)\r\n', 'UID FETCH'), '7:*')!.explanation).toMatch(/^7:\*: UIDs/);
    expect(token(c('a5 FETCH 2 BODY.PEEK[1]\r\n', 'FETCH'), 'BODY.PEEK[1]')!.explanation).toMatch(
      /part 1 .* without setting \\Seen/,
    );
    expect(token(c('a5 FETCH 2 BODY[]\r\n', 'FETCH'), 'BODY[]')!.explanation).toMatch(/sets \\Seen/);
  });

  it('+FLAGS adds, and \\Deleted only marks', () => {
    const unit = c('a6 UID STORE 3 +FLAGS (\\Deleted)\r\n', 'UID STORE');
    expect(token(unit, '+FLAGS')!.explanation).toMatch(/add these flags/);
    expect(token(unit, '\\Deleted')!.explanation).toMatch(/until an EXPUNGE/);
  });

  it('DONE ends IDLE and has no tag', () => {
    const x = explainWire(c('DONE\r\n', 'IDLE'));
    expect(x.tokens[0]!.explanation).toMatch(/no tag/);
    expect(x.rfc).toBe('RFC 2177 §3');
  });
});

describe('POP3 lines', () => {
  it('the greeting points at the APOP timestamp', () => {
    const unit = pop3S('+OK POP3 server ready <1.17@popvsimap.lab>\r\n', { state: 'AUTHORIZATION' });
    expect(explainWire(unit).rfc).toBe('RFC 1939 §4');
    expect(token(unit, '<1.17@popvsimap.lab>')!.explanation).toMatch(/APOP timestamp/);
  });

  it('RETR shows each dot-stuffed line and why the bytes on the wire exceed the octet count', () => {
    const message = 'Subject: dots\r\n\r\n.hidden\r\nend\r\n';
    const raw = `+OK ${message.length} octets\r\n${dotStuff(message)}.\r\n`;
    const x = explainWire(pop3S(raw, { command: 'RETR' }));
    expect(raw.length).toBe(`+OK ${message.length} octets\r\n`.length + message.length + 1 + 3);
    expect(x.explanation).toBe(
      `The message follows: ${message.length} octets. The bytes on the wire are ${raw.length}: the status line (${`+OK ${message.length} octets\r\n`.length} octets), the message (${message.length} octets), 1 extra dot of dot-stuffing (a line that began with "." got a second one), the 3-octet ".\\r\\n" line that ends the response.`,
    );
    expect(token(pop3S(raw, { command: 'RETR' }), '..hidden\r\n')!.explanation).toMatch(/dot-stuffing/);
    expect(token(pop3S(raw, { command: 'RETR' }), '.\r\n')!.explanation).toMatch(
      /ends the multi-line response/,
    );
  });

  it.each([
    ['-ERR [IN-USE] Maildrop locked\r\n', 'RFC 2449 §8.1.2', /lock/],
    ['-ERR [LOGIN-DELAY] Wait\r\n', 'RFC 2449 §8.1.1', /wait longer/],
    ['-ERR [AUTH] Invalid password\r\n', 'RFC 3206 §5', /wrong name or password/],
    ['-ERR [SYS/TEMP] Try later\r\n', 'RFC 3206 §4', /temporary/],
  ])('%s cites the section that defines its code', (raw, rfc, meaning) => {
    const x = explainWire(pop3S(raw, { command: 'PASS' }));
    expect(x.rfc).toBe(rfc);
    expect(x.explanation).toMatch(meaning);
  });

  // RFC 3206 §5: AUTH is any problem with the credentials, "an attempt to authenticate in
  // violation of policy" included; the engine uses it to refuse USER before STLS.
  it('a login refused before STLS is not explained as a wrong password, nor with a doubled stop', () => {
    const c = new LoopbackConnection(
      (io) =>
        new Pop3Session(pop3TestServer(), {
          ...io,
          security: { loopback: false, tlsAvailable: true, tlsActive: false },
        }),
    );
    c.take();
    const raw = c.send('USER student');
    expect(raw).toMatch(/^-ERR \[AUTH\] .*\.\r\n$/);
    const x = explainWire(pop3S(raw, { command: 'USER' }));
    expect(x.explanation).toMatch(/policy \(such as a password sent without TLS\)/);
    expect(x.explanation).not.toMatch(/\.\./);
    expect(x.rfc).toBe('RFC 3206 §5');
  });

  // RFC 1939 §6: only a QUIT the UPDATE state could not carry out is "-ERR some deleted messages
  // not removed"; a QUIT refused for its syntax is any other -ERR, and the session goes on.
  it('a QUIT refused for a stray argument is not read as a failed UPDATE', () => {
    const stray = explainWire(pop3S('-ERR Syntax: QUIT\r\n', { command: 'QUIT', state: 'TRANSACTION' }));
    expect(stray.tokens[0]!.explanation).toBe('-ERR: the command failed.');
    const failed = explainWire(
      pop3S('-ERR [SYS/TEMP] Some deleted messages not removed\r\n', {
        command: 'QUIT',
        state: 'TRANSACTION',
      }),
    );
    expect(failed.tokens[0]!.explanation).toMatch(/not every message marked with DELE could be removed/);
    expect(failed.tokens[0]!.rfc).toBe('RFC 1939 §6');
  });

  // RFC 1939 §9: "Any text occurring after this reply may be ignored by the client" (STAT, LIST
  // and UIDL apart); §4: the greeting "can be any positive response".
  it('the text after +OK or -ERR may be ignored (§9), and the greeting is a positive greeting (§4)', () => {
    const greeting = explainWire(pop3S('+OK POP3 server ready\r\n', { state: 'AUTHORIZATION' }));
    expect(greeting.tokens[0]!.explanation).toMatch(/positive greeting/);
    expect(greeting.tokens[0]!.rfc).toBe('RFC 1939 §4');
    const dele = explainWire(pop3S('+OK Message 1 deleted\r\n', { command: 'DELE' }));
    expect(dele.tokens.at(-1)!.explanation).toMatch(/need not read it/);
    expect(dele.tokens.at(-1)!.rfc).toBe('RFC 1939 §9');
  });

  it('only LIST, RETR, DELE and UIDL take a message number; other arguments are not called one', () => {
    const arg = (raw: string, command: string | undefined, text: string) =>
      token({ protocol: 'pop3', direction: 'c2s', raw, command, state: 'TRANSACTION' }, text)!.explanation;
    expect(arg('RETR 3\r\n', 'RETR', '3')).toMatch(/message number/);
    expect(arg('QUIT now\r\n', 'QUIT', 'now')).toMatch(/an argument QUIT does not take/);
    expect(arg('AUTH PLAIN\r\n', undefined, 'PLAIN')).not.toMatch(/message number/);
  });

  it('[IN-USE] says the login itself was accepted (RFC 2449 §8.1.2)', () => {
    const x = explainWire(pop3S('-ERR [IN-USE] Unable to lock maildrop\r\n', { command: 'PASS' }));
    expect(x.explanation).toMatch(/name and password were accepted/);
  });

  it('QUIT before login cites the AUTHORIZATION state (§4), after login the UPDATE state (§6)', () => {
    const quit = (state: string): WireUnit => ({
      protocol: 'pop3',
      direction: 'c2s',
      raw: 'QUIT\r\n',
      command: 'QUIT',
      state,
      commandRfc: 'RFC 1939 §4, §6',
    });
    expect(explainWire(quit('AUTHORIZATION')).rfc).toBe('RFC 1939 §4');
    expect(explainWire(quit('TRANSACTION')).rfc).toBe('RFC 1939 §6');
    expect(explainWire(pop3S('+OK bye\r\n', { command: 'QUIT', state: 'TRANSACTION' })).explanation).toMatch(
      /\(if any\)/,
    );
  });
});

describe('any input', () => {
  it('never throws, and every token is the bytes it points at, in order', () => {
    const units = fc.record({
      protocol: fc.constantFrom('pop3' as const, 'imap' as const),
      direction: fc.constantFrom('c2s' as const, 's2c' as const),
      raw: fc.oneof(
        fc.string(),
        fc.stringMatching(/^(\* |a1 |\+)[ -~]{0,40}(\{[0-9]{1,2}\}\r\n[ -~]{0,20})?\)?\r\n$/),
      ),
      command: fc.option(fc.constantFrom('FETCH', 'UID FETCH', 'IDLE', 'RETR', 'LIST', 'CAPA', 'STORE'), {
        nil: undefined,
      }),
      rev2: fc.boolean(),
    });
    fc.assert(
      fc.property(units, (u) => {
        const x = explainWire(u);
        expect(x.explanation.length).toBeGreaterThan(0);
        let end = 0;
        for (const t of x.tokens) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(u.raw.slice(t.start, t.end)).toBe(t.text);
          end = t.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('IMAP client lines in an IMAP4rev1 session', () => {
  it.each([
    ['a2 SELECT INBOX\r\n', 'SELECT', 'RFC 3501 §6.3.1'],
    ['a3 UID FETCH 1:* (FLAGS)\r\n', 'UID FETCH', 'RFC 3501 §6.4.8, §6.4.5'],
    ['a4 IDLE\r\n', 'IDLE', 'RFC 2177 §3'],
    ['a5 UID MOVE 3 Trash\r\n', 'UID MOVE', 'RFC 6851 §3.2'],
  ])('%s cites %s in RFC 3501 or its extension, not RFC 9051', (raw, command, rfc) => {
    const unit = { protocol: 'imap', direction: 'c2s', raw, command, commandRfc: 'RFC 9051 §6.3.2' } as const;
    expect(explainWire({ ...unit, rev2: false }).rfc).toBe(rfc);
    // After ENABLE IMAP4rev2 the record's RFC 9051 section holds.
    expect(explainWire({ ...unit, rev2: true }).rfc).toBe('RFC 9051 §6.3.2');
  });

  // RFC 3501 §6.4.8 / RFC 9051 §6.4.9 say only what UID changes (the numbers); what the command
  // does (FETCH's items and \\Seen, STORE's flags, COPY, SEARCH's keys) is in its own section.
  // UID EXPUNGE is not EXPUNGE with UIDs but a command of its own, whole in its section
  // (RFC 9051 §6.4.9, RFC 4315 §2.1).
  const uidForms = [...IMAP_COMMANDS.keys()].filter(
    (name) =>
      name.startsWith('UID ') &&
      name !== 'UID EXPUNGE' &&
      /^RFC 9051 /.test(IMAP_COMMANDS.get(name.slice(4))?.rfc ?? ''),
  );
  it('finds the UID forms of the base commands', () => {
    expect(uidForms).toEqual(expect.arrayContaining(['UID FETCH', 'UID STORE', 'UID COPY', 'UID SEARCH']));
  });
  it.each(uidForms)('%s cites UID’s section and its base command’s, in both revisions', (name) => {
    const base = name.slice(4);
    const unit = {
      protocol: 'imap',
      direction: 'c2s',
      raw: `a5 ${name} 2:* ${base === 'SEARCH' ? 'ALL' : base === 'STORE' ? '+FLAGS (\\Seen)' : base === 'FETCH' ? 'FLAGS' : 'Trash'}\r\n`,
      command: name,
      commandRfc: IMAP_COMMANDS.get(name)!.rfc,
    } as const;
    const baseRev2 = IMAP_COMMANDS.get(base)!.rfc!.replace('RFC 9051 ', '');
    expect(explainWire({ ...unit, rev2: true }).rfc).toBe(`RFC 9051 §6.4.9, ${baseRev2}`);
    const baseRev1 = explainWire({ ...unit, raw: `a5 ${base} 2\r\n`, command: base, rev2: false }).rfc;
    const rev1 = explainWire({ ...unit, rev2: false }).rfc;
    if (base === 'MOVE') expect(rev1).toBe('RFC 6851 §3.2');
    else expect(rev1).toBe(`RFC 3501 §6.4.8, ${baseRev1.replace('RFC 3501 ', '')}`);
  });

  it('says that replies to a UID command still start with sequence numbers', () => {
    const x = explainWire({
      protocol: 'imap',
      direction: 'c2s',
      raw: 'a3 UID FETCH 2 (FLAGS)\r\n',
      rev2: false,
    });
    const uid = x.tokens.find((t) => t.text === 'UID FETCH' || t.text.startsWith('UID'));
    expect(uid?.explanation).toMatch(/each reply still starts with the message's sequence number/);
  });
});
