import { describe, expect, it } from 'vitest';
import { explainWire } from './index';

/** Mailbox names in modified UTF-7 (RFC 3501 §5.1.3), as a student reads them. */
const explain = (direction: 'c2s' | 's2c', raw: string, rev2 = false) =>
  explainWire({ protocol: 'imap', direction, raw: raw + '\r\n', rev2 });
const tokenFor = (e: ReturnType<typeof explain>, text: string) => e.tokens.find((t) => t.text === text);

describe('explaining modified UTF-7 mailbox names (RFC 3501 §5.1.3)', () => {
  it('decodes a LIST name and says so in the sentence', () => {
    const e = explain('s2c', '* LIST (\\HasNoChildren) "/" Entw&APw-rfe');
    expect(e.explanation).toMatch(/The mailbox "Entwürfe" exists/);
    const t = tokenFor(e, 'Entw&APw-rfe')!;
    expect(t.rfc).toBe('RFC 3501 §5.1.3');
    expect(t.explanation).toMatch(/reads "Entwürfe"/);
  });

  it('decodes the name in STATUS and in a client command', () => {
    expect(
      tokenFor(explain('s2c', '* STATUS "Tom &- Jerry" (MESSAGES 0)'), '"Tom &- Jerry"')!.explanation,
    ).toMatch(/reads "Tom & Jerry"/);
    expect(
      tokenFor(explain('c2s', 'a1 SELECT ~peter/mail/&U,BTFw-'), '~peter/mail/&U,BTFw-')!.explanation,
    ).toMatch(/reads "~peter\/mail\/台北"/);
  });

  it('says an invalid name is refused, and leaves plain and IMAP4rev2 names alone', () => {
    const bad = tokenFor(explain('c2s', 'a1 CREATE "Tom & Jerry"'), '"Tom & Jerry"')!;
    expect(bad.explanation).toMatch(/not valid modified UTF-7.*BAD/);
    expect(tokenFor(explain('c2s', 'a1 CREATE Archive'), 'Archive')!.rfc).toBe('RFC 3501 §5.1');
    expect(tokenFor(explain('c2s', 'a1 CREATE "Tom & Jerry"', true), '"Tom & Jerry"')!.rfc).toBe(
      'RFC 9051 §5.1',
    );
  });

  it('a quoted UTF-8 name in an IMAP4rev1 session is UTF-8 (RFC 9755 §3), an 8-bit atom is refused', () => {
    const quoted = tokenFor(explain('c2s', 'a1 CREATE "Caf\xc3\xa9"'), '"Caf\xc3\xa9"')!;
    expect(quoted.explanation).toMatch(/in UTF-8/);
    expect(quoted.rfc).toBe('RFC 9755 §3');
    const atom = tokenFor(explain('c2s', 'a1 CREATE Caf\xc3\xa9'), 'Caf\xc3\xa9')!;
    expect(atom.explanation).toMatch(/7-bit, and this one has 8-bit octets that are neither modified UTF-7/);
  });
});
