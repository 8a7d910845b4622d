import { describe, expect, it } from 'vitest';
import { SMTP_COMMANDS } from '../smtp/commands';
import { loggedInSmtp, connectSmtp } from '../smtp/testing';
import { explainWire } from '.';
import { citationsIn, sectionExists } from './rfc-sections';

/** Every citation in an explanation and its tokens names a listed section. */
function cited(x: { rfc: string; tokens: readonly { rfc?: string }[] }): string[] {
  return [x.rfc, ...x.tokens.map((t) => t.rfc ?? '')].flatMap((r) =>
    citationsIn(r).map((c) => `RFC ${c.rfc} §${c.section}:${sectionExists(c)}`),
  );
}

describe('SMTP explainer', () => {
  it('explains every line of a real submission, each citation a listed section', () => {
    const { c } = loggedInSmtp();
    c.send('MAIL FROM:<student@popvsimap.lab>');
    c.send('RCPT TO:<bob@popvsimap.lab>');
    c.send('DATA');
    c.sendRaw('Subject: hi\r\n\r\nHello\r\n.\r\n');
    c.send('QUIT');
    expect(c.events.length).toBeGreaterThan(10);
    for (const e of c.events) {
      const x = explainWire({ protocol: 'smtp', direction: e.direction, raw: e.raw, command: e.command });
      expect(x.explanation, e.raw).not.toBe('');
      expect(
        cited(x).filter((s) => s.endsWith(':false')),
        e.raw,
      ).toEqual([]);
    }
  });

  it('reads a multi-line EHLO reply: each extension by name, the hyphen, the code (RFC 5321 §4.2.1)', () => {
    const c = connectSmtp();
    const raw = c.send('EHLO phone.example');
    const x = explainWire({ protocol: 'smtp', direction: 's2c', raw, command: 'EHLO' });
    expect(x.rfc).toBe('RFC 5321 §4.1.1.1');
    expect(x.tokens.find((t) => t.text === 'PIPELINING')?.rfc).toBe('RFC 2920 §3');
    expect(x.tokens.find((t) => t.text === 'AUTH PLAIN LOGIN')?.rfc).toBe('RFC 4954 §3');
    expect(x.tokens.filter((t) => t.text === '-').length).toBe(raw.split('\r\n').length - 2);
  });

  it('names the over-quota refusal: 552 with enhanced code 5.2.2 (mailbox status, RFC 3463)', () => {
    const x = explainWire({
      protocol: 'smtp',
      direction: 's2c',
      raw: '552 5.2.2 Mailbox full\r\n',
      command: 'DATA',
    });
    // The store refuses a message that would pass the quota (used + size > quota): the mailbox
    // need not be over it already, so the words say "would take it over", not "is full".
    expect(x.explanation).toMatch(/would take the recipient’s mailbox over its quota/);
    expect(x.tokens.map((t) => t.text)).toEqual(['552', '5.2.2', 'Mailbox full']);
    expect(x.tokens[1]!.explanation).toMatch(/permanent failure, about the mailbox/);
    const rcpt = explainWire({
      protocol: 'smtp',
      direction: 's2c',
      raw: '552 5.2.2 <a@b>: Mailbox full\r\n',
      command: 'RCPT',
    });
    expect(rcpt.explanation).toMatch(
      /at its quota, or has no room for the size the client declared \(SIZE\)/,
    );
  });

  it('cites RFC 3207 §4.2 for the reset after STARTTLS: the client starts over with EHLO', () => {
    const command = explainWire({ protocol: 'smtp', direction: 'c2s', raw: 'STARTTLS\r\n' });
    expect(command.tokens[0]!.explanation).toMatch(/starts over with EHLO/);
    expect(command.tokens[0]!.rfc).toBe('RFC 3207 §4, §4.2');
    const ready = explainWire({
      protocol: 'smtp',
      direction: 's2c',
      raw: '220 2.0.0 Ready to start TLS\r\n',
      command: 'STARTTLS',
    });
    expect(ready.explanation).toMatch(/session starts over/);
    expect(ready.rfc).toBe('RFC 3207 §4, §4.2');
  });

  // The engine's own refusals, explained for what refused them: TLS missing (RFC 3207 §4's 530 on
  // AUTH; RFC 4954 §4's 504 where no TLS can be had) or no login yet (RFC 4954 §6's 530 on MAIL).
  it('tells a refusal for want of TLS from a refusal for want of a login', () => {
    const explain = (raw: string, command: string) =>
      explainWire({ protocol: 'smtp', direction: 's2c', raw, command });
    const plainAuth = 'AUTH PLAIN AHN0dWRlbnQAc2VjcmV0';
    const remote = connectSmtp(undefined, {
      security: { loopback: false, tlsAvailable: true, tlsActive: false },
    });
    remote.send('EHLO a');
    const tlsFirst = explain(remote.send(plainAuth), 'AUTH');
    expect(tlsFirst.explanation).toMatch(/only inside TLS.*STARTTLS first/);
    expect(tlsFirst.explanation).toMatch(/already crossed the network/);
    expect(tlsFirst.explanation).not.toMatch(/Authentication required/);
    expect(tlsFirst.rfc).toBe('RFC 3207 §4');
    const noTls = connectSmtp(undefined, {
      security: { loopback: false, tlsAvailable: false, tlsActive: false },
    });
    noTls.send('EHLO a');
    const refused = explain(noTls.send(plainAuth), 'AUTH');
    expect(refused.explanation).toMatch(/does not offer this login mechanism/);
    expect(refused.rfc).toBe('RFC 4954 §4');
    const mail = connectSmtp();
    mail.send('EHLO a');
    const loginFirst = explain(mail.send('MAIL FROM:<student@popvsimap.lab>'), 'MAIL');
    expect(loginFirst.explanation).toMatch(/^Authentication required first/);
    expect(loginFirst.rfc).toBe('RFC 4954 §6');
  });

  it('says that AUTH PLAIN carries the password in base64, readable by anyone', () => {
    const x = explainWire({ protocol: 'smtp', direction: 'c2s', raw: 'AUTH PLAIN AHN0dWRlbnQAc2VjcmV0\r\n' });
    expect(x.tokens.at(-1)!.explanation).toMatch(/base64.*not encryption/);
  });

  it('cites a listed section for every SMTP command record', () => {
    for (const command of SMTP_COMMANDS.values())
      for (const c of citationsIn(command.rfc)) expect(sectionExists(c), command.name).toBe(true);
  });
});
