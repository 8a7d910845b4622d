import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../mailstore/snapshot';
import { outboxOf } from './outbox';
import { connectSmtp, loggedInSmtp } from './testing';

/** Any bytes at all, as one line. */
const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => String.fromCharCode(...a).replace(/[\r\n]/g, ''));
const overlong = fc
  .integer({ min: 600, max: 20_000 })
  .map((n) => 'MAIL FROM:<' + 'x'.repeat(n) + '@a.example>');

/** Lines that must be refused with a 5xx in the Ready state, whatever else happened before. */
const malformed = fc.oneof(
  bytes.filter((s) => !/^(ehlo|helo|noop|rset|quit|vrfy|help|mail|auth|starttls)\b/i.test(s)),
  overlong,
  fc.constantFrom(
    'MAIL',
    'MAIL FROM:',
    'MAIL FROM:<>x',
    'MAIL FROM:<a@>',
    'MAIL FROM:<@a.example>',
    'MAIL FROM:<a@b.example> SIZE=',
    'MAIL FROM:<a@b.example> SIZE=99999999999',
    'MAIL FROM:<a@b.example> =x',
    'MAIL FROM:<a@b.example> FOO=bar',
    'MAIL TO:<a@b.example>',
    'RCPT TO:<bob@popvsimap.lab>',
    'DATA',
    'RSET x',
    'QUIT now',
    'VRFY',
    'HELP NOPE',
    'EHLO',
    'HELO',
    'AUTH',
    'AUTH PLAIN',
    'AUTH XOAUTH2 abc',
    'AUTH PLAIN !!!',
    'AUTH PLAIN AHN0dWRlbnQAd3Jvbmc=',
    'STARTTLS',
    'EXPN list',
    'BDAT 5',
  ),
  fc.string({ maxLength: 40 }).map((s) => `MAIL FROM:<${s.replace(/[\r\n>]/g, '')}`),
  fc.string({ maxLength: 40 }).map((s) => `RCPT TO:${s.replace(/[\r\n]/g, '')}`),
);

describe('SMTP fuzzing: bad input gets the right 5xx and changes nothing', () => {
  it('logged in, between transactions: every reply is one 5xx line (or a 334 a * cancels), the store unchanged', () => {
    fc.assert(
      fc.property(fc.array(malformed, { minLength: 1, maxLength: 5 }), (commands) => {
        const { c, server } = loggedInSmtp();
        const before = JSON.stringify(snapshotStore(server.store));
        for (const command of commands) {
          let reply = c.send(command);
          if (reply.startsWith('334')) reply = c.send('*');
          expect(reply).toMatch(/^5\d\d [245]\.\d{1,3}\.\d{1,3} [^\r\n]*\r\n$/);
        }
        expect(c.session.state).toBe('Ready');
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
        expect(outboxOf(server.store)).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });

  it('before EHLO: nothing starts a transaction or a login', () => {
    fc.assert(
      fc.property(fc.array(malformed, { minLength: 1, maxLength: 5 }), (commands) => {
        const c = connectSmtp();
        for (const command of commands) expect(c.send(command)).toMatch(/^5\d\d [^\r\n]*\r\n$/);
        expect(c.session.state).toBe('Connected');
        expect(c.session.user).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('any bytes in any chunking never break the server, inside DATA or not', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 10 }),
        (inData, chunks) => {
          const { c } = loggedInSmtp();
          if (inData)
            c.sendRaw('MAIL FROM:<student@popvsimap.lab>\r\nRCPT TO:<bob@popvsimap.lab>\r\nDATA\r\n');
          for (const chunk of chunks) {
            const reply = c.sendRaw(String.fromCharCode(...chunk));
            // Every reply line is a well-formed reply line (RFC 5321 §4.2).
            for (const line of reply.split('\r\n').slice(0, -1)) expect(line).toMatch(/^[2-5]\d\d[ -]/);
          }
          if (c.serverClosed) return;
          // The session still answers: end any DATA, then NOOP.
          const after = c.sendRaw('\r\n.\r\nNOOP\r\n');
          expect(after).toMatch(/(^|\r\n)(250 2\.0\.0 Ok|5\d\d [^\r\n]*|334 [^\r\n]*)\r\n$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
