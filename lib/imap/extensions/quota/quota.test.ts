import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { snapshotStore } from '../../../mailstore/snapshot';
import { connectImap, imapSession, imapTestServer, lines } from '../../testing';
import { QUOTA_ROOT, quotaResponse } from '.';

/** A logged-in session whose account has the given limits. */
function withLimits(limits: { bytes?: number | null; messages?: number | null }) {
  const s = imapSession({ select: true });
  const account = s.server.store.getAccount('student')!;
  account.quotaBytes = limits.bytes ?? null;
  account.quotaMessages = limits.messages ?? null;
  return { ...s, account };
}

describe('QUOTA (RFC 9208)', () => {
  it('advertises QUOTA with the two resources it limits, after login (§5)', () => {
    const { c } = imapSession();
    expect(c.send('a3 CAPABILITY')).toMatch(
      /^\* CAPABILITY .* QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE[ \r]/,
    );
  });

  it('GETQUOTAROOT INBOX: the root, then its usage and limits in 1024-octet units (§4.1.2, §4.2)', () => {
    const { c, account } = withLimits({ bytes: 10 * 1024 + 500 });
    const used = Math.floor(account.usedBytes / 1024);
    expect(lines(c.send('a3 GETQUOTAROOT INBOX'))).toEqual([
      '* QUOTAROOT INBOX "User quota"',
      `* QUOTA "User quota" (STORAGE ${used} 10)`,
      'a3 OK GETQUOTAROOT completed',
    ]);
  });

  it('reports MESSAGE beside STORAGE when the account limits both', () => {
    const { c, account } = withLimits({ bytes: 20480, messages: 100 });
    expect(c.send('a3 GETQUOTA "User quota"')).toBe(
      `* QUOTA "User quota" (STORAGE ${Math.floor(account.usedBytes / 1024)} 20 MESSAGE ${account.messageCount} 100)\r\na3 OK GETQUOTA completed\r\n`,
    );
  });

  it('an account without limits has no quota root: QUOTAROOT names none, GETQUOTA is NO', () => {
    const { c } = withLimits({});
    expect(lines(c.send('a3 GETQUOTAROOT inbox'))).toEqual([
      '* QUOTAROOT INBOX',
      'a3 OK GETQUOTAROOT completed',
    ]);
    expect(c.send('a4 GETQUOTA "User quota"')).toBe('a4 NO [NONEXISTENT] No such quota root\r\n');
  });

  it.each([
    ['a root of another name', 'a3 GETQUOTA ""', 'a3 NO [NONEXISTENT] No such quota root'],
    [
      'a root in another case (astrings are case-sensitive)',
      'a3 GETQUOTA "user quota"',
      'a3 NO [NONEXISTENT] No such quota root',
    ],
    [
      'a mailbox that does not exist',
      'a3 GETQUOTAROOT Nowhere',
      "a3 NO [NONEXISTENT] Mailbox doesn't exist: Nowhere",
    ],
    ['GETQUOTAROOT without a mailbox', 'a3 GETQUOTAROOT', 'a3 BAD Missing mailbox name'],
    ['GETQUOTA without a root', 'a3 GETQUOTA', 'a3 BAD Missing quota root name'],
    ['an extra argument', 'a3 GETQUOTAROOT INBOX x', 'a3 BAD Too many arguments'],
    ['a list for a root', 'a3 GETQUOTA (x)', 'a3 BAD Expected quota root name'],
    [
      'SETQUOTA, which this server does not offer',
      'a3 SETQUOTA "User quota" (STORAGE 1)',
      'a3 BAD Unknown command: SETQUOTA',
    ],
  ])('refuses %s', (_, command, answer) => {
    const { c, server } = withLimits({ bytes: 50_000 });
    const before = JSON.stringify(snapshotStore(server.store));
    expect(c.send(command)).toBe(answer + '\r\n');
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('is not valid before login', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 GETQUOTAROOT INBOX')).toBe(
      'a1 BAD GETQUOTAROOT is not valid in the Not Authenticated state\r\n',
    );
  });

  it('APPEND past the message limit is NO [OVERQUOTA] and stores nothing (§4.3.1)', () => {
    const { c, account, inbox } = withLimits({ messages: 0 });
    account.quotaMessages = account.messageCount;
    const count = inbox.messages.length;
    expect(c.send('a3 APPEND INBOX {5+}\r\nHi!\r\n')).toBe(
      'a3 NO [OVERQUOTA] Quota exceeded (too many messages)\r\n',
    );
    expect(inbox.messages.length).toBe(count);
  });

  it('COPY and MOVE count every message they would add against the message limit', () => {
    const { c, account } = withLimits({});
    account.quotaMessages = account.messageCount + 1;
    expect(c.send('a3 COPY 1:2 Trash')).toBe('a3 NO [OVERQUOTA] Quota exceeded (too many messages)\r\n');
    expect(c.send('a4 COPY 1 Trash')).toMatch(/a4 OK \[COPYUID/);
    expect(c.send('a5 GETQUOTAROOT Trash')).toContain(
      `MESSAGE ${account.quotaMessages} ${account.quotaMessages})`,
    );
  });

  it('the storage bar follows APPEND: usage grows by what was stored', () => {
    const { c, account } = withLimits({ bytes: 1_000_000 });
    c.send('a3 APPEND INBOX {2048+}\r\n' + 'x'.repeat(2048));
    expect(c.send('a4 GETQUOTA "User quota"')).toContain(
      `(STORAGE ${Math.floor(account.usedBytes / 1024)} 976)`,
    );
  });

  it('STATUS DELETED-STORAGE: what an EXPUNGE would free, in whole KB (§4.1.4)', () => {
    const { c, inbox } = withLimits({ bytes: 50_000 });
    expect(c.send('a3 STATUS INBOX (DELETED DELETED-STORAGE)')).toMatch(
      /^\* STATUS INBOX \(DELETED 0 DELETED-STORAGE 0\)\r\n/,
    );
    c.send('a4 APPEND INBOX {3100+}\r\n' + 'x'.repeat(3100));
    c.send(`a5 STORE ${inbox.messages.length} +FLAGS.SILENT (\\Deleted)`);
    expect(c.send('a6 STATUS INBOX (DELETED DELETED-STORAGE)')).toMatch(
      /^\* STATUS INBOX \(DELETED 1 DELETED-STORAGE 3\)\r\n/,
    );
  });

  it('writes the QUOTA response of RFC 9208 §4.2.1 byte for byte', () => {
    expect(quotaResponse('', [{ name: 'STORAGE', usage: 10, limit: 512 }])).toBe('QUOTA "" (STORAGE 10 512)');
    expect(QUOTA_ROOT).toBe('User quota');
  });
});

describe('QUOTA fuzzed (RFC 9208 §7 grammar)', () => {
  it('any GETQUOTA/GETQUOTAROOT arguments get QUOTA data and one tagged OK, NO or BAD; nothing changes', () => {
    const arg = fc.oneof(
      fc.constantFrom(
        'INBOX',
        'inbox',
        'Trash',
        '""',
        '"User quota"',
        'User',
        'quota"',
        '(',
        ')',
        '()',
        'NIL',
        '{3}\r\nabc',
        '*',
        '%',
      ),
      fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('GETQUOTA', 'GETQUOTAROOT', 'getquotaroot'),
        fc.array(arg, { maxLength: 4 }),
        fc.boolean(),
        (cmd, args, limited) => {
          const { c, server } = withLimits(limited ? { bytes: 50_000, messages: 100 } : {});
          const before = JSON.stringify(snapshotStore(server.store));
          const reply = c.send(`a9 ${cmd} ${args.join(' ')}`.trimEnd());
          expect(reply).toMatch(
            /^(\+ Ready for literal data\r\n)*(\* QUOTA(ROOT)? [^\r\n]*\r\n)*a9 (OK|NO|BAD) [^\r\n]*\r\n$/,
          );
          expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
