import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainWire } from '../../explain';
import { connectImap } from '../../imap/testing';
import { seedStore } from '../../mailstore/seed';
import { snapshotStore } from '../../mailstore/snapshot';
import { MailStore } from '../../mailstore/store';
import { createServerContext, type ServerContext } from '../../session/types';
import { loggedInSmtp, smtpTestServer } from '../testing';

/**
 * BURL (RFC 4468): the submission server fetches message data from the lab's IMAP store with a
 * URLAUTH URL (RFC 4467) the client had the IMAP server authorize for `submit+<user>`.
 */
const SEED_4 = 'imap://student@popvsimap.lab/INBOX/;UID=4';

/** `rump` authorized by student's IMAP session (GENURLAUTH). */
function authorize(server: ServerContext, rump: string, user = 'student', password = 'secret'): string {
  const c = connectImap(server);
  c.send(`i1 LOGIN ${user} ${password}`);
  const m = /^\* GENURLAUTH "([^"]+)"/.exec(c.send(`i2 GENURLAUTH "${rump}" INTERNAL`));
  if (!m) throw new Error(`no URL for ${rump}`);
  return m[1]!;
}

/** Logged in to submission as student, with a transaction for bob. */
function transaction(server = smtpTestServer()) {
  const { c } = loggedInSmtp(server);
  expect(c.send('MAIL FROM:<student@popvsimap.lab>')).toMatch(/^250 /);
  expect(c.send('RCPT TO:<bob@popvsimap.lab>')).toMatch(/^250 /);
  return { server, c };
}

const bobInbox = (s: ServerContext) => s.store.getAccount('bob')!.inbox.messages;

describe('BURL (RFC 4468)', () => {
  it('§3.4: BURL url LAST sends the message the URL names; the recipient gets it as after DATA', () => {
    const { server, c } = transaction();
    const url = authorize(server, `${SEED_4};URLAUTH=submit+student`);
    const source = server.store.getAccount('student')!.inbox.messages[3]!.raw;
    expect(c.send(`BURL ${url} LAST`)).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+\r\n$/);
    expect(bobInbox(server)).toHaveLength(1);
    expect(bobInbox(server)[0]!.raw.endsWith(source)).toBe(true);
    expect(bobInbox(server)[0]!.raw).toMatch(/^Return-Path: <student@popvsimap\.lab>\r\nReceived: /);
    // The transaction is over: another BURL needs MAIL and RCPT again.
    expect(c.send(`BURL ${url} LAST`)).toMatch(/^503 /);
  });

  it('pieces: a header part, then a body part with LAST, joined in order (§3.2)', () => {
    const { server, c } = transaction();
    const header = authorize(server, `${SEED_4}/;SECTION=HEADER;URLAUTH=submit+student`);
    const text = authorize(server, `${SEED_4}/;SECTION=TEXT;URLAUTH=submit+student`);
    expect(c.send(`BURL ${header}`)).toMatch(/^250 2\.5\.0 \d+ octets added/);
    expect(bobInbox(server)).toHaveLength(0);
    // DATA may not follow BURL data; the message ends with BURL … LAST.
    expect(c.send('DATA')).toMatch(/^503 5\.5\.1 /);
    expect(c.send(`BURL ${text} last`)).toMatch(/^250 2\.0\.0 Ok: queued/);
    const source = server.store.getAccount('student')!.inbox.messages[3]!.raw;
    expect(bobInbox(server)[0]!.raw.endsWith(source)).toBe(true);
  });

  it.each([
    ['a URL for another user’s submission (submit+bob)', 'submit+bob'],
    ['a URL for an IMAP user, not for submission (user+student)', 'user+student'],
  ])('%s is 554 5.6.6 and delivers nothing', (_, access) => {
    const { server, c } = transaction();
    const url = authorize(server, `${SEED_4};URLAUTH=${access}`);
    expect(c.send(`BURL ${url} LAST`)).toBe(
      '554 5.6.6 Message content not available: the IMAP URL did not validate\r\n',
    );
    expect(bobInbox(server)).toHaveLength(0);
    // The transaction is still there: a good URL completes it.
    const good = authorize(server, `${SEED_4};URLAUTH=submit+student`);
    expect(c.send(`BURL ${good} LAST`)).toMatch(/^250 /);
  });

  it('a changed token, an expired URL, a reset key, another scheme: 554 5.6.6', () => {
    let now = Date.UTC(2026, 2, 10, 12, 0, 0);
    const store = new MailStore({ clock: { now: () => now } });
    seedStore(store);
    store.addAccount('bob', 'hunter2');
    const server = createServerContext(store);
    const { c } = transaction(server);
    const url = authorize(server, `${SEED_4};EXPIRE=2026-03-10T13:00:00Z;URLAUTH=submit+student`);
    const forged = url.replace(/.$/, (d) => (d === '0' ? '1' : '0'));
    expect(c.send(`BURL ${forged} LAST`)).toMatch(/^554 5\.6\.6 /);
    expect(c.send('BURL https://popvsimap.lab/x LAST')).toMatch(/^554 5\.6\.6 /);
    now = Date.UTC(2026, 2, 10, 13, 0, 0);
    expect(c.send(`BURL ${url} LAST`)).toMatch(/^554 5\.6\.6 /);
    now = Date.UTC(2026, 2, 10, 12, 30, 0);
    const imap = connectImap(server);
    imap.send('i1 LOGIN student secret');
    imap.send('i2 RESETKEY INBOX');
    expect(c.send(`BURL ${url} LAST`)).toMatch(/^554 5\.6\.6 /);
    expect(bobInbox(server)).toHaveLength(0);
  });

  it.each([
    ['no URL', 'BURL', /^501 5\.5\.4 /],
    ['a word other than LAST', `BURL ${SEED_4} FIRST`, /^501 5\.5\.4 /],
    ['more arguments', `BURL ${SEED_4} LAST LAST`, /^501 5\.5\.4 /],
    ['no scheme', 'BURL /INBOX/;UID=4 LAST', /^501 5\.5\.4 /],
  ])('%s is a syntax error (§3.5)', (_, line, expected) => {
    const { c } = transaction();
    expect(c.send(line)).toMatch(expected);
  });

  it('needs a recipient first (503), as DATA does', () => {
    const { server, c } = loggedInSmtp();
    const url = authorize(server, `${SEED_4};URLAUTH=submit+student`);
    expect(c.send(`BURL ${url} LAST`)).toMatch(/^503 5\.5\.1 /);
    c.send('MAIL FROM:<student@popvsimap.lab>');
    expect(c.send(`BURL ${url} LAST`)).toMatch(/^503 5\.5\.1 /);
  });

  it('its lines are explained: the command, the EHLO keyword and the 5.6.6 refusal (RFC 4468)', () => {
    const c2s = explainWire({ protocol: 'smtp', direction: 'c2s', raw: `BURL ${SEED_4} LAST\r\n` });
    expect(c2s.rfc).toBe('RFC 4468 §3.2');
    expect(c2s.explanation).toMatch(/fetches a piece of the message from a URL/);
    const ehlo = explainWire({
      protocol: 'smtp',
      direction: 's2c',
      raw: '250-popvsimap.lab Hello x\r\n250-BURL imap\r\n250 HELP\r\n',
      command: 'EHLO',
    });
    expect(ehlo.tokens.find((t) => t.text === 'BURL imap')?.rfc).toBe('RFC 4468 §3.3');
    const refused = explainWire({
      protocol: 'smtp',
      direction: 's2c',
      raw: '554 5.6.6 Message content not available: the IMAP URL did not validate\r\n',
      command: 'BURL',
    });
    expect(refused.tokens.find((t) => t.text === '5.6.6')?.explanation).toMatch(/message content/);
  });

  it('fuzzing: any argument gets one reply line, never a throw; a refusal delivers nothing', () => {
    const piece = fc.constantFrom(
      'imap://',
      'student@',
      'popvsimap.lab',
      '/INBOX',
      '/;UID=4',
      ';URLAUTH=submit+student',
      ':internal:',
      '01'.repeat(21),
      ' LAST',
      ' ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const { server, c } = transaction();
        const before = JSON.stringify(snapshotStore(server.store));
        const reply = c.send(`BURL ${pieces.join('')}`);
        expect(reply).toMatch(/^\d{3} [245]\.\d+\.\d+ [^\r\n]*\r\n$/);
        if (!reply.startsWith('250')) expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
