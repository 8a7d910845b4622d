import { describe, expect, it } from 'vitest';
import { imapSession, lines } from '../testing';

/** RFC 3501 §6.3.6–6.3.9: the subscription list is a list of names, kept apart from the mailboxes. */
describe('SUBSCRIBE, UNSUBSCRIBE and LSUB', () => {
  it('INBOX and the provisioned special-use mailboxes start subscribed; a created mailbox does not', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Work');
    expect(lines(c.send('a3 LSUB "" *'))).toEqual([
      '* LSUB (\\HasNoChildren) "/" INBOX',
      '* LSUB (\\HasNoChildren) "/" Drafts',
      '* LSUB (\\HasNoChildren) "/" Sent',
      '* LSUB (\\HasNoChildren) "/" Trash',
      'a3 OK LSUB completed',
    ]);
    expect(c.send('a4 SUBSCRIBE Work')).toBe('a4 OK SUBSCRIBE completed\r\n');
    expect(c.send('a5 LSUB "" Work')).toBe('* LSUB (\\HasNoChildren) "/" Work\r\na5 OK LSUB completed\r\n');
  });

  it('SUBSCRIBE of a name that is no mailbox is refused and changes nothing', () => {
    const { c, server } = imapSession();
    expect(c.send('a2 SUBSCRIBE Nope')).toBe("a2 NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n");
    expect(server.store.getAccount('student')!.subscriptions.has('Nope')).toBe(false);
  });

  it('DELETE keeps the subscription; LSUB still lists it, as \\Noselect (RFC 3501 §6.3.6)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Work');
    c.send('a3 SUBSCRIBE Work');
    expect(c.send('a4 DELETE Work')).toBe('a4 OK DELETE completed\r\n');
    expect(c.send('a5 LSUB "" Work')).toBe('* LSUB (\\Noselect) "/" Work\r\na5 OK LSUB completed\r\n');
    // IMAP4rev2's form: LIST (SUBSCRIBED) marks it \NonExistent (RFC 9051 §7.3.1, RFC 5258 §3.1).
    expect(c.send('a6 LIST (SUBSCRIBED) "" Work')).toBe(
      '* LIST (\\NonExistent \\Subscribed) "/" Work\r\na6 OK LIST completed\r\n',
    );
    // A plain LIST lists only what exists.
    expect(c.send('a7 LIST "" Work')).toBe('a7 OK LIST completed\r\n');
    // Re-created, it is subscribed again at once.
    c.send('a8 CREATE Work');
    expect(c.send('a9 LSUB "" Work')).toBe('* LSUB (\\HasNoChildren) "/" Work\r\na9 OK LSUB completed\r\n');
  });

  it('UNSUBSCRIBE of a name that no longer exists is allowed (RFC 3501 §6.3.7)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Work');
    c.send('a3 SUBSCRIBE Work');
    c.send('a4 DELETE Work');
    expect(c.send('a5 UNSUBSCRIBE Work')).toBe('a5 OK UNSUBSCRIBE completed\r\n');
    expect(c.send('a6 LSUB "" *')).not.toContain('Work');
    // Already off the list: still OK, nothing changes (Dovecot answers the same).
    expect(c.send('a7 UNSUBSCRIBE Work')).toBe('a7 OK UNSUBSCRIBE completed\r\n');
  });

  it('LSUB "" "%" lists the unsubscribed parent of a subscribed child with \\Noselect (RFC 3501 §6.3.9)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE foo/bar');
    c.send('a3 SUBSCRIBE foo/bar');
    const reply = lines(c.send('a4 LSUB "" %'));
    expect(reply).toContain('* LSUB (\\Noselect) "/" foo');
    expect(reply.join('\n')).not.toContain('foo/bar');
    // "*" reaches the child itself, and the parent is not subscribed: only the child.
    const all = lines(c.send('a5 LSUB "" *'));
    expect(all).toContain('* LSUB (\\HasNoChildren) "/" foo/bar');
    expect(all.join('\n')).not.toMatch(/"\/" foo$/m);
    // Once the parent is subscribed itself, "%" lists it as it is.
    c.send('a6 SUBSCRIBE foo');
    expect(c.send('a7 LSUB "" %')).toContain('* LSUB (\\HasChildren) "/" foo\r\n');
  });

  it('INBOX is subscribed case-insensitively; a LIST (SUBSCRIBED) pattern matches it too', () => {
    const { c } = imapSession();
    expect(c.send('a2 UNSUBSCRIBE inbox')).toBe('a2 OK UNSUBSCRIBE completed\r\n');
    expect(c.send('a3 LSUB "" INBOX')).toBe('a3 OK LSUB completed\r\n');
    c.send('a4 SUBSCRIBE Inbox');
    expect(c.send('a5 LIST (SUBSCRIBED) "" inbox')).toBe(
      '* LIST (\\HasNoChildren \\Subscribed) "/" INBOX\r\na5 OK LIST completed\r\n',
    );
  });
});

/** RFC 5258 §3.1 and §4: the IMAP4rev2 way to see the same things as LSUB "" %. */
describe('LIST (SUBSCRIBED RECURSIVEMATCH) and (SPECIAL-USE)', () => {
  it('lists the unsubscribed parent of a subscribed child with CHILDINFO, a subscribed parent too', () => {
    const { c } = imapSession();
    c.send('a2 CREATE foo/bar');
    c.send('a3 SUBSCRIBE foo/bar');
    expect(
      lines(c.send('a4 LIST (SUBSCRIBED RECURSIVEMATCH) "" %')).filter((l) => l.includes('foo')),
    ).toEqual(['* LIST (\\HasChildren) "/" foo ("CHILDINFO" ("SUBSCRIBED"))']);
    // Without RECURSIVEMATCH, "%" finds no subscribed name at that level.
    expect(c.send('a5 LIST (SUBSCRIBED) "" %')).not.toContain('foo');
    c.send('a6 SUBSCRIBE foo');
    expect(c.send('a7 LIST (SUBSCRIBED RECURSIVEMATCH) "" foo')).toBe(
      '* LIST (\\HasChildren \\Subscribed) "/" foo ("CHILDINFO" ("SUBSCRIBED"))\r\na7 OK LIST completed\r\n',
    );
  });

  it('RECURSIVEMATCH without SUBSCRIBED is BAD (RFC 5258 §3.1)', () => {
    const { c } = imapSession();
    expect(c.send('a2 LIST (RECURSIVEMATCH) "" *')).toBe(
      'a2 BAD RECURSIVEMATCH must be used together with SUBSCRIBED\r\n',
    );
    expect(c.send('a3 LIST (REMOTE RECURSIVEMATCH) "" *')).toMatch(/^a3 BAD /);
  });

  it('(SPECIAL-USE) lists only the special-use mailboxes (RFC 6154 §2)', () => {
    const { c } = imapSession();
    c.send('a2 CREATE Work');
    expect(lines(c.send('a3 LIST (SPECIAL-USE) "" *'))).toEqual([
      '* LIST (\\HasNoChildren \\Drafts) "/" Drafts',
      '* LIST (\\HasNoChildren \\Sent) "/" Sent',
      '* LIST (\\HasNoChildren \\Trash) "/" Trash',
      'a3 OK LIST completed',
    ]);
  });
});
