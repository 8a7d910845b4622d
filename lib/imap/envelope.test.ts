import { describe, expect, it } from 'vitest';
import { parseHeaderBlock } from '../mail/mime';
import { envelope } from './envelope';
import { imapSession } from './testing';

/** ENVELOPE of a message with these header lines (CRLF added). */
function envelopeOf(...headerLines: string[]): string {
  const raw = headerLines.join('\r\n') + '\r\n\r\nbody\r\n';
  return envelope(parseHeaderBlock(raw, 0, raw.length).headers);
}

describe('ENVELOPE (RFC 9051 §7.5.2)', () => {
  it('has date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id; strings as sent', () => {
    expect(
      envelopeOf(
        'Date: Mon, 02 Mar 2026 09:00:00 +0000',
        'Subject: =?UTF-8?Q?Caf=C3=A9?= menu',
        'From: Real Name <user@domain>',
        'Sender: Desk <desk@domain>',
        'Reply-To: "Doe, Jane" <jane@y.org>',
        'To: Ann (Ops: nights) <ann@example.org>, bob@z.org',
        'Cc: Team: a@x.org, =?UTF-8?Q?Caf=C3=A9?= <c@x.org>;',
        'Bcc: undisclosed-recipients:;',
        'In-Reply-To: <a@b>',
        'Message-ID: <m1@domain>',
      ),
    ).toBe(
      '("Mon, 02 Mar 2026 09:00:00 +0000" "=?UTF-8?Q?Caf=C3=A9?= menu" ' +
        '(("Real Name" NIL "user" "domain")) (("Desk" NIL "desk" "domain")) (("Doe, Jane" NIL "jane" "y.org")) ' +
        '(("Ann" NIL "ann" "example.org")(NIL NIL "bob" "z.org")) ' +
        '((NIL NIL "Team" NIL)(NIL NIL "a" "x.org")("=?UTF-8?Q?Caf=C3=A9?=" NIL "c" "x.org")(NIL NIL NIL NIL)) ' +
        '((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)) "<a@b>" "<m1@domain>")',
    );
  });

  it('Sender and Reply-To default to From when absent or empty; absent fields are NIL', () => {
    expect(envelopeOf('From: a@x.org', 'Reply-To:   ')).toBe(
      '(NIL NIL ((NIL NIL "a" "x.org")) ((NIL NIL "a" "x.org")) ((NIL NIL "a" "x.org")) NIL NIL NIL NIL NIL)',
    );
    expect(envelopeOf('Subject: no one')).toBe('(NIL "no one" NIL NIL NIL NIL NIL NIL NIL NIL)');
  });

  it.each([
    [
      'a quoted name with escapes is written with IMAP escapes',
      '"Ann \\"The\\" Ex" <ann@x.org>',
      '(("Ann \\"The\\" Ex" NIL "ann" "x.org"))',
    ],
    [
      '8-bit name bytes travel as a literal',
      'Jos\xc3\xa9 <j@x.org>',
      '(({5}\r\nJos\xc3\xa9 NIL "j" "x.org"))',
    ],
    ['a comment names a bare address', 'ann@x.org (Ann Example)', '(("Ann Example" NIL "ann" "x.org"))'],
    ['a folded value', 'Ann\r\n Example <ann@x.org>', '(("Ann Example" NIL "ann" "x.org"))'],
    [
      'a group of one, then another address',
      'G: a@x.org;, b@y.org',
      '((NIL NIL "G" NIL)(NIL NIL "a" "x.org")(NIL NIL NIL NIL)(NIL NIL "b" "y.org"))',
    ],
    ['an address that is not RFC 5322', 'user@', '((NIL NIL "user" "MISSING_DOMAIN"))'],
  ])('%s', (_, value, expected) => {
    const env = envelopeOf(`From: ${value}`, `To: ${value}`);
    // From (and Sender and Reply-To, defaulted) and To hold the same list.
    expect(env).toBe(`(NIL NIL ${expected} ${expected} ${expected} ${expected} NIL NIL NIL NIL)`);
  });

  it('FETCH ENVELOPE of a delivered message', () => {
    const { c, server } = imapSession();
    server.store.deliver('student', 'From: Ann (Ops: nights) <ann@example.org>\r\nSubject: hi\r\n\r\nx\r\n');
    c.send('a2 SELECT INBOX');
    expect(c.send('a3 FETCH 7 ENVELOPE')).toBe(
      '* 7 FETCH (ENVELOPE (NIL "hi" (("Ann" NIL "ann" "example.org")) (("Ann" NIL "ann" "example.org")) ' +
        '(("Ann" NIL "ann" "example.org")) NIL NIL NIL NIL NIL))\r\na3 OK FETCH completed\r\n',
    );
  });
});
