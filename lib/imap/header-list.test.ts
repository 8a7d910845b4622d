import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

/**
 * FETCH `BODY[HEADER.FIELDS (…)]`: RFC 9051 §9 `header-list = "(" header-fld-name *(SP
 * header-fld-name) ")"`, `header-fld-name = astring`. Field names are matched case-insensitively
 * and echoed in the response; anything that is no astring is a BAD.
 */
describe('header-list: HEADER.FIELDS names are astrings', () => {
  it.each([
    ['atoms', '(Subject FROM)', '(SUBJECT FROM)'],
    ['a quoted name', '("Subject")', '(SUBJECT)'],
    ['a quoted and an atom', '("Subject" From)', '(SUBJECT FROM)'],
    ['an atom with "]"-free specials', "(X-Mailer!#$&'+-.)", "(X-MAILER!#$&'+-.)"],
    ['a quoted name with a space (no field can match it)', '("a b")', '("A B")'],
    ['a quoted name with escapes', '("q\\"x\\\\y")', '("Q\\"X\\\\Y")'],
  ])('accepts %s', (_, list, echoed) => {
    const { c } = imapSession({ select: true });
    const reply = lines(c.send(`a3 FETCH 1 BODY.PEEK[HEADER.FIELDS ${list}]`));
    expect(reply[0]).toContain(`BODY[HEADER.FIELDS ${echoed}] {`);
    expect(reply.at(-1)).toBe('a3 OK FETCH completed');
  });

  it('picks the same field whether its name is quoted or not', () => {
    const { c } = imapSession({ select: true });
    const atom = c.send('a3 FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]');
    expect(c.send('a4 FETCH 1 BODY.PEEK[HEADER.FIELDS ("subject")]')).toBe(atom.replace('a3 ', 'a4 '));
  });

  it.each([
    ['"*" in an atom', '(Sub*)'],
    ['"%" in an atom', '(Sub%ject)'],
    ['a backslash in an atom', '(Sub\\ject)'],
    ['a quote inside an atom', '(Sub"ject")'],
    ['a bad escape in a quoted name', '("Sub\\ject")'],
    ['an unterminated quoted name', '("Subject)'],
    ['a quoted name glued to an atom', '("Subject"From)'],
    ['no name at all', '()'],
  ])('BAD for %s', (_, list) => {
    const { c, inbox } = imapSession({ select: true });
    expect(lines(c.send(`a3 FETCH 1 BODY[HEADER.FIELDS ${list}]`))).toEqual([
      expect.stringMatching(/^a3 BAD /),
    ]);
    expect(inbox.messages[0]!.flags.has('\\Seen')).toBe(false);
  });
});
