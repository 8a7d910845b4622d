import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedStore } from '../../../mailstore/seed';
import { snapshotStore } from '../../../mailstore/snapshot';
import { MailStore } from '../../../mailstore/store';
import { createServerContext } from '../../../session/types';
import { connectImap, imapSession, imapTestServer } from '../../testing';

/**
 * CATENATE (RFC 4469) with the URLs of RFC 5092, after the RFC's Appendix A examples. Seed
 * message UID 3 of INBOX is multipart/mixed: part 1 text/plain, part 2 a text/csv attachment.
 */
const BOUNDARY = '--------------030308070208000400050907';

function session(server = imapTestServer()) {
  const s = imapSession({ server });
  const v = s.inbox.uidValidity;
  const url = (rest: string) => `"/INBOX;UIDVALIDITY=${v}/;UID=${rest}"`;
  return { ...s, v, url };
}

/** A literal for CATENATE's TEXT, non-synchronizing so the test sends it in one go. */
const text = (t: string) => `TEXT {${t.length}+}\r\n${t}`;

describe('CATENATE (RFC 4469)', () => {
  it('is advertised', () => {
    expect(connectImap(imapTestServer()).send('a0 CAPABILITY')).toMatch(/ CATENATE[ \r]/);
  });

  it('Example 2: new text, the attachment copied from another message by URL, one APPENDUID', () => {
    const { c, server, inbox, url } = session();
    const head = `Subject: About our holiday trip\r\nContent-Type: multipart/mixed;\r\n boundary="${BOUNDARY}"\r\n\r\n--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nOur travel agent has sent the updated schedule.\r\n--${BOUNDARY}\r\n`;
    const tail = `\r\n--${BOUNDARY}--\r\n`;
    const reply = c.send(
      `A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE (${text(head)} URL ${url('3/;Section=2.MIME')} URL ${url('3/;Section=2')} ${text(tail)})`,
    );
    const drafts = server.store.getAccount('student')!.getMailbox('Drafts')!;
    expect(reply).toBe(`A003 OK [APPENDUID ${drafts.uidValidity} 1] APPEND completed\r\n`);
    const source = inbox.messages[2]!;
    const mime = c.send('a4 SELECT INBOX') && c.send('a5 FETCH 3 (BODY.PEEK[2.MIME] BODY.PEEK[2])');
    const [, partMime, part] = /\{\d+\}\r\n([\s\S]*?) BODY\[2\] \{\d+\}\r\n([\s\S]*)\)\r\na5 OK/.exec(mime)!;
    expect(drafts.messages[0]!.raw).toBe(head + partMime + part + tail);
    expect([...drafts.messages[0]!.flags].sort()).toEqual(['$MDNSent', '\\Draft', '\\Seen']);
    // The URL is read like a BODY.PEEK: the source message is not marked read (§3).
    expect(source.flags.has('\\Seen')).toBe(false);
  });

  it('Example 1: a header by URL, whole messages by URL, text between', () => {
    const { c, server, url } = session();
    const reply = c.send(
      `A003 APPEND Drafts CATENATE (URL ${url('4/;section=HEADER')} ${text('Hello\r\n')} URL ${url('5')})`,
    );
    expect(reply).toMatch(/^A003 OK \[APPENDUID \d+ 1\] /);
    const inbox = server.store.getAccount('student')!.inbox;
    const stored = server.store.getAccount('student')!.getMailbox('Drafts')!.messages[0]!.raw;
    const header4 = inbox.messages[3]!.raw.slice(0, inbox.messages[3]!.raw.indexOf('\r\n\r\n') + 4);
    expect(stored).toBe(header4 + 'Hello\r\n' + inbox.messages[4]!.raw);
  });

  it('Example 4: a URL that names no message refuses the whole APPEND with [BADURL url]', () => {
    const { c, server, v } = session();
    const before = JSON.stringify(snapshotStore(server.store));
    const bad = `/INBOX;UIDVALIDITY=${v}/;UID=113330/;section=1.5.9`;
    expect(
      c.send(`A003 APPEND Sent (\\Seen) CATENATE (${text('Subject: digest\r\n\r\n')} URL "${bad}")`),
    ).toBe(`A003 NO [BADURL ${bad}] CATENATE failed: no message with that UID\r\n`);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it.each([
    ['another UIDVALIDITY', '/INBOX;UIDVALIDITY=1/;UID=1'],
    ['an absolute URL (another server is out of scope, §3)', 'imap://student@popvsimap.lab/INBOX/;UID=1'],
    ['no mailbox (relative to the selected one)', ';UID=1'],
    ['a mailbox that does not exist', '/Nowhere/;UID=1'],
    ['a part that does not exist', '/INBOX/;UID=3/;SECTION=9'],
    ['a section that is not one', '/INBOX/;UID=3/;SECTION=BOGUS'],
    ['a bad percent escape', '/IN%ZZBOX/;UID=1'],
    ['a mailbox that is not UTF-8', '/%FF/;UID=1'],
    ['URLAUTH on a relative URL (RFC 4467 §3: it needs an absolute one)', '/INBOX/;UID=1;URLAUTH=anonymous'],
    ['UID 0', '/INBOX/;UID=0'],
  ])('%s is NO [BADURL …], and nothing is stored', (_, bad) => {
    const { c, server } = session();
    const before = JSON.stringify(snapshotStore(server.store));
    const reply = c.send(`a3 APPEND Drafts CATENATE (${text('x')} URL "${bad}")`);
    expect(reply).toMatch(/^a3 NO \[BADURL [^\]\r\n]+\] /);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('an expunged message is a BADURL; a percent-encoded UTF-8 mailbox name is read (RFC 5092)', () => {
    const { c } = session();
    c.send('a1 ENABLE UTF8=ACCEPT');
    c.send('a2 CREATE "Caf\xc3\xa9"');
    c.send('a3 APPEND "Caf\xc3\xa9" {5+}\r\nhello');
    expect(c.send(`a4 APPEND Drafts CATENATE (URL "/Caf%C3%A9/;UID=1")`)).toMatch(/^a4 OK /);
    c.send('a5 SELECT "Caf\xc3\xa9"');
    c.send('a6 STORE 1 +FLAGS (\\Deleted)');
    c.send('a7 EXPUNGE');
    expect(c.send(`a8 APPEND Drafts CATENATE (URL "/Caf%C3%A9/;UID=1")`)).toMatch(/^a8 NO \[BADURL /);
  });

  it('PARTIAL takes a range of the octets (RFC 5092 ipartial)', () => {
    const { c, server } = session();
    expect(c.send(`a3 APPEND Drafts CATENATE (URL "/INBOX/;UID=1/;PARTIAL=0.7")`)).toMatch(/^a3 OK /);
    expect(server.store.getAccount('student')!.getMailbox('Drafts')!.messages[0]!.raw).toBe(
      // The store ends every message with CRLF (docs/PROTOCOLS.md, line ends).
      server.store.getAccount('student')!.inbox.messages[0]!.raw.slice(0, 7) + '\r\n',
    );
  });

  it('a message over the size limit is NO [TOOBIG] (§4.2)', () => {
    const store = new MailStore({ clock: { now: () => 0 } });
    seedStore(store);
    const server = createServerContext(store, { limits: { maxLiteralBytes: 1500 } });
    const { c } = session(server);
    expect(c.send(`a3 APPEND Drafts CATENATE (URL "/INBOX/;UID=3" URL "/INBOX/;UID=3")`)).toMatch(
      /^a3 NO \[TOOBIG\] /,
    );
  });

  it('with MULTIAPPEND, one CATENATE message among others; one bad URL stores none', () => {
    const { c, server } = session();
    expect(
      c.send(`a3 APPEND Drafts {3+}\r\nabc CATENATE (URL "/INBOX/;UID=1") (\\Seen) {3+}\r\ndef`),
    ).toMatch(/^a3 OK \[APPENDUID \d+ 1:3\] /);
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(`a4 APPEND Drafts {3+}\r\nabc CATENATE (URL "/INBOX/;UID=99")`)).toMatch(
      /^a4 NO \[BADURL /,
    );
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it.each([
    ['an empty list', 'CATENATE ()'],
    ['TEXT as a quoted string', 'CATENATE (TEXT "abc")'],
    ['TEXT as a literal8', 'CATENATE (TEXT ~{3+}\r\nabc)'],
    ['URL without a value', 'CATENATE (URL)'],
    ['an unknown part', 'CATENATE (FILE "x")'],
    ['no parentheses', 'CATENATE TEXT {3+}\r\nabc'],
    ['nothing after CATENATE', 'CATENATE'],
  ])('%s is BAD', (_, data) => {
    const { c, inbox } = session();
    const count = inbox.messages.length;
    expect(c.send(`a3 APPEND INBOX ${data}`)).toMatch(/^a3 BAD /);
    expect(inbox.messages.length).toBe(count);
  });

  it('fuzzing: any parts and URLs give OK, or NO/BAD with the store unchanged', () => {
    const urlish = fc.oneof(
      fc.constantFrom(
        '/INBOX/;UID=1',
        '/INBOX/;UID=3/;SECTION=2',
        '/Sent/;UID=1',
        '/INBOX/;UID=3/;SECTION=1.MIME',
      ),
      fc.stringMatching(/^[\/;=A-Za-z0-9%.\]\[ ]{0,30}$/),
    );
    const part = fc.oneof(
      fc.string({ maxLength: 10 }).map((t) => `TEXT {${t.length}+}\r\n${t}`),
      urlish.map((u) => `URL "${u.replace(/["\\]/g, '')}"`),
      fc.constantFrom('TEXT', 'URL', '()', 'X'),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), (parts) => {
        const { c, server } = session();
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`a3 APPEND Drafts CATENATE (${parts.join(' ')})`);
        expect(reply).toMatch(/^a3 (OK|NO|BAD) /m);
        if (!/^a3 OK/m.test(reply)) expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
