import { describe, expect, it } from 'vitest';
import { SEED_MESSAGES } from '../../mailstore/seed';
import { connectPop3, loggedInPop3, pop3TestServer } from '../testing';
import { apopDigest } from './apop';

const sizes = SEED_MESSAGES.map((m) => m.length);
const total = sizes.reduce((a, b) => a + b, 0);

describe('POP3 commands', () => {
  it('STAT reports count and exact octets, CRLF counted', () => {
    const { c } = loggedInPop3();
    expect(c.send('STAT')).toBe(`+OK 6 ${total}\r\n`);
  });

  it('LIST gives a scan listing, LIST n one message, and refuses a number out of range', () => {
    const { c } = loggedInPop3();
    const lines = sizes.map((s, i) => `${i + 1} ${s}\r\n`).join('');
    expect(c.send('LIST')).toBe(`+OK 6 messages (${total} octets)\r\n${lines}.\r\n`);
    expect(c.send('LIST 2')).toBe(`+OK 2 ${sizes[1]}\r\n`);
    expect(c.send('LIST 7')).toBe('-ERR No such message, only 6 messages in maildrop\r\n');
    expect(c.send('LIST 0')).toBe('-ERR Invalid message number: 0\r\n');
    expect(c.send('LIST abc')).toBe('-ERR Invalid message number: abc\r\n');
  });

  it('RETR sends the whole message dot-stuffed, and the octet count is the unstuffed size', () => {
    const { c } = loggedInPop3();
    const reply = c.send('RETR 1');
    const raw = SEED_MESSAGES[0]!;
    expect(reply.startsWith(`+OK ${raw.length} octets\r\n`)).toBe(true);
    expect(reply).toContain('\r\n..A line that starts with a dot');
    expect(reply.endsWith('\r\n.\r\n')).toBe(true);
    const body = reply.slice(reply.indexOf('\r\n') + 2, -3).replace(/(^|\r\n)\.\./g, '$1.');
    expect(body).toBe(raw);
  });

  it("LIST, UIDL and STAT skip messages marked deleted and keep the others' numbers (RFC 1939 §5, §7)", () => {
    const { c } = loggedInPop3();
    c.send('DELE 2');
    c.send('DELE 5');
    const kept = [1, 3, 4, 6];
    const octets = kept.reduce((sum, n) => sum + sizes[n - 1]!, 0);
    expect(c.send('STAT')).toBe(`+OK 4 ${octets}\r\n`);
    expect(c.send('LIST')).toBe(
      `+OK 4 messages (${octets} octets)\r\n${kept.map((n) => `${n} ${sizes[n - 1]}\r\n`).join('')}.\r\n`,
    );
    const uidl = c.send('UIDL').split('\r\n');
    expect(uidl.slice(1, -2).map((l) => l.split(' ')[0])).toEqual(['1', '3', '4', '6']);
    expect(uidl.slice(1, -2).every((l) => /^\d+ [0-9A-F]{16}$/.test(l))).toBe(true);
    for (const n of kept) c.send(`DELE ${n}`);
    expect(c.send('LIST')).toMatch(/^\+OK .*\(0 octets\)\r\n\.\r\n$/);
    expect(c.send('UIDL')).toBe('+OK Unique-ID listing follows\r\n.\r\n');
  });

  it('DELE marks a message: it leaves LIST and STAT, RETR refuses it, and the server still has it', () => {
    const { server, c } = loggedInPop3();
    expect(c.send('DELE 1')).toBe('+OK Message 1 deleted\r\n');
    expect(c.send('DELE 1')).toBe('-ERR Message 1 already deleted\r\n');
    expect(c.send('RETR 1')).toBe('-ERR Message 1 already deleted\r\n');
    expect(c.send('STAT')).toBe(`+OK 5 ${total - sizes[0]!}\r\n`);
    expect(c.send('LIST')).not.toMatch(/\r\n1 /);
    expect(server.store.getAccount('student')!.inbox.messages).toHaveLength(6);
  });

  it('RSET unmarks every deletion', () => {
    const { c } = loggedInPop3();
    c.send('DELE 1');
    c.send('DELE 2');
    expect(c.send('RSET')).toBe(`+OK maildrop has 6 messages (${total} octets)\r\n`);
    expect(c.send('STAT')).toBe(`+OK 6 ${total}\r\n`);
  });

  it('QUIT in TRANSACTION commits deletions and marks retrieved messages \\Seen (UPDATE, RFC 1939 §6)', () => {
    const { server, c } = loggedInPop3();
    c.send('RETR 2');
    c.send('DELE 1');
    expect(c.send('QUIT')).toBe('+OK popvsimap.lab POP3 server signing off (5 messages left)\r\n');
    expect(c.session.state).toBe('UPDATE');
    expect(c.serverClosed).toBe(true);
    const inbox = server.store.getAccount('student')!.inbox;
    expect(inbox.messages.map((m) => m.uid)).toEqual([2, 3, 4, 5, 6]);
    expect([...inbox.messages[0]!.flags]).toEqual(['\\Seen']);
  });

  it('QUIT before login only ends the session, and says so: no UPDATE state, nothing removed (RFC 1939 §4)', () => {
    const server = pop3TestServer();
    const c = connectPop3(server);
    c.take();
    c.send('USER student');
    expect(c.send('QUIT')).toBe('+OK popvsimap.lab POP3 server signing off\r\n');
    expect(c.session.state).toBe('AUTHORIZATION');
    expect(server.store.getAccount('student')!.inbox.messages).toHaveLength(6);
    const quit = c.events.find((e) => e.direction === 'c2s' && e.command === 'QUIT')!;
    expect(quit.explanation).toMatch(/before logging in/);
    expect(quit.explanation).not.toMatch(/DELE|UPDATE|\\Seen/);
    // After login the same line means UPDATE.
    const after = loggedInPop3();
    after.c.send('QUIT');
    const commit = after.c.events.find((e) => e.direction === 'c2s' && e.command === 'QUIT')!;
    expect(commit.explanation).toMatch(/UPDATE state and removes the messages marked with DELE/);
  });

  it('a dropped connection commits nothing', () => {
    const { server, c } = loggedInPop3();
    c.send('DELE 1');
    c.send('DELE 2');
    c.drop();
    expect(server.store.getAccount('student')!.inbox.messages).toHaveLength(6);
  });

  it('QUIT in AUTHORIZATION just signs off', () => {
    const c = connectPop3(pop3TestServer());
    c.take();
    expect(c.send('QUIT')).toBe('+OK popvsimap.lab POP3 server signing off\r\n');
    expect(c.serverClosed).toBe(true);
  });

  it('TOP sends the headers, the blank line and n body lines', () => {
    const { c } = loggedInPop3();
    const reply = c.send('TOP 4 1');
    const raw = SEED_MESSAGES[3]!;
    const header = raw.slice(0, raw.indexOf('\r\n\r\n') + 4);
    expect(reply).toBe(
      '+OK Top of message follows\r\n' +
        header +
        'Shall we meet on Thursday to go through the IMAP exercises?\r\n.\r\n',
    );
    expect(c.send('TOP 4 0')).toBe('+OK Top of message follows\r\n' + header + '.\r\n');
    expect(c.send('TOP 4 x')).toBe('-ERR Invalid line count: x\r\n');
  });

  it('UIDL gives ids that stay the same across sessions', () => {
    const { server, c } = loggedInPop3();
    const listing = c.send('UIDL');
    expect(listing).toMatch(
      /^\+OK Unique-ID listing follows\r\n1 00000001[0-9A-F]{8}\r\n(\d [0-9A-F]{16}\r\n){5}\.\r\n$/,
    );
    const one = c.send('UIDL 3');
    c.send('QUIT');
    const again = loggedInPop3(server).c;
    expect(again.send('UIDL 3')).toBe(one);
  });

  it('UIDL ids follow a message after earlier ones are deleted, so numbers shift but ids do not', () => {
    const { server, c } = loggedInPop3();
    const id2 = c.send('UIDL 2').split(' ')[2];
    c.send('DELE 1');
    c.send('QUIT');
    const again = loggedInPop3(server).c;
    expect(again.send('UIDL 1')).toBe(`+OK 1 ${id2}`);
  });

  it('NOOP answers +OK', () => {
    const { c } = loggedInPop3();
    expect(c.send('NOOP')).toBe('+OK\r\n');
  });

  it('CAPA lists the capabilities in both states (RFC 2449 §5)', () => {
    const c = connectPop3(pop3TestServer());
    c.take();
    const capa = c.send('CAPA');
    expect(capa.startsWith('+OK Capability list follows\r\n')).toBe(true);
    expect(capa.split('\r\n')).toEqual(
      expect.arrayContaining(['TOP', 'USER', 'UIDL', 'RESP-CODES', 'PIPELINING', '.']),
    );
  });

  it('PASS without USER is refused', () => {
    const c = connectPop3(pop3TestServer());
    c.take();
    expect(c.send('PASS secret')).toBe('-ERR No username given: send USER first\r\n');
  });

  it('APOP logs in with MD5(timestamp + secret) and refuses a wrong digest (RFC 1939 §7)', () => {
    const c = connectPop3(pop3TestServer());
    const banner = /<[^>]+>/.exec(c.take())![0];
    expect(c.send('APOP student 0123456789abcdef0123456789abcdef')).toBe(
      '-ERR [AUTH] Invalid username or digest\r\n',
    );
    expect(c.send(`APOP student ${apopDigest(banner, 'secret')}`)).toMatch(/^\+OK Logged in/);
    expect(c.session.state).toBe('TRANSACTION');
  });

  it("computes the RFC's own APOP example digest", () => {
    expect(apopDigest('<1896.697170952@dbc.mtview.ca.us>', 'tanstaaf')).toBe(
      'c4c9334bac560ecc979e58001b3e22fb',
    );
  });
});

describe('reply wording', () => {
  it('counts one message in the singular (LIST, PASS, RSET, QUIT)', () => {
    const server = pop3TestServer();
    const inbox = server.store.getAccount('student')!.inbox;
    inbox.expunge(inbox.messages.slice(1));
    const c = connectPop3(server);
    c.send('USER student');
    expect(c.send('PASS secret')).toMatch(/^\+OK Logged in, maildrop has 1 message \(/);
    expect(c.send('LIST')).toMatch(/^\+OK 1 message \(/);
    expect(c.send('RSET')).toMatch(/^\+OK maildrop has 1 message \(/);
    expect(c.send('QUIT')).toBe('+OK popvsimap.lab POP3 server signing off (1 message left)\r\n');
  });
});
