import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedStore } from '../../../mailstore/seed';
import { snapshotStore } from '../../../mailstore/snapshot';
import { MailStore } from '../../../mailstore/store';
import { createServerContext, type ServerContext } from '../../../session/types';
import { connectImap, lines } from '../../testing';
import { fetchAuthorized } from '.';
import { accessKey } from './keys';
import { internalToken } from './token';

/**
 * URLAUTH (RFC 4467) after the examples of §7, on a server named example.com (as the RFC's URLs
 * are) with joe's INBOX holding UID 20, whose part 1.2 is the RFC's 28 octets.
 */
const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const PART = 'Si vis pacem, para bellum.\r\n';
const MESSAGE =
  'Subject: Latin\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n' +
  '--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n' +
  '--inner\r\nContent-Type: text/plain\r\n\r\nIf you want peace\r\n' +
  `--inner\r\nContent-Type: text/plain\r\n\r\n${PART}\r\n--inner--\r\n` +
  '--outer--\r\n';

/** The server; `random` gives each key its own pattern, so tokens can be predicted in tests. */
function server(options: { now?: () => number } = {}): ServerContext {
  const store = new MailStore({ clock: { now: options.now ?? (() => NOW) } });
  seedStore(store);
  const joe = store.addAccount('joe', 'pw');
  for (let i = 1; i < 20; i++) joe.append(joe.inbox, `Subject: filler ${i}\r\n\r\nx\r\n`, [], NOW);
  joe.append(joe.inbox, MESSAGE, [], NOW);
  store.addAccount('fred', 'pw');
  let n = 0;
  return createServerContext(store, {
    hostname: 'example.com',
    random: (bytes) => void bytes.fill(++n),
  });
}

function login(s: ServerContext, user: string) {
  const c = connectImap(s);
  expect(c.send(`l1 LOGIN ${user} pw`)).toMatch(/^l1 OK/m);
  return c;
}

const RUMP = 'imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred';
const keyOf = (s: ServerContext, user = 'joe', box = 'INBOX') =>
  accessKey(s.store.getAccount(user)!.getMailbox(box)!);

/** The authorized URL of `rump` from a GENURLAUTH response. */
function generate(c: ReturnType<typeof login>, rump: string): string {
  const reply = c.send(`g1 GENURLAUTH "${rump}" INTERNAL`);
  const m = /^\* GENURLAUTH "([^"]+)"\r\ng1 OK GENURLAUTH completed\r\n$/.exec(reply);
  if (!m) throw new Error(reply);
  return m[1]!;
}

/** Everything a refusal must leave alone: the messages, flags, and every mailbox's key. */
function state(s: ServerContext) {
  const keys = [...s.store.accounts.values()].flatMap((a) =>
    [...a.mailboxes.values()].map((b) => [a.user, b.name, Array.from(accessKey(b) ?? [])]),
  );
  return JSON.stringify([snapshotStore(s.store), keys]);
}

describe('URLAUTH (RFC 4467)', () => {
  it('is advertised, and SELECT/EXAMINE say [URLMECH INTERNAL] (§8)', () => {
    const s = server();
    const c = login(s, 'joe');
    expect(c.send('a1 CAPABILITY')).toMatch(/^\* CAPABILITY .* URLAUTH[ \r]/);
    for (const cmd of ['SELECT', 'EXAMINE'])
      expect(lines(c.send(`a2 ${cmd} INBOX`))).toContain('* OK [URLMECH INTERNAL] URLAUTH mechanisms');
  });

  it('§7 GENURLAUTH example: the rump URL comes back with :internal:<token> appended', () => {
    const s = server();
    const c = login(s, 'joe');
    expect(keyOf(s)).toBeUndefined();
    const reply = c.send(`a775 GENURLAUTH "${RUMP}" INTERNAL`);
    // §7: a mailbox with no access key gets one; the token is HMAC-SHA1 of the rump with it.
    const key = keyOf(s)!;
    expect(key.length).toBe(32);
    const token = internalToken(RUMP, key);
    expect(token).toMatch(/^01[0-9a-f]{40}$/);
    expect(reply).toBe(`* GENURLAUTH "${RUMP}:internal:${token}"\r\na775 OK GENURLAUTH completed\r\n`);
  });

  it('§7 URLFETCH example: the part as a literal; submit+fred is for the submission server', () => {
    const s = server();
    const url = generate(login(s, 'joe'), RUMP);
    // The submission server, acting for fred (BURL), gets the RFC's 28 octets …
    expect(fetchAuthorized(s, url, { kind: 'submit', user: 'fred' })).toBe(PART);
    expect(fetchAuthorized(s, url, { kind: 'submit', user: 'joe' })).toBeNull();
    // … and an IMAP session, even fred's or joe's, is no submission entity (§3): NIL.
    expect(login(s, 'fred').send(`a776 URLFETCH "${url}"`)).toBe(
      `* URLFETCH "${url}" NIL\r\na776 OK URLFETCH completed\r\n`,
    );
    // user+fred: fred's IMAP session reads it, as the RFC's example shows it.
    const forFred = generate(login(s, 'joe'), RUMP.replace('submit+fred', 'user+fred'));
    expect(login(s, 'fred').send(`a776 URLFETCH "${forFred}"`)).toBe(
      `* URLFETCH "${forFred}" {28}\r\n${PART}\r\na776 OK URLFETCH completed\r\n`,
    );
  });

  it('a URL from one user is not fetchable by another it does not name (§3)', () => {
    const s = server();
    s.store.addAccount('eve', 'pw');
    const joe = login(s, 'joe');
    const forFred = generate(joe, RUMP.replace('submit+fred', 'user+fred'));
    expect(login(s, 'eve').send(`e1 URLFETCH "${forFred}"`)).toBe(
      `* URLFETCH "${forFred}" NIL\r\ne1 OK URLFETCH completed\r\n`,
    );
    // authuser: any logged-in user; anonymous: anyone.
    for (const access of ['authuser', 'anonymous']) {
      const url = generate(joe, RUMP.replace('submit+fred', access));
      expect(login(s, 'eve').send(`e2 URLFETCH "${url}"`)).toContain(`{28}\r\n${PART}`);
    }
    // A token made for one rump does not authorize another (another part, another access).
    const forged = forFred.replace('user+fred', 'user+eve');
    expect(login(s, 'eve').send(`e3 URLFETCH "${forged}"`)).toBe(
      `* URLFETCH "${forged}" NIL\r\ne3 OK URLFETCH completed\r\n`,
    );
  });

  it(';EXPIRE=: valid before the time, NIL from then on (§3)', () => {
    let now = NOW;
    const s = server({ now: () => now });
    const rump = RUMP.replace(';urlauth=submit+fred', ';EXPIRE=2026-03-10T13:00:00Z;URLAUTH=anonymous');
    const url = generate(login(s, 'joe'), rump);
    const fred = login(s, 'fred');
    expect(fred.send(`a1 URLFETCH "${url}"`)).toContain(`{28}\r\n${PART}`);
    now = Date.UTC(2026, 2, 10, 13, 0, 0);
    expect(fred.send(`a2 URLFETCH "${url}"`)).toBe(`* URLFETCH "${url}" NIL\r\na2 OK URLFETCH completed\r\n`);
  });

  it('§7 RESETKEY examples: a new key for INBOX, or all keys removed; earlier URLs stop working', () => {
    const s = server();
    const joe = login(s, 'joe');
    const anon = RUMP.replace('submit+fred', 'anonymous');
    const first = generate(joe, anon);
    const fred = login(s, 'fred');
    expect(fred.send(`a1 URLFETCH "${first}"`)).toContain(PART);
    expect(joe.send('a32 RESETKEY INBOX')).toBe('a32 OK [URLMECH INTERNAL] New access key\r\n');
    expect(fred.send(`a2 URLFETCH "${first}"`)).toContain(' NIL\r\n');
    const second = generate(joe, anon);
    expect(second).not.toBe(first);
    expect(fred.send(`a3 URLFETCH "${second}"`)).toContain(PART);
    expect(joe.send('a31 RESETKEY')).toBe('a31 OK All keys removed\r\n');
    expect(keyOf(s)).toBeUndefined();
    expect(fred.send(`a4 URLFETCH "${second}"`)).toContain(' NIL\r\n');
  });

  it('RESETKEY tells other sessions with the mailbox selected: untagged OK [URLMECH INTERNAL] (§8)', () => {
    const s = server();
    const a = login(s, 'joe');
    const b = login(s, 'joe');
    a.send('a1 SELECT INBOX');
    b.send('b1 SELECT INBOX');
    expect(a.send('a2 RESETKEY INBOX')).toBe('a2 OK [URLMECH INTERNAL] New access key\r\n');
    expect(b.send('b2 NOOP')).toBe('* OK [URLMECH INTERNAL] URLAUTH mechanisms\r\nb2 OK NOOP completed\r\n');
    expect(b.send('b3 NOOP')).toBe('b3 OK NOOP completed\r\n');
  });

  it('keys are per mailbox and kept in the store: a second session validates the first one’s URL', () => {
    const s = server();
    const joe = login(s, 'joe');
    joe.send('a1 CREATE Archive');
    joe.send(`a2 APPEND Archive {${MESSAGE.length}+}\r\n${MESSAGE}`);
    const url = generate(joe, 'imap://joe@example.com/Archive/;UID=1/;SECTION=1.2;URLAUTH=authuser');
    expect(keyOf(s, 'joe', 'Archive')).toBeDefined();
    expect(keyOf(s, 'joe', 'INBOX')).toBeUndefined();
    joe.send('a3 RESETKEY INBOX');
    expect(login(s, 'joe').send(`a4 URLFETCH "${url}"`)).toContain(PART);
  });

  it('URLFETCH needs no selected mailbox, sets no \\Seen, and answers several URLs in one response', () => {
    const s = server();
    const joe = login(s, 'joe');
    const url = generate(joe, 'imap://joe@example.com/INBOX/;UID=20;URLAUTH=authuser');
    const reply = joe.send(`a1 URLFETCH "${url}" "imap://joe@example.com/INBOX/;UID=20"`);
    expect(reply).toBe(
      `* URLFETCH "${url}" {${MESSAGE.length}}\r\n${MESSAGE} "imap://joe@example.com/INBOX/;UID=20" NIL\r\na1 OK URLFETCH completed\r\n`,
    );
    expect(s.store.getAccount('joe')!.inbox.messages[19]!.flags.has('\\Seen')).toBe(false);
  });

  it.each([
    ['no arguments', 'GENURLAUTH', 'BAD'],
    ['a URL without a mechanism', `GENURLAUTH "${RUMP}"`, 'BAD'],
    ['a mechanism that is not an atom', `GENURLAUTH "${RUMP}" "INTERNAL"`, 'BAD'],
    ['an unknown mechanism (§7)', `GENURLAUTH "${RUMP}" XSAMPLE`, 'BAD'],
    ['another user’s URL (§7 (2))', `GENURLAUTH "${RUMP.replace('joe@', 'fred@')}" INTERNAL`, 'BAD'],
    ['a URL without a user (§7 (2))', `GENURLAUTH "${RUMP.replace('joe@', '')}" INTERNAL`, 'BAD'],
    ['another server', `GENURLAUTH "${RUMP.replace('example.com', 'example.org')}" INTERNAL`, 'BAD'],
    ['no such mailbox (§7 (1))', `GENURLAUTH "${RUMP.replace('INBOX', 'Nowhere')}" INTERNAL`, 'BAD'],
    ['no such message', `GENURLAUTH "${RUMP.replace('uid=20', 'uid=99')}" INTERNAL`, 'BAD'],
    ['no such part', `GENURLAUTH "${RUMP.replace('1.2', '7')}" INTERNAL`, 'BAD'],
    ['no ;URLAUTH=', `GENURLAUTH "imap://joe@example.com/INBOX/;uid=20" INTERNAL`, 'BAD'],
    ['a whole mailbox (§3)', `GENURLAUTH "imap://joe@example.com/INBOX;urlauth=anonymous" INTERNAL`, 'BAD'],
    ['an unknown access identifier', `GENURLAUTH "${RUMP.replace('submit+fred', 'admin')}" INTERNAL`, 'BAD'],
    ['a URL already authorized', `GENURLAUTH "${RUMP}:internal:${'0'.repeat(42)}" INTERNAL`, 'BAD'],
    [
      'a bad ;EXPIRE= date',
      `GENURLAUTH "${RUMP.replace(';urlauth', ';EXPIRE=2026-02-30T00:00:00Z;urlauth')}" INTERNAL`,
      'BAD',
    ],
    ['a good pair, then a bad one (nothing made)', `GENURLAUTH "${RUMP}" INTERNAL "${RUMP}" X`, 'BAD'],
    ['URLFETCH without a URL', 'URLFETCH', 'BAD'],
    ['URLFETCH of a list', 'URLFETCH (a)', 'BAD'],
    ['RESETKEY of no mailbox', 'RESETKEY Nowhere', 'NO'],
    ['RESETKEY with an unknown mechanism', 'RESETKEY INBOX XSAMPLE', 'BAD'],
    ['RESETKEY with a mechanism that is no atom', 'RESETKEY INBOX "INTERNAL"', 'BAD'],
  ])('%s is a tagged %s and changes nothing', (_, command, status) => {
    const s = server();
    const joe = login(s, 'joe');
    generate(joe, RUMP.replace('submit+fred', 'authuser'));
    const before = state(s);
    expect(joe.send(`t1 ${command}`)).toMatch(new RegExp(`^t1 ${status} `));
    expect(state(s)).toBe(before);
  });

  it('CATENATE takes relative URLs only (RFC 4469 §3): an authorized URLAUTH URL there is NO [BADURL]', () => {
    const s = server();
    const joe = login(s, 'joe');
    const url = generate(joe, RUMP.replace('submit+fred', 'authuser'));
    const before = state(s);
    expect(joe.send(`c1 APPEND INBOX CATENATE (URL "${url}")`)).toMatch(/^c1 NO \[BADURL imap:\/\/joe@/);
    expect(state(s)).toBe(before);
  });

  it('the commands need a login', () => {
    const c = connectImap(server());
    expect(c.send(`a1 GENURLAUTH "${RUMP}" INTERNAL`)).toMatch(/^a1 BAD /);
    expect(c.send('a2 RESETKEY')).toMatch(/^a2 BAD /);
  });

  it('fuzzing: any arguments give one tagged reply, never a throw; refusals change nothing', () => {
    const piece = fc.constantFrom(
      'imap://',
      'joe@',
      'fred@',
      'example.com',
      '/INBOX',
      '/;UID=20',
      ';UIDVALIDITY=1',
      '/;SECTION=1.2',
      '/;PARTIAL=0.5',
      ';EXPIRE=2026-03-10T13:00:00Z',
      ';EXPIRE=x',
      ';URLAUTH=',
      'anonymous',
      'authuser',
      'user+fred',
      'submit+',
      ':internal:',
      '0123456789abcdef0123456789abcdef01234567ab',
      '%',
      '%41',
      ' ',
      '"',
      '\\',
    );
    const url = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));
    const arg = fc.oneof(
      url.map((u) => `"${u.replace(/["\\]/g, '')}"`),
      url.map((u) => `{${u.length}+}\r\n${u}`),
      fc.constantFrom('INTERNAL', 'internal', 'X-Y', '()', 'NIL', 'INBOX', '"INBOX"'),
      fc.string({ maxLength: 8 }).filter((t) => !/[\r\n]/.test(t)),
    );
    const command = fc.constantFrom('GENURLAUTH', 'URLFETCH', 'RESETKEY');
    fc.assert(
      fc.property(command, fc.array(arg, { maxLength: 4 }), (name, args) => {
        const s = server();
        const joe = login(s, 'joe');
        const before = state(s);
        const reply = joe.send(`f1 ${[name, ...args].join(' ')}`);
        expect(reply.match(/^f1 (OK|NO|BAD) /gm)?.length).toBe(1);
        if (!/^f1 OK/m.test(reply)) expect(state(s)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
