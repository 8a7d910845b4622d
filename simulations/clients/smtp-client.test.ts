import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../lib/session/types';
import { smtpTestServer } from '../../lib/smtp/testing';
import { runSmtp } from '../smtp-link';
import { dotStuff, plainResponse, replyCode } from './smtp-client';

const MESSAGE =
  'From: student@popvsimap.lab\r\nTo: bob@popvsimap.lab\r\nSubject: Hi\r\n\r\n.hidden dot\r\nBye\r\n';

function run(
  input: Partial<Parameters<typeof runSmtp>[1]> = {},
  role: 'submission' | 'delivery' = 'submission',
) {
  const server = smtpTestServer();
  const events: SessionEvent[] = [];
  const result = runSmtp(
    server,
    {
      clientName: 'phone.example',
      auth: { user: 'student', password: 'secret' },
      from: 'student@popvsimap.lab',
      to: ['bob@popvsimap.lab'],
      message: MESSAGE,
      ...input,
    },
    { role, id: 'test.smtp', onEvent: (e) => events.push(e) },
  );
  const sent = events.filter((e) => e.direction === 'c2s').map((e) => e.raw);
  return { server, result, sent };
}

describe('SMTP client machine', () => {
  it('submits in a careful client’s order: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, the text, QUIT', () => {
    const { result, sent, server } = run();
    expect(sent.map((l) => l.split(/[ :\r]/)[0])).toEqual([
      'EHLO',
      'AUTH',
      'MAIL',
      'RCPT',
      'DATA',
      'From',
      'QUIT',
    ]);
    expect(sent[1]).toBe(`AUTH PLAIN ${plainResponse('student', 'secret')}\r\n`);
    expect(result.delivered).toBe(true);
    expect(result.accepted).toEqual(['bob@popvsimap.lab']);
    expect(server.store.getAccount('bob')!.inbox.messages.length).toBe(1);
  });

  it('dot-stuffs the text and ends it with CRLF "." CRLF (RFC 5321 §4.5.2); the stored copy is unstuffed', () => {
    const { sent, server } = run();
    expect(sent[5]).toBe(dotStuff(MESSAGE) + '.\r\n');
    expect(sent[5]).toContain('\r\n..hidden dot\r\n');
    const stored = server.store.getAccount('bob')!.inbox.messages[0]!.raw;
    expect(stored).toContain('\r\n.hidden dot\r\n');
  });

  it('a server delivering to ours does not log in (an MX session)', () => {
    const { sent, result } = run({ auth: undefined, from: 'chris@students.example' }, 'delivery');
    expect(sent.some((l) => l.startsWith('AUTH'))).toBe(false);
    expect(result.delivered).toBe(true);
  });

  it('a wrong password ends with QUIT, nothing sent, the 535 kept', () => {
    const { sent, result } = run({ auth: { user: 'student', password: 'wrong' } });
    expect(sent.map((l) => l.split(' ')[0]!.trim())).toEqual(['EHLO', 'AUTH', 'QUIT']);
    expect(result.delivered).toBe(false);
    expect(result.lastError).toMatch(/^535 5\.7\.8/);
  });

  it('skips a refused recipient and sends to the others; with none left it sends no DATA', () => {
    const some = run({ to: ['nobody@popvsimap.lab', 'bob@popvsimap.lab'] });
    expect(some.result.accepted).toEqual(['bob@popvsimap.lab']);
    expect(some.result.delivered).toBe(true);
    const none = run({ to: ['nobody@popvsimap.lab'] });
    expect(none.sent.some((l) => l === 'DATA\r\n')).toBe(false);
    expect(none.result.lastError).toMatch(/^550 5\.1\.1/);
  });

  it('reads the code of a multi-line reply from its last line (RFC 5321 §4.2.1)', () => {
    expect(replyCode('250-a\r\n250-b\r\n250 c\r\n')).toBe(250);
    expect(replyCode('552 5.2.2 full\r\n')).toBe(552);
  });
});
