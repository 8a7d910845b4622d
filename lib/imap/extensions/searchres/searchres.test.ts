import { describe, expect, it } from 'vitest';
import { connectImap, imapSession, imapTestServer, lines } from '../../testing';

/**
 * SEARCHRES (RFC 5182, RFC 9051 §6.4.4.1): `SEARCH RETURN (SAVE)` keeps its result, and `$`
 * names it wherever a sequence set may stand (`sequence-set =/ seq-last-command`, §3).
 * The seed INBOX holds six messages, UIDs 1–6; these tests flag 2 and 4.
 */
describe('SEARCHRES: SEARCH RETURN (SAVE) and $', () => {
  function flagged() {
    const s = imapSession({ select: true });
    s.c.send('f1 STORE 2,4 +FLAGS.SILENT (\\Flagged)');
    return s;
  }

  it('is advertised, before and after login', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a0 CAPABILITY')).toMatch(/^\* CAPABILITY .* ESEARCH SEARCHRES /);
    c.send('a1 LOGIN student secret');
    expect(c.send('a2 CAPABILITY')).toMatch(/^\* CAPABILITY .* ESEARCH SEARCHRES /);
  });

  it('SAVE alone answers no ESEARCH, and $ then names the result (RFC 5182 §2.2)', () => {
    const { c } = flagged();
    expect(c.send('a3 SEARCH RETURN (SAVE) FLAGGED')).toBe('a3 OK SEARCH completed\r\n');
    expect(lines(c.send('a4 FETCH $ (UID FLAGS)'))).toEqual([
      '* 2 FETCH (UID 2 FLAGS (\\Flagged \\Recent))',
      '* 4 FETCH (UID 4 FLAGS (\\Flagged \\Recent))',
      'a4 OK FETCH completed',
    ]);
    // The same messages by UID: "$" is not a set of numbers of either kind (§2.1).
    expect(lines(c.send('a5 UID FETCH $ FLAGS'))).toEqual([
      '* 2 FETCH (UID 2 FLAGS (\\Flagged \\Recent))',
      '* 4 FETCH (UID 4 FLAGS (\\Flagged \\Recent))',
      'a5 OK UID FETCH completed',
    ]);
  });

  it('UID SEARCH saves too, and with ALL also answers the ESEARCH', () => {
    const { c } = flagged();
    expect(lines(c.send('a3 UID SEARCH RETURN (SAVE ALL) FLAGGED'))).toEqual([
      '* ESEARCH (TAG "a3") UID ALL 2,4',
      'a3 OK UID SEARCH completed',
    ]);
    expect(lines(c.send('a4 SEARCH $'))).toEqual(['* SEARCH 2 4', 'a4 OK SEARCH completed']);
  });

  it.each([
    ['MIN', '* ESEARCH (TAG "a3") MIN 2', [2]],
    ['MAX', '* ESEARCH (TAG "a3") MAX 4', [4]],
    ['MIN MAX', '* ESEARCH (TAG "a3") MIN 2 MAX 4', [2, 4]],
    ['COUNT', '* ESEARCH (TAG "a3") COUNT 2', [2, 4]],
    ['MIN COUNT', '* ESEARCH (TAG "a3") MIN 2 COUNT 2', [2, 4]],
  ])('SAVE with %s keeps what RFC 5182 §2.1 says', (options, esearch, saved) => {
    const { c } = flagged();
    expect(lines(c.send(`a3 SEARCH RETURN (SAVE ${options}) FLAGGED`))).toEqual([
      esearch,
      'a3 OK SEARCH completed',
    ]);
    expect(lines(c.send('a4 SEARCH $'))).toEqual([`* SEARCH ${saved.join(' ')}`, 'a4 OK SEARCH completed']);
  });

  it('RETURN () without SAVE means ALL (RFC 4731 §3.1) and leaves $ alone', () => {
    const { c } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    expect(lines(c.send('a4 SEARCH RETURN () ALL'))).toEqual([
      '* ESEARCH (TAG "a4") ALL 1:6',
      'a4 OK SEARCH completed',
    ]);
    expect(lines(c.send('a5 SEARCH UNFLAGGED'))).toEqual(['* SEARCH 1 3 5 6', 'a5 OK SEARCH completed']);
    expect(lines(c.send('a6 SEARCH $'))).toEqual(['* SEARCH 2 4', 'a6 OK SEARCH completed']);
  });

  it('an empty result saves the empty set', () => {
    const { c } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    expect(c.send('a4 SEARCH RETURN (SAVE) DRAFT')).toBe('a4 OK SEARCH completed\r\n');
    expect(c.send('a5 FETCH $ UID')).toBe('a5 OK FETCH completed\r\n');
  });

  describe('$ with nothing saved is the empty set, not an error (RFC 5182 §2.1)', () => {
    it.each([
      ['FETCH $ FLAGS', 'FETCH'],
      ['UID FETCH $ FLAGS', 'UID FETCH'],
      ['STORE $ +FLAGS (\\Seen)', 'STORE'],
      ['UID STORE $ +FLAGS (\\Seen)', 'UID STORE'],
      ['COPY $ Trash', 'COPY'],
      ['UID COPY $ Trash', 'UID COPY'],
      ['MOVE $ Trash', 'MOVE'],
      ['UID MOVE $ Trash', 'UID MOVE'],
      ['UID EXPUNGE $', 'UID EXPUNGE'],
    ])('%s answers OK and changes nothing', (command, name) => {
      const { c, server, inbox } = imapSession({ select: true });
      c.send('a2 STORE 1:* +FLAGS.SILENT (\\Deleted)');
      expect(c.send(`a3 ${command}`)).toBe(`a3 OK ${name} completed\r\n`);
      expect(inbox.messages).toHaveLength(6);
      expect(inbox.messages.every((m) => !m.flags.has('\\Seen'))).toBe(true);
      expect(server.store.getAccount('student')!.getMailbox('Trash')!.messages).toHaveLength(0);
    });

    it('SEARCH $ matches nothing, and NOT $ everything', () => {
      const { c } = imapSession({ select: true });
      expect(lines(c.send('a3 SEARCH $'))).toEqual(['* SEARCH', 'a3 OK SEARCH completed']);
      expect(lines(c.send('a4 UID SEARCH NOT UID $'))).toEqual([
        '* SEARCH 1 2 3 4 5 6',
        'a4 OK UID SEARCH completed',
      ]);
    });
  });

  it.each([
    ['SELECT', 'a5 SELECT INBOX'],
    ['EXAMINE', 'a5 EXAMINE INBOX'],
    ['UNSELECT', 'a5 UNSELECT\r\na6 SELECT INBOX'],
    ['CLOSE', 'a5 CLOSE\r\na6 SELECT INBOX'],
    ['a failed SELECT', 'a5 SELECT Nowhere\r\na6 SELECT INBOX'],
  ])('%s resets $ to the empty set', (_, commands) => {
    const { c } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    for (const line of commands.split('\r\n')) c.send(line);
    expect(lines(c.send('a9 SEARCH $'))).toEqual(['* SEARCH', 'a9 OK SEARCH completed']);
  });

  it('STORE, COPY and MOVE act on exactly the saved messages', () => {
    const { c, server } = flagged();
    c.send('a3 UID SEARCH RETURN (SAVE) FLAGGED');
    expect(lines(c.send('a4 STORE $ +FLAGS (\\Seen)'))).toEqual([
      '* 2 FETCH (FLAGS (\\Flagged \\Seen \\Recent))',
      '* 4 FETCH (FLAGS (\\Flagged \\Seen \\Recent))',
      'a4 OK STORE completed',
    ]);
    const trash = server.store.getAccount('student')!.getMailbox('Trash')!;
    expect(c.send('a5 COPY $ Trash')).toMatch(/^a5 OK \[COPYUID \d+ 2,4 1,2\] COPY completed\r\n$/);
    expect(lines(c.send('a6 MOVE $ Trash'))).toEqual([
      expect.stringMatching(/^\* OK \[COPYUID \d+ 2,4 3,4\] Moved$/),
      '* 2 EXPUNGE',
      '* 3 EXPUNGE',
      'a6 OK MOVE completed',
    ]);
    expect(trash.messages).toHaveLength(4);
  });

  it('an expunged message leaves $ (its own EXPUNGE, or one another session made)', () => {
    const { c, server } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    c.send('a4 STORE 2 +FLAGS.SILENT (\\Deleted)');
    c.send('a5 EXPUNGE');
    expect(lines(c.send('a6 FETCH $ UID'))).toEqual(['* 3 FETCH (UID 4)', 'a6 OK FETCH completed']);
    const other = imapSession({ server, select: true });
    other.c.send('b3 STORE 3 +FLAGS.SILENT (\\Deleted)');
    other.c.send('b4 EXPUNGE');
    // Not yet told of the EXPUNGE (FETCH may not report it), this session already finds $ empty:
    // it hears only of the \Deleted flag the other session set.
    expect(lines(c.send('a7 FETCH $ UID'))).toEqual([
      '* 3 FETCH (FLAGS (\\Flagged \\Deleted \\Recent))',
      'a7 OK FETCH completed',
    ]);
  });

  it('a SAVE that fails with NO empties $; one that fails with BAD leaves it', () => {
    const { c } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    expect(c.send('a4 SEARCH RETURN (SAVE) BOGUSKEY')).toMatch(/^a4 BAD /);
    expect(lines(c.send('a5 SEARCH $'))).toEqual(['* SEARCH 2 4', 'a5 OK SEARCH completed']);
    expect(c.send('a6 SEARCH RETURN (SAVE) CHARSET KOI8-R ALL')).toBe(
      'a6 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset\r\n',
    );
    expect(lines(c.send('a7 SEARCH $'))).toEqual(['* SEARCH', 'a7 OK SEARCH completed']);
  });

  it('a search may use $ and save over it in the same command', () => {
    const { c } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    c.send('a4 STORE 4 +FLAGS.SILENT (\\Seen)');
    expect(c.send('a5 SEARCH RETURN (SAVE) $ UNSEEN')).toBe('a5 OK SEARCH completed\r\n');
    expect(lines(c.send('a6 SEARCH $'))).toEqual(['* SEARCH 2', 'a6 OK SEARCH completed']);
  });

  it('"1,$": numbers, then $ as the last element, names both (RFC 5182 §3, RFC 9051 §9 grammar)', () => {
    // sequence-set = (seq-number / seq-range) ["," sequence-set], and sequence-set =/ "$".
    const { c } = flagged();
    c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
    expect(lines(c.send('a4 FETCH 1,$ (UID)'))).toEqual([
      '* 1 FETCH (UID 1)',
      '* 2 FETCH (UID 2)',
      '* 4 FETCH (UID 4)',
      'a4 OK FETCH completed',
    ]);
    expect(lines(c.send('a5 UID FETCH 5:6,4,$ (FLAGS)'))[0]).toBe(
      '* 2 FETCH (UID 2 FLAGS (\\Flagged \\Recent))',
    );
    expect(lines(c.send('a6 SEARCH 1,$'))).toEqual(['* SEARCH 1 2 4', 'a6 OK SEARCH completed']);
    expect(lines(c.send('a7 UID SEARCH UID 6,$'))).toEqual(['* SEARCH 2 4 6', 'a7 OK UID SEARCH completed']);
    // An empty $ adds nothing.
    c.send('a8 SEARCH RETURN (SAVE) KEYWORD none');
    expect(lines(c.send('a9 SEARCH 3,$'))).toEqual(['* SEARCH 3', 'a9 OK SEARCH completed']);
  });

  it.each(['$,1', '1,$,2', '$:3', '3:$', '$1', '$$', '1,'])(
    '"%s" is BAD: $ is only a whole last element (RFC 5182 §3)',
    (set) => {
      const { c } = flagged();
      c.send('a3 SEARCH RETURN (SAVE) FLAGGED');
      expect(c.send(`a4 FETCH ${set} FLAGS`)).toMatch(/^a4 BAD /);
      expect(c.send(`a5 SEARCH ${set}`)).toMatch(/^a5 BAD /);
    },
  );

  it('an unknown return option is still BAD', () => {
    const { c } = imapSession({ select: true });
    expect(c.send('a3 SEARCH RETURN (KEEP) ALL')).toMatch(/^a3 BAD Unknown return option/);
  });
});

describe('explanations name $ as the saved result', () => {
  it.each([
    ['a3 FETCH $ FLAGS', 'the messages the last SEARCH saved ($)'],
    ['a3 UID STORE $ +FLAGS (\\Seen)', 'the messages the last SEARCH saved ($)'],
    ['a3 MOVE $ Trash', 'the messages the last SEARCH saved ($)'],
    ['a3 FETCH 1:2,$ FLAGS', 'messages 1:2, and the messages the last SEARCH saved ($)'],
    ['a3 SEARCH RETURN (SAVE) UNSEEN', 'keep the result on the server as "$"'],
  ])('%s', (line, words) => {
    const { c } = imapSession({ select: true });
    c.send(line);
    const sent = c.events.filter((e) => e.direction === 'c2s').at(-1);
    expect(sent?.explanation).toContain(words);
  });
});
