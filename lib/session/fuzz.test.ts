import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectImap, imapSession, imapTestServer } from '../imap/testing';
import { snapshotStore } from '../mailstore/snapshot';
import { loggedInPop3 } from '../pop3/testing';

/** Any bytes at all, as one line. */
const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => String.fromCharCode(...a).replace(/[\r\n]/g, ''));
const overlong = fc.integer({ min: 8200, max: 20_000 }).map((n) => 'a1 NOOP ' + 'x'.repeat(n));

/** IMAP commands made malformed on purpose: each must get BAD or NO and change nothing. */
const malformedImap = fc.oneof(
  bytes,
  overlong,
  fc.constantFrom(
    'a1 FETCH 1 (FLAGS',
    'a1 FETCH 1 FLAGS)',
    'a1 STORE 1 +FLAGS (\\Seen',
    'a1 STORE 1 +FLAGS ((\\Seen)',
    'a1 LOGIN "student secret',
    'a1 SELECT "INBOX\\x"',
    'a1 FETCH 1 BODY[HEADER.FIELDS (FROM]',
    'a1 FETCH 1 BODY[1.2.3.MIMEX]',
    'a1 FETCH 1 BODY[]<5.0>',
    'a1 APPEND INBOX {99999999999}',
    'a1 APPEND INBOX (\\Bogus) {3+}\r\nabc',
    // literal8, BINARY, MULTIAPPEND, CATENATE and UTF8=ACCEPT grammar (issue 16).
    'a1 APPEND INBOX ~{3+}\r\na\0b (\\Bogus) ~{1+}\r\nc',
    'a1 APPEND INBOX {3+}\r\nabc {0+}\r\n',
    'a1 APPEND INBOX CATENATE (URL "/INBOX/;UID=99" TEXT {1+}\r\nx)',
    'a1 APPEND INBOX CATENATE (TEXT "x")',
    'a1 APPEND INBOX UTF8 (~{1+}\r\nx)',
    'a1 APPEND INBOX {19+}\r\nSubject: caf\xc3\xa9\r\n\r\nx',
    'a1 SELECT ~{5+}\r\nINBOX',
    'a1 SEARCH SUBJECT "caf\xc3"',
    'a1 FETCH 1 BINARY[1.TEXT]',
    'a1 FETCH 1 BINARY.SIZE[1]<0.1>',
    'a1 FETCH 1 BINARY[]<1.0>',
    'a1 SEARCH OR',
    'a1 SEARCH NOT',
    'a1 SEARCH (FROM x',
    'a1 STORE 1 +FLAGS (\\Recent)',
    'a1 COPY 1 Nowhere',
    'a1 DELETE INBOX',
    'a1 CREATE INBOX',
    'a1 RENAME Nowhere Else',
    'a1 UID BOGUS 1',
    'a1',
    '* NOOP',
    '+ NOOP',
  ),
  fc
    .tuple(
      fc.constantFrom('FETCH', 'STORE', 'COPY', 'MOVE', 'UID FETCH', 'UID STORE', 'UID EXPUNGE'),
      fc.constantFrom('0', '1:0', '*:', '1,,2', ':5', '4294967296', '1:2:3', 'x', '-1', '99', '7:*'),
    )
    // A UID past the end is not an error (it names nothing), a sequence number past the end is.
    .filter(([cmd, set]) => !(cmd.startsWith('UID') && (set === '99' || set === '7:*')))
    .map(([cmd, set]) =>
      `a1 ${cmd} ${set} ${cmd.includes('STORE') ? '+FLAGS (\\Deleted)' : cmd.includes('FETCH') ? 'FLAGS' : cmd.includes('EXPUNGE') ? '' : 'Trash'}`.trimEnd(),
    ),
  fc.string({ maxLength: 40 }).map((s) => `a1 FETCH 1 ${s.replace(/[\r\n]/g, '')}(`),
);

/** POP3 lines that must be refused. */
const malformedPop3 = fc.oneof(
  bytes.filter((s) => !/^(noop|stat|list|uidl|capa|rset|quit|top|retr|dele)\b/i.test(s)),
  overlong,
  fc.constantFrom(
    'RETR',
    'RETR 0',
    'RETR 99',
    'RETR -1',
    'RETR x',
    'TOP 1',
    'TOP 1 -1',
    'TOP x 1',
    'LIST 1 2',
    'DELE',
    'DELE 0',
    'STAT 1',
    'USER',
    'PASS x',
    'APOP a',
    'UIDL 0',
    'NOOP x',
  ),
);

/** Every line the server writes is untagged, a continuation, or tagged with the command's own tag. */
function checkImapReply(reply: string, command: string) {
  const tag = command.split(' ', 1)[0]!;
  for (const line of reply.split('\r\n').slice(0, -1)) {
    if (!line.startsWith('* ') && !line.startsWith('+ ')) expect(line.startsWith(tag + ' ')).toBe(true);
  }
}

describe('fuzzing: bad input gets a protocol error and changes nothing', () => {
  it('IMAP, in the Selected state', () => {
    fc.assert(
      fc.property(fc.array(malformedImap, { minLength: 1, maxLength: 5 }), (commands) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        for (const command of commands) {
          const reply = c.send(command);
          checkImapReply(reply, command);
          expect(reply).toMatch(
            /(^|\r\n)[^ \r\n]+ (BAD|NO) [^\r\n]*\r\n$|^$|^\+ Ready for literal data\r\n$/,
          );
        }
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('IMAP, before login: only BAD/NO, and the state stays Not Authenticated', () => {
    fc.assert(
      fc.property(fc.array(malformedImap, { minLength: 1, maxLength: 5 }), (commands) => {
        const anon = connectImap(imapTestServer());
        for (const command of commands) checkImapReply(anon.send(command), command);
        expect(anon.session.state).toBe('Not Authenticated');
      }),
      { numRuns: 200 },
    );
  });

  it('POP3, in TRANSACTION: every reply is -ERR and the maildrop is unchanged', () => {
    fc.assert(
      fc.property(fc.array(malformedPop3, { minLength: 1, maxLength: 5 }), (commands) => {
        const { c, server } = loggedInPop3();
        const before = JSON.stringify(snapshotStore(server.store));
        for (const command of commands) expect(c.send(command)).toMatch(/^-ERR [^\r\n]*\r\n$/);
        c.send('QUIT');
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('any bytes in any chunking never break either server', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 10 }), (chunks) => {
        const { c: imap } = imapSession({ select: true });
        const { c: pop } = loggedInPop3();
        for (const chunk of chunks) {
          const data = String.fromCharCode(...chunk);
          imap.sendRaw(data);
          pop.sendRaw(data);
        }
        // Both still answer a well-formed command afterwards (unless the bytes ended the session).
        if (!imap.serverClosed)
          expect(imap.sendRaw('\r\nz1 NOOP\r\n')).toMatch(/z1 OK NOOP completed\r\n$|^\+ |BAD/);
        if (!pop.serverClosed) expect(pop.sendRaw('\r\nNOOP\r\n')).toMatch(/(\+OK|-ERR)[^\r\n]*\r\n$/);
      }),
      { numRuns: 200 },
    );
  });
});
