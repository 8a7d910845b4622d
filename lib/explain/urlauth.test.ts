import { describe, expect, it } from 'vitest';
import { extensionReference } from '../reference/extensions';
import { explainWire } from './index';

/** URLAUTH's lines (RFC 4467), as the reference page's real exchange has them. */
const s2c = (raw: string, command: string) =>
  explainWire({ protocol: 'imap', direction: 's2c', raw, command });
const c2s = (raw: string, command: string) =>
  explainWire({ protocol: 'imap', direction: 'c2s', raw, command, commandRfc: 'RFC 4467 §7' });
const UNKNOWN = /does not know/;

describe('explaining URLAUTH (RFC 4467)', () => {
  it('every line of the engine’s exchange is explained, citing RFC 4467', () => {
    const example = extensionReference().find((e) => e.name === 'urlauth')!.example;
    // Put each command with its reply, literals joined, as the session's wire units are.
    const units: { raw: string; from: 'C' | 'S'; command: string }[] = [];
    let command = '';
    for (const l of example) {
      if (l.from === 'C') command = l.text.split(' ')[1]!;
      const last = units.at(-1);
      if (last && last.from === 'S' && /\{\d+\}\r\n$/.test(last.raw)) last.raw += l.text + '\r\n';
      else units.push({ raw: l.text + '\r\n', from: l.from, command });
    }
    for (const u of units) {
      const x = u.from === 'C' ? c2s(u.raw, u.command) : s2c(u.raw, u.command);
      expect(x.explanation, u.raw).not.toMatch(UNKNOWN);
      for (const t of x.tokens) expect(t.explanation, t.text).not.toMatch(UNKNOWN);
      if (u.from === 'C' || u.raw.startsWith('*')) expect(x.rfc, u.raw).toMatch(/^RFC 4467 §[78]$/);
    }
  });

  it('GENURLAUTH: the token is made with the mailbox’s key; the access identifier says who may use it', () => {
    const x = s2c(
      '* GENURLAUTH "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:0123456789abcdef0123456789abcdef"\r\n',
      'GENURLAUTH',
    );
    expect(x.rfc).toBe('RFC 4467 §8');
    expect(x.tokens.find((t) => t.text.startsWith('"imap'))!.explanation).toMatch(
      /secret key of its mailbox .*submission server sending mail for fred/,
    );
  });

  it('access identifiers (§3): anonymous still needs a session, URLFETCH being a logged-in command', () => {
    const x = c2s(
      'a1 URLFETCH "imap://joe@example.com/INBOX/;UID=20;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef"\r\n',
      'URLFETCH',
    );
    const url = x.tokens.find((t) => t.text.startsWith('"imap'))!.explanation;
    expect(url).toMatch(/anonymous logins included \(URLFETCH still needs a login\)/);
    expect(url).not.toMatch(/without logging in/);
  });

  it('URLFETCH: a literal is the part, NIL a URL that did not validate (§6)', () => {
    const x = s2c('* URLFETCH "u1" {4}\r\nabcd "u2" NIL\r\n', 'URLFETCH');
    expect(x.explanation).toBe('1 URL of 2 did not validate (NIL); the server does not say why.');
    const literal = x.tokens.find((t) => t.text === '{4}')!.explanation;
    expect(literal).toMatch(/the 4 octets it names follow/);
    // As BODY.PEEK returns them: BODY[section] would set \Seen (RFC 3501 §6.4.5), URLFETCH does not.
    expect(literal).toMatch(/BODY\.PEEK\[section\]/);
    expect(x.tokens.find((t) => t.text === 'NIL')!.rfc).toBe('RFC 4467 §6');
  });

  it('[URLMECH INTERNAL] and the URLAUTH capability are known', () => {
    const ok = s2c('* OK [URLMECH INTERNAL] URLAUTH mechanisms\r\n', 'SELECT');
    expect(ok.explanation).toMatch(/URLAUTH authorization mechanisms this mailbox supports: INTERNAL/);
    expect(ok.tokens.some((t) => t.rfc === 'RFC 4467 §8')).toBe(true);
    const caps = s2c('* CAPABILITY IMAP4rev1 URLAUTH\r\n', 'CAPABILITY');
    expect(caps.tokens.find((t) => t.text === 'URLAUTH')!.explanation).toMatch(/GENURLAUTH/);
  });

  it('[URLMECH] speaks of a reset key only after RESETKEY, or unasked, never at SELECT or EXAMINE', () => {
    for (const command of ['SELECT', 'EXAMINE']) {
      const x = s2c('* OK [URLMECH INTERNAL] URLAUTH mechanisms\r\n', command);
      expect(x.explanation).not.toMatch(/RESETKEY|new (access )?key|no longer work/);
      expect(x.tokens.find((t) => t.text === '[URLMECH')!.explanation).not.toMatch(/RESETKEY/);
    }
    expect(s2c('a4 OK [URLMECH INTERNAL] RESETKEY completed\r\n', 'RESETKEY').explanation).toMatch(
      /RESETKEY gave the mailbox a new access key, so the URLs authorized before no longer work/,
    );
    expect(s2c('* OK [URLMECH INTERNAL] URLAUTH mechanisms\r\n', 'NOOP').explanation).toMatch(
      /sent unasked, it means the mailbox’s access key was reset/,
    );
  });

  it('client arguments: the URL’s part and access, the mechanism', () => {
    const x = c2s(
      'a1 GENURLAUTH "imap://joe@example.com/INBOX/;UID=20/;SECTION=1.2;EXPIRE=2026-03-10T13:00:00Z;URLAUTH=user+fred" INTERNAL\r\n',
      'GENURLAUTH',
    );
    expect(x.tokens.find((t) => t.text.startsWith('"imap'))!.explanation).toBe(
      'A URL to authorize (no token yet): part 1.2 of message UID 20 in INBOX, valid until 2026-03-10T13:00:00Z, for only fred, logged in.',
    );
    expect(x.tokens.find((t) => t.text === 'INTERNAL')!.rfc).toBe('RFC 4467 §7');
    const r = c2s('a2 RESETKEY INBOX INTERNAL\r\n', 'RESETKEY');
    expect(r.tokens.find((t) => t.text === 'INTERNAL')!.explanation).toMatch(/mechanism the new key is for/);
  });
});
