import { describe, expect, it } from 'vitest';
import { imapSession, lines } from '../testing';

/** RFC 3501 §6.3.3–6.3.5 (and its DELETE example): a name with inferiors outlives its mailbox. */
describe('DELETE, CREATE and RENAME in a hierarchy', () => {
  it('DELETE p while p/c exists keeps p as \\Noselect, listed by % and *', () => {
    const { c, server } = imapSession();
    c.send('a2 CREATE p/c');
    c.send('a3 APPEND p {15}\r\nSubject: x\r\n\r\nb');
    expect(c.send('a4 DELETE p')).toBe('a4 OK DELETE completed\r\n');
    expect(c.send('a5 LIST "" %')).toContain('* LIST (\\Noselect \\HasChildren) "/" p\r\n');
    expect(c.send('a6 LIST "" p*')).toBe(
      '* LIST (\\Noselect \\HasChildren) "/" p\r\n* LIST (\\HasNoChildren) "/" p/c\r\na6 OK LIST completed\r\n',
    );
    // Its messages are gone and it cannot be opened, appended to or asked about.
    expect(server.store.getAccount('student')!.getMailbox('p')).toBeUndefined();
    expect(c.send('a7 SELECT p')).toBe("a7 NO [NONEXISTENT] Mailbox doesn't exist: p\r\n");
    expect(c.send('a8 STATUS p (MESSAGES)')).toBe("a8 NO [NONEXISTENT] Mailbox doesn't exist: p\r\n");
    expect(c.send('a9 LIST "" p RETURN (STATUS (MESSAGES))')).toBe(
      '* LIST (\\Noselect \\HasChildren) "/" p\r\na9 OK LIST completed\r\n',
    );
  });

  it('a \\Noselect name with inferiors cannot be deleted; once they are gone it can', () => {
    const { c } = imapSession();
    c.send('a2 CREATE foo/bar');
    c.send('a3 DELETE foo');
    expect(c.send('a4 DELETE foo')).toBe(
      'a4 NO [HASCHILDREN] Name "foo" has inferior hierarchical names\r\n',
    );
    expect(c.send('a5 DELETE foo/bar')).toBe('a5 OK DELETE completed\r\n');
    // RFC 3501 §6.3.4's example: the \Noselect name stays until it is deleted itself.
    expect(c.send('a6 LIST "" *')).toContain('* LIST (\\Noselect \\HasNoChildren) "/" foo\r\n');
    expect(c.send('a7 DELETE foo')).toBe('a7 OK DELETE completed\r\n');
    expect(c.send('a8 LIST "" foo')).toBe('a8 OK LIST completed\r\n');
    expect(c.send('a9 DELETE foo')).toBe("a9 NO [NONEXISTENT] Mailbox doesn't exist: foo\r\n");
  });

  it('CREATE of a \\Noselect name makes it a mailbox again (it was not an extant mailbox)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE p/c');
    c.send('a3 DELETE p');
    expect(c.send('a4 CREATE p')).toBe('a4 OK CREATE completed\r\n');
    expect(c.send('a5 LIST "" p')).toBe('* LIST (\\HasChildren) "/" p\r\na5 OK LIST completed\r\n');
    expect(c.send('a6 SELECT p')).toContain('* 0 EXISTS\r\n');
    expect(c.send('a7 CREATE p')).toBe('a7 NO [ALREADYEXISTS] Mailbox already exists\r\n');
  });

  it('CREATE below a \\Noselect name leaves it \\Noselect', () => {
    const { c } = imapSession();
    c.send('a2 CREATE p/c');
    c.send('a3 DELETE p');
    expect(c.send('a4 CREATE p/d')).toBe('a4 OK CREATE completed\r\n');
    expect(c.send('a5 LIST "" p')).toBe(
      '* LIST (\\Noselect \\HasChildren) "/" p\r\na5 OK LIST completed\r\n',
    );
  });

  it('RENAME of a \\Noselect name moves it with its inferiors', () => {
    const { c } = imapSession();
    c.send('a2 CREATE p/c');
    c.send('a3 DELETE p');
    expect(c.send('a4 RENAME p q')).toBe('a4 OK RENAME completed\r\n');
    expect(lines(c.send('a5 LIST "" *')).filter((l) => /"[pq]/.test(l) || / [pq](\/|$)/.test(l))).toEqual([
      '* LIST (\\Noselect \\HasChildren) "/" q',
      '* LIST (\\HasNoChildren) "/" q/c',
    ]);
  });

  it('RENAME onto a \\Noselect name makes it that mailbox; onto a mailbox is refused', () => {
    const { c, server } = imapSession();
    c.send('a2 CREATE p/c');
    c.send('a3 DELETE p');
    c.send('a4 CREATE Work');
    c.send('a5 APPEND Work {15}\r\nSubject: x\r\n\r\nb');
    expect(c.send('a6 RENAME Work p')).toBe('a6 OK RENAME completed\r\n');
    expect(c.send('a7 LIST "" p')).toBe('* LIST (\\HasChildren) "/" p\r\na7 OK LIST completed\r\n');
    expect(server.store.getAccount('student')!.getMailbox('p')!.messages).toHaveLength(1);
    expect(c.send('a8 RENAME p p/c')).toBe('a8 NO [ALREADYEXISTS] Target mailbox already exists\r\n');
    expect(c.send('a9 RENAME Sent p/c')).toBe('a9 NO [ALREADYEXISTS] Target mailbox already exists\r\n');
  });

  it('RENAME keeps subscriptions by name: the old name stays subscribed', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Old');
    c.send('a3 SUBSCRIBE Old');
    c.send('a4 RENAME Old New');
    expect(c.send('a5 LSUB "" *')).toContain('* LSUB (\\Noselect) "/" Old\r\n');
  });
});
