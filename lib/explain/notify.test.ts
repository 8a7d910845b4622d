import { describe, expect, it } from 'vitest';
import { MAX_WATCHED_MAILBOXES } from '../imap/extensions/notify/watch';
import { connectImap, imapSession } from '../imap/testing';
import type { SessionEvent } from '../session/types';
import { explainRecord, explainWire, type WireRecord } from '.';

/** The session's wire units as the transcript records them. */
function records(events: readonly SessionEvent[]): WireRecord[] {
  return events
    .filter((e) => e.raw !== '')
    .map((e) => ({
      protocol: 'imap',
      device: 'laptop',
      direction: e.direction,
      display: e.masked ?? e.raw,
      command: e.command ?? null,
      stateBefore: e.stateBefore ?? null,
      explanation: e.explanation ?? null,
      rfc: e.rfc ?? null,
    }));
}

/** Every line of a NOTIFY session, explained in the context a transcript reader has. */
function explainedSession() {
  const { c, server } = imapSession({ select: true });
  const account = server.store.getAccount('student')!;
  const other = connectImap(server);
  other.send('o1 LOGIN student secret');
  c.send('a3 CAPABILITY');
  c.send(
    'a4 NOTIFY SET (selected (MessageNew MessageExpunge)) (personal (MessageNew MessageExpunge AnnotationChange))',
  );
  c.send(
    'a5 NOTIFY SET STATUS (selected (MessageNew (UID) MessageExpunge FlagChange)) (personal (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange))',
  );
  other.send('o2 CREATE Projects');
  other.send('o3 RENAME Projects Work');
  other.send('o4 UNSUBSCRIBE Sent');
  other.send('o5 COPY 1 Sent');
  other.send('o6 SELECT INBOX');
  other.send('o7 COPY 1 Sent');
  other.send('o7a SELECT Sent');
  other.send('o7b STORE 1 +FLAGS (\\Seen)');
  other.send('o7c STORE 1 +FLAGS.SILENT (\\Deleted)');
  other.send('o7d EXPUNGE');
  other.send('o8 DELETE Work');
  server.store.deliver('student', 'Subject: Hi\r\n\r\nHello\r\n');
  for (let i = account.mailboxes.size; i <= MAX_WATCHED_MAILBOXES; i++) account.createMailbox(`Box${i}`);
  c.send('a6 NOOP');
  c.send('a7 NOTIFY SET (personal (MessageNew MessageExpunge))');
  const list = records(c.events);
  return list.map((r, i) => ({ line: r.display!, x: explainRecord(r, list.slice(0, i)) }));
}

/** The lines from the first NOTIFY on (the login and SELECT before it are not NOTIFY's). */
function fromNotify(all: ReturnType<typeof explainedSession>) {
  return all.slice(all.findIndex((l) => l.line.startsWith('a4 NOTIFY')));
}

describe('NOTIFY lines are explained (RFC 5465)', () => {
  const all = explainedSession();
  const find = (start: string) => all.find((l) => l.line.startsWith(start))!;

  it('every line and token has an explanation the explainer knows', () => {
    for (const { line, x } of fromNotify(all)) {
      expect(x.explanation, line).toBeTruthy();
      expect(x.explanation, line).not.toMatch(/does not know/);
      for (const t of x.tokens) expect(t.explanation, `${line}: ${t.text}`).not.toMatch(/does not know/);
    }
  });

  it('the command, the capability and the response codes cite RFC 5465', () => {
    expect(find('a5 NOTIFY').x.explanation).toMatch(/^from now on, report unasked: /);
    expect(find('* CAPABILITY').x.tokens.find((t) => t.text === 'NOTIFY')!.rfc).toBe('RFC 5465 §3');
    const badEvent = find('a4 NO [BADEVENT');
    expect(badEvent.x.tokens.find((t) => t.text.startsWith('[BADEVENT'))!.rfc).toBe('RFC 5465 §3.1');
    // The untagged OK that ends notifications is §5.8's; the tagged NO that refuses a NOTIFY,
    // §3.1's ("the server MAY refuse the command with a tagged NO [NOTIFICATIONOVERFLOW] response").
    const overflow = find('* OK [NOTIFICATIONOVERFLOW]').x.tokens.find((t) =>
      t.text.startsWith('[NOTIFICATIONOVERFLOW'),
    )!;
    expect(overflow.rfc).toBe('RFC 5465 §5.8');
    expect(overflow.explanation).toMatch(/stopped notifications/);
    const refused = find('a7 NO [NOTIFICATIONOVERFLOW]').x.tokens.find((t) =>
      t.text.startsWith('[NOTIFICATIONOVERFLOW'),
    )!;
    expect(refused.rfc).toBe('RFC 5465 §3.1');
    expect(refused.explanation).toMatch(/so it was refused, and what was asked before still holds/);
  });

  it('STATUS before NOTIFY’s OK is its first counts (§3.1); a later one is news (§5.1–§5.3)', () => {
    expect(find('* STATUS Drafts').x.rfc).toBe('RFC 5465 §3.1');
    // MESSAGES and UIDNEXT: new messages (§5.2) or expunged ones (§5.3); the line cannot tell.
    const news = find('* STATUS Sent (MESSAGES 1 UIDNEXT 2)');
    expect(news.x.rfc).toBe('RFC 5465 §5.2, §5.3');
    expect(news.x.tokens[1]!.explanation).toMatch(/^STATUS: news, unasked/);
    expect(find('* STATUS Sent (MESSAGES 0 UIDNEXT 2)').x.rfc).toBe('RFC 5465 §5.2, §5.3');
    // A flag change that touched \Seen, without CONDSTORE: UNSEEN only (§5.1).
    expect(find('* STATUS Sent (UNSEEN 0)').x.rfc).toBe('RFC 5465 §5.1');
  });

  it('a FETCH pushed after NOTIFY SET is news it asked for (§5.1, §5.2)', () => {
    expect(find('* 7 FETCH (UID 7)').x.explanation).toMatch(
      /FlagChange, RFC 5465 §5\.1\), or the message is new/,
    );
  });

  it('LIST news: created, renamed (OLDNAME), deleted, subscription changed (§5.4, §5.5)', () => {
    // A plain LIST is a creation (§5.4) or a subscription change (§5.5): the line cannot tell.
    const created = find('* LIST (\\HasNoChildren) "/" Projects');
    expect(created.x.rfc).toBe('RFC 5465 §5.4, §5.5');
    expect(created.x.tokens.find((t) => t.text === 'LIST')!.rfc).toBe('RFC 5465 §5.4, §5.5');
    const renamed = find('* LIST (\\HasNoChildren) "/" Work ("OLDNAME"');
    expect(renamed.x.explanation).toBe('The mailbox "Projects" is now called "Work".');
    expect(renamed.x.tokens.find((t) => t.text === '("OLDNAME" (Projects))')!.rfc).toBe('RFC 5465 §5.4');
    expect(find('* LIST (\\NonExistent) "/" Work').x.explanation).toMatch(/is no longer a mailbox/);
    expect(find('* LIST (\\HasNoChildren \\Sent) "/" Sent').x.explanation).toMatch(/subscription changed/);
  });
});

describe('NOTIFY’s arguments are explained (RFC 5465 §3.1, §5, §6)', () => {
  const c2s = (raw: string) =>
    explainWire({ protocol: 'imap', direction: 'c2s', raw, command: 'NOTIFY', commandRfc: 'RFC 5465 §3.1' });
  const token = (x: ReturnType<typeof c2s>, text: string) => x.tokens.find((t) => t.text === text)!;

  it('SET, STATUS and each event group: what the filter covers (§6) and which events (§5)', () => {
    const x = c2s(
      'a1 NOTIFY SET STATUS (selected-delayed (MessageNew (UID FLAGS) MessageExpunge)) (inboxes (MessageNew MessageExpunge)) (mailboxes (Sent Drafts) (MailboxName)) (subtree Archive NONE)\r\n',
    );
    expect(token(x, 'SET').explanation).toMatch(/in place of any earlier NOTIFY/);
    expect(token(x, 'STATUS').explanation).toMatch(
      /send a STATUS of each mailbox other than the selected one that is watched for message events/,
    );
    const selected = token(x, '(selected-delayed (MessageNew (UID FLAGS) MessageExpunge))');
    expect(selected.rfc).toBe('RFC 5465 §6.1');
    expect(selected.explanation).toMatch(
      /expunges wait for a command .*: report new messages, each followed by a FETCH of UID FLAGS; expunged messages\.$/,
    );
    // §6.3 is the protocol; "INBOX alone" is this server's delivery, and the words say so.
    const inboxes = token(x, '(inboxes (MessageNew MessageExpunge))');
    expect(inboxes.rfc).toBe('RFC 5465 §6.3');
    expect(inboxes.explanation).toMatch(/mail may be delivered to; on this server INBOX alone/);
    expect(token(x, '(mailboxes (Sent Drafts) (MailboxName))').explanation).toMatch(
      /exactly the mailboxes named \(no wildcards\) \(Sent Drafts\): report mailboxes created, deleted or renamed/,
    );
    expect(token(x, '(subtree Archive NONE)').explanation).toMatch(
      /below them \(Archive\): no events \(NONE\)/,
    );
  });

  it('NOTIFICATIONOVERFLOW: a refused NOTIFY leaves the earlier one (§3.1); an untagged OK ends news (§5.8)', () => {
    const s2c = (raw: string, command?: string) =>
      explainWire({ protocol: 'imap', direction: 's2c', raw, ...(command ? { command } : {}) });
    const code = (x: ReturnType<typeof s2c>) => x.tokens.find((t) => t.text === '[NOTIFICATIONOVERFLOW')!;
    const refused = s2c(
      'a1 NO [NOTIFICATIONOVERFLOW] Too many mailboxes to watch (201, limit 200)\r\n',
      'NOTIFY',
    );
    expect(refused.explanation).toMatch(/so it was refused, and what was asked before still holds/);
    expect(code(refused).rfc).toBe('RFC 5465 §3.1');
    const ended = s2c('* OK [NOTIFICATIONOVERFLOW] Too many notifications\r\n', 'NOOP');
    expect(ended.explanation).toMatch(/stopped notifications \(as after NOTIFY NONE\)/);
    expect(code(ended).rfc).toBe('RFC 5465 §5.8');
  });

  it('NONE turns news off', () => {
    const x = c2s('a2 NOTIFY NONE\r\n');
    expect(token(x, 'NONE').explanation).toMatch(
      /^NONE: the client is “not interested in any kind of event”: no more news unasked/,
    );
    expect(token(x, 'NONE').rfc).toBe('RFC 5465 §3.1');
  });
});
