import { describe, expect, it } from 'vitest';
import { connectImap, imapSession } from '../imap/testing';
import type { SessionEvent } from '../session/types';
import { explainRecord, explainWire, type WireRecord, type WireUnit } from '.';
import { citationsIn, sectionExists } from './rfc-sections';

/**
 * IMAP extension lines read against their RFCs (RFC 7162, 5267, 5465, 6154, 6851, 9208, 8438,
 * 5256, 2971): what a student reads, and the section cited. An extension's item cites the
 * extension in an IMAP4rev1 session, not RFC 3501, which does not define it.
 */
const s2c = (raw: string, extra: Partial<WireUnit> = {}) =>
  explainWire({ protocol: 'imap', direction: 's2c', raw: raw + '\r\n', rev2: false, ...extra });
const c2s = (raw: string, extra: Partial<WireUnit> = {}) =>
  explainWire({ protocol: 'imap', direction: 'c2s', raw: raw + '\r\n', rev2: false, ...extra });
const tokenOf = (e: ReturnType<typeof explainWire>, text: string) => e.tokens.find((t) => t.text === text);

/** The session's wire units as the transcript records them, each explained in its context. */
function explained(events: readonly SessionEvent[]) {
  const list: WireRecord[] = events
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
  return list.map((r, i) => ({
    line: r.display!.replace(/\r\n$/, ''),
    x: explainRecord(r, list.slice(0, i)),
  }));
}

describe('STORE and FETCH modifiers are not data items (RFC 7162 §3.1.3, §3.1.4.1, §3.2.6)', () => {
  it('UID STORE with (UNCHANGEDSINCE n): the modifier, then the mode, then the flags', () => {
    const e = c2s('a4 UID STORE 1:2 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen)', { command: 'UID STORE' });
    const modifier = tokenOf(e, 'UNCHANGEDSINCE 7')!;
    expect(modifier.explanation).toMatch(
      /^UNCHANGEDSINCE 7: a STORE modifier \(CONDSTORE\): store only on the messages whose mod-sequence is still at most 7 .*the others are not changed, and the tagged reply names them in \[MODIFIED\]/,
    );
    expect(modifier.rfc).toBe('RFC 7162 §3.1.3');
    const mode = tokenOf(e, '+FLAGS.SILENT')!;
    expect(mode.explanation).toMatch(/^\+FLAGS\.SILENT: add these flags, keeping the others; \.SILENT/);
    expect(mode.explanation).toMatch(/still reported, with its new mod-sequence/);
    expect(mode.rfc).toBe('RFC 3501 §6.4.6');
    expect(tokenOf(e, '\\Seen')!.explanation).toMatch(/has been read/);
    expect(JSON.stringify(e.tokens)).not.toMatch(/replace all flags|a keyword/);
  });

  it('FETCH with one item and a modifier list: the list is modifiers, each cited to its RFC', () => {
    const one = c2s('a6 FETCH 1 FLAGS (CHANGEDSINCE 1)');
    expect(tokenOf(one, 'FLAGS')!.rfc).toBe('RFC 3501 §6.4.5');
    const changed = tokenOf(one, 'CHANGEDSINCE 1')!;
    expect(changed.explanation).toMatch(
      /a FETCH modifier \(CONDSTORE\): answer only for the messages .* greater than 1/,
    );
    expect(changed.rfc).toBe('RFC 7162 §3.1.4.1');
    expect(JSON.stringify(one.tokens)).not.toMatch(/a FETCH data item/);
    const both = c2s('a7 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 9 VANISHED)', { command: 'UID FETCH' });
    expect(tokenOf(both, 'CHANGEDSINCE 9')!.rfc).toBe('RFC 7162 §3.1.4.1');
    expect(tokenOf(both, 'VANISHED')!.explanation).toMatch(
      /UID FETCH modifier \(QRESYNC\), only with CHANGEDSINCE/,
    );
    expect(tokenOf(both, 'VANISHED')!.rfc).toBe('RFC 7162 §3.2.6');
    expect(
      tokenOf(c2s('a8 UID FETCH 1:* (FLAGS) (PARTIAL -1:-5)', { command: 'UID FETCH' }), 'PARTIAL -1:-5')!
        .rfc,
    ).toBe('RFC 9394 §3.3');
  });

  it('the MODSEQ FETCH item is CONDSTORE’s (RFC 7162 §3.1.4.2), not RFC 3501 §6.4.5', () => {
    for (const rev2 of [false, true]) {
      const t = tokenOf(c2s('a3 FETCH 1 (MODSEQ FLAGS)', { rev2 }), 'MODSEQ')!;
      expect(t.rfc).toBe('RFC 7162 §3.1.4.2');
      expect(t.explanation).toMatch(
        /mod-sequence, the number of its last change \(CONDSTORE, not the base protocol\)/,
      );
    }
  });
});

describe('FETCH after a conditional .SILENT STORE (RFC 7162 §3.1.3, §3.2.4)', () => {
  it('carries no flags: it reports the new mod-sequence, as UNCHANGEDSINCE requires', () => {
    const e = s2c('* 1 FETCH (UID 1 MODSEQ (9))', {
      command: 'STORE',
      commandLine: 'a4 STORE 1:2 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen)',
    });
    expect(e.explanation).not.toMatch(/the flags as they are after the STORE/);
    expect(e.explanation).toMatch(
      /the conditional STORE \(UNCHANGEDSINCE\) changed this message, so a FETCH with its new mod-sequence must follow, even though \.SILENT asked for no flags back/,
    );
    expect(e.explanation).toMatch(
      /its UID is there because a server offering QRESYNC, as this one does, must add UID/,
    );
    expect(e.rfc).toBe('RFC 3501 §7.4.2; RFC 7162 §3.1.3, §3.2.4');
  });

  it('in a session: UID STORE’s FETCH carries UID by RFC 3501 §6.4.8, so only §3.1.3 is cited', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 FETCH 1 (MODSEQ)');
    c.send('a4 UID STORE 1:2 (UNCHANGEDSINCE 100) +FLAGS.SILENT (\\Seen)');
    const fetch = explained(c.events).find((l) => l.line === '* 1 FETCH (UID 1 MODSEQ (8))')!;
    expect(fetch.x.explanation).toMatch(/must follow, even though \.SILENT asked for no flags back\.$/);
    expect(fetch.x.rfc).toBe('RFC 3501 §7.4.2; RFC 7162 §3.1.3');
  });
});

describe('ESEARCH without data, and live-search updates (RFC 5267 §4.3)', () => {
  it('SEARCH or SORT RETURN (UPDATE) alone: no data was asked for, not “no match”', () => {
    const search = s2c('* ESEARCH (TAG "a5")', {
      command: 'SEARCH',
      commandLine: 'a5 SEARCH RETURN (UPDATE) ALL',
    });
    expect(search.explanation).toMatch(
      /^No result data: the SEARCH asked only for UPDATE, not for MIN, MAX, ALL, COUNT or PARTIAL, so this line carries none; it does not mean that no message matches\. The changes to the result will follow, unasked, as ADDTO and REMOVEFROM\.$/,
    );
    expect(search.rfc).toBe('RFC 5267 §4.3');
    const sort = s2c('* ESEARCH (TAG "a6") UID', {
      command: 'UID SORT',
      commandLine: 'a6 UID SORT RETURN (UPDATE) (DATE) UTF-8 ALL',
    });
    expect(sort.explanation).toMatch(/^No result data: the SORT asked only for UPDATE/);
    // MIN asked for and nothing found: that is no match.
    const none = s2c('* ESEARCH (TAG "a7")', {
      command: 'SEARCH',
      commandLine: 'a7 SEARCH RETURN (MIN) DELETED',
    });
    expect(none.explanation).toBe('Search results: no message matches.');
    expect(none.rfc).toBe('RFC 4731 §3.1');
  });

  it('an ADDTO sent during NOOP updates the live result of the search tagged X, SEARCH or SORT', () => {
    const e = s2c('* ESEARCH (TAG "a6") UID ADDTO (7 7)', { command: 'NOOP', commandLine: 'a8 NOOP' });
    expect(tokenOf(e, 'ESEARCH')!.explanation).toMatch(
      /^ESEARCH: an update, sent unasked, to the live result of the SEARCH or SORT tagged "a6", which asked for RETURN \(UPDATE\); such updates may come at any time, even with no command in progress/,
    );
    expect(tokenOf(e, 'ESEARCH')!.rfc).toBe('RFC 5267 §4.3, §4.3.2');
    expect(tokenOf(e, '(TAG "a6")')!.explanation).toMatch(
      /whose live result this changes, not of the command in progress/,
    );
    expect(e.explanation).toMatch(
      /^An unasked update to the live result of the SEARCH or SORT tagged "a6" \(as UIDs\): added 7 at position 7\./,
    );
    expect(e.rfc).toBe('RFC 5267 §4.3, §4.3.2');
    expect(JSON.stringify(e)).not.toMatch(/in compact form|the tag of the SEARCH this answers|RFC 4731/);
  });
});

describe('EXPUNGE under NOTIFY (RFC 5465 §5.3)', () => {
  it('with no command in progress after NOTIFY SET (selected (… MessageExpunge)), the client asked for it', () => {
    const { c, server } = imapSession({ select: true });
    const other = connectImap(server);
    other.send('o1 LOGIN student secret');
    other.send('o2 SELECT INBOX');
    c.send('a3 NOTIFY SET (selected (MessageNew MessageExpunge))');
    other.send('o3 STORE 2 +FLAGS.SILENT (\\Deleted)');
    other.send('o4 EXPUNGE');
    const expunge = explained(c.events).find((l) => l.line === '* 2 EXPUNGE')!;
    expect(expunge.x.explanation).not.toMatch(/did not ask/);
    expect(expunge.x.explanation).toMatch(
      /reports it at once, with no command in progress, because the client asked for that with NOTIFY \(MessageExpunge for the selected mailbox\)/,
    );
    expect(expunge.x.rfc).toBe('RFC 3501 §7.4.1; RFC 5465 §5.3');
  });
});

describe('VANISHED (EARLIER) (RFC 7162 §3.2.10.1, §3.2.6)', () => {
  it('UIDs of the client’s set that are gone: no count change, may repeat or never have existed', () => {
    const e = s2c('* VANISHED (EARLIER) 300:310,405', {
      command: 'UID FETCH',
      commandLine: 's100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)',
    });
    expect(e.explanation).toMatch(
      /^UIDs 300:310,405 are not in this mailbox now: of the UIDs the client named in the UID FETCH \(VANISHED\), these were expunged .* since the mod-sequence it gave/,
    );
    expect(e.explanation).toMatch(/does not lower the message count/);
    expect(e.explanation).toMatch(
      /may repeat UIDs the client already knew were gone or name UIDs that never existed/,
    );
    expect(e.explanation).not.toMatch(/while the client was not looking|since the client last synchronized/);
    expect(e.rfc).toBe('RFC 7162 §3.2.10.1; RFC 7162 §3.2.6');
    expect(tokenOf(e, '(EARLIER)')!.explanation).toMatch(/must not lower its message count/);
  });
});

describe('STATUS items cite what defines them (RFC 7162 §3.1.7, RFC 9208 §4.1.4, RFC 8438 §3)', () => {
  it.each([
    ['HIGHESTMODSEQ', 'RFC 7162 §3.1.7', 'RFC 7162 §3.1.7'],
    ['DELETED-STORAGE', 'RFC 9208 §4.1.4', 'RFC 9208 §4.1.4'],
    ['DELETED', 'RFC 9208 §4.1.4', 'RFC 9051 §6.3.11'],
    ['SIZE', 'RFC 8438 §3', 'RFC 9051 §6.3.11'],
    ['MESSAGES', 'RFC 3501 §6.3.10', 'RFC 9051 §6.3.11'],
  ])('%s: %s in IMAP4rev1, %s in IMAP4rev2', (item, rev1, rev2) => {
    expect(tokenOf(c2s(`a1 STATUS Sent (${item})`), item)!.rfc).toBe(rev1);
    expect(tokenOf(c2s(`a1 STATUS Sent (${item})`, { rev2: true }), item)!.rfc).toBe(rev2);
    const answer = s2c(`* STATUS Sent (${item} 4)`, { command: 'STATUS' });
    expect(tokenOf(answer, `${item} 4`)!.rfc).toBe(rev1);
    expect(
      tokenOf(s2c(`* STATUS Sent (${item} 4)`, { command: 'STATUS', rev2: true }), `${item} 4`)!.rfc,
    ).toBe(rev2);
  });

  it('says which is protocol and which this server’s choice', () => {
    const e = c2s('a1 STATUS Sent (HIGHESTMODSEQ DELETED SIZE)');
    expect(tokenOf(e, 'HIGHESTMODSEQ')!.explanation).toMatch(
      /an item of CONDSTORE .*not of the base protocol/,
    );
    expect(tokenOf(e, 'DELETED')!.explanation).toMatch(
      /RFC 3501 has no such item: in IMAP4rev1 it is QUOTA’s/,
    );
    expect(tokenOf(e, 'SIZE')!.explanation).toMatch(
      /STATUS=SIZE extension’s \(RFC 8438 §3\), which this server does not advertise; it answers SIZE anyway because IMAP4rev2’s STATUS has it/,
    );
  });
});

describe('search keys and LIST options of extensions', () => {
  it('MODSEQ in SEARCH is CONDSTORE’s key (RFC 7162 §3.1.5), with its value', () => {
    for (const rev2 of [false, true]) {
      const e = c2s('a7 SEARCH MODSEQ 3', { rev2 });
      expect(tokenOf(e, 'MODSEQ')!.rfc).toBe('RFC 7162 §3.1.5');
      expect(tokenOf(e, 'MODSEQ')!.explanation).toMatch(
        /a search key of CONDSTORE, not of the base protocol/,
      );
      expect(tokenOf(e, '3')!.explanation).toBe('3: the mod-sequence to compare against.');
      expect(tokenOf(e, '3')!.rfc).toBe('RFC 7162 §3.1.5');
    }
  });

  it('"$" in SEARCH is SEARCHRES’s saved result: RFC 5182 §2.1, IMAP4rev2’s own in RFC 9051 §6.4.4', () => {
    const rev1 = tokenOf(c2s('a2 SEARCH $ UNSEEN'), '$')!;
    expect(rev1.explanation).toMatch(/the result the last SEARCH RETURN \(SAVE\) kept/);
    expect(rev1.rfc).toBe('RFC 5182 §2.1');
    expect(tokenOf(c2s('a2 SEARCH $ UNSEEN', { rev2: true }), '$')!.rfc).toBe('RFC 9051 §6.4.4');
  });

  it('SPECIAL-USE as a LIST selection or return option is RFC 6154 §2’s, in both revisions', () => {
    for (const rev2 of [false, true]) {
      const e = c2s('a9 LIST (SPECIAL-USE) "" "*" RETURN (SPECIAL-USE STATUS (MESSAGES))', { rev2 });
      const [select, ret] = e.tokens.filter((t) => t.text === 'SPECIAL-USE');
      expect(select!.rfc).toBe('RFC 6154 §2');
      expect(select!.explanation).toMatch(/list only the mailboxes that have a special use/);
      expect(ret!.rfc).toBe('RFC 6154 §2');
      expect(tokenOf(e, 'STATUS (MESSAGES)')!.rfc).toBe(rev2 ? 'RFC 9051 §6.3.9' : 'RFC 5819 §2');
    }
    expect(tokenOf(c2s('a9 LIST (SUBSCRIBED) "" "*"'), 'SUBSCRIBED')!.rfc).toBe('RFC 5258 §3.1');
  });
});

describe('response codes and capabilities', () => {
  it('COPYUID in an untagged OK during MOVE: RFC 6851 §4.3 (IMAP4rev2: RFC 9051 §6.4.8)', () => {
    const raw = '* OK [COPYUID 1700000001 1 1] Moved';
    const rev1 = s2c(raw, { command: 'MOVE' });
    expect(rev1.rfc).toBe('RFC 6851 §4.3');
    expect(rev1.explanation).toMatch(
      /before the EXPUNGE responses, .*as the MOVE extension advises a server with UIDPLUS to do/,
    );
    const rev2 = s2c(raw, { command: 'UID MOVE', rev2: true });
    expect(rev2.rfc).toBe('RFC 9051 §6.4.8');
    expect(rev2.explanation).toMatch(/as IMAP4rev2 requires of MOVE/);
    // In COPY's tagged OK it is UIDPLUS's (RFC 4315 §3).
    expect(s2c('a1 OK [COPYUID 1700000001 1 1] Copied', { command: 'COPY' }).rfc).toBe('RFC 4315 §3');
  });

  it('ID capability: “for statistics and problem determination only” is RFC 2971 §3', () => {
    const t = tokenOf(s2c('* CAPABILITY IMAP4rev1 ID'), 'ID')!;
    expect(t.explanation).toMatch(/for statistics and problem determination only/);
    expect(t.rfc).toBe('RFC 2971 §3');
  });

  it('HIGHESTMODSEQ and NOUPDATE say what is this server’s and what the RFC’s', () => {
    const h = s2c('* OK [HIGHESTMODSEQ 7] Highest', { command: 'SELECT' });
    expect(h.explanation).toMatch(
      /on this server every change \(new mail, a flag change, an expunge\) raises it/,
    );
    expect(h.explanation).toMatch(/raising it for an expunge is what QRESYNC requires \(RFC 7162 §3\.2\)/);
    expect(h.rfc).toBe('RFC 7162 §3.1.2.1');
    const n = s2c('* NO [NOUPDATE "b7"] Too many searches with updates', { command: 'SEARCH' });
    expect(n.explanation).not.toMatch(/it holds too many live searches/);
    expect(n.explanation).toMatch(
      /RFC 5267 §4\.3\.1 lets a server refuse, for instance at a limit of its own; this server refuses when/,
    );
    expect(tokenOf(n, '[NOUPDATE')!.rfc).toBe('RFC 5267 §4.3.1');
  });
});

describe('NOTIFY SET STATUS and THREAD (RFC 5465 §3.1, RFC 5256 §3)', () => {
  it('STATUS: a first STATUS only for mailboxes watched for message events, as the server sends', () => {
    const t = tokenOf(
      c2s('a5 NOTIFY SET STATUS (personal (MessageNew MessageExpunge)) (subscribed (MailboxName))'),
      'STATUS',
    )!;
    expect(t.explanation).toMatch(/watched for message events \(MessageNew, MessageExpunge, FlagChange\)/);
    expect(t.explanation).toMatch(/a mailbox watched only for name or subscription changes gets none/);
    expect(t.rfc).toBe('RFC 5465 §3.1');
    // The server does as the words say: no STATUS for a mailbox watched only for MailboxName.
    const { c } = imapSession();
    const reply = c.send(
      'a5 NOTIFY SET STATUS (mailboxes Sent (MessageNew MessageExpunge)) (mailboxes Trash (MailboxName))',
    );
    expect(reply).toMatch(/\* STATUS Sent \(/);
    expect(reply).not.toMatch(/\* STATUS Trash/);
  });

  it('ORDEREDSUBJECT children are later messages of the same base subject, not answers', () => {
    const e = s2c('* THREAD (2 (3)(5))(4)', {
      command: 'THREAD',
      commandLine: 'a1 THREAD ORDEREDSUBJECT UTF-8 ALL',
    });
    const group = tokenOf(e, '(2 (3)(5))')!;
    expect(group.explanation).toMatch(/the later messages with the same base subject \(its children/);
    expect(group.explanation).not.toMatch(/messages that answer it/);
    expect(group.rfc).toBe('RFC 5256 §3');
    const refs = s2c('* THREAD (2 (3)(5))(4)', {
      command: 'THREAD',
      commandLine: 'a1 THREAD REFERENCES UTF-8 ALL',
    });
    expect(tokenOf(refs, '(2 (3)(5))')!.explanation).toMatch(/the messages that answer it/);
  });
});

describe('every section cited by these lines exists', () => {
  it('in rfc-sections', () => {
    const lines = [
      c2s('a4 UID STORE 1:2 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen)', { command: 'UID STORE' }),
      c2s('a7 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 9 VANISHED)', { command: 'UID FETCH' }),
      c2s('a1 STATUS Sent (HIGHESTMODSEQ DELETED DELETED-STORAGE SIZE)'),
      c2s('a9 LIST (SPECIAL-USE) "" "*" RETURN (SPECIAL-USE STATUS (MESSAGES))'),
      s2c('* ESEARCH (TAG "a6") UID ADDTO (7 7)', { command: 'NOOP' }),
      s2c('* VANISHED (EARLIER) 3', { command: 'UID FETCH' }),
    ];
    const cited = lines.flatMap((e) => [e.rfc, ...e.tokens.map((t) => t.rfc ?? '')]).join('\n');
    for (const c of citationsIn(cited)) expect(sectionExists(c), `RFC ${c.rfc} §${c.section}`).toBe(true);
  });
});
