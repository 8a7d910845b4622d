import { describe, expect, it } from 'vitest';
import { PRE_AUTH_CAPABILITIES } from '../imap/capabilities';
import { KNOWN_CODES } from './imap-codes';
import { KNOWN_WORDS, attributeMeaning, capabilityMeaning, flagMeaning } from './imap-words';
import { explainWire, type WireUnit } from './index';
import { citationsIn, sectionExists } from './rfc-sections';

/**
 * The base IMAP teaching text read against RFC 9051 and RFC 3501: what a student reads for each
 * line, and the section cited for it. RFC 3501 for IMAP4rev1 forms, RFC 9051 for IMAP4rev2's;
 * the sentence says which part is protocol and which is this server's policy.
 */
const s2c = (raw: string, extra: Partial<WireUnit> = {}) =>
  explainWire({ protocol: 'imap', direction: 's2c', raw, ...extra });
const c2s = (raw: string, extra: Partial<WireUnit> = {}) =>
  explainWire({ protocol: 'imap', direction: 'c2s', raw, ...extra });
const tokenOf = (e: ReturnType<typeof explainWire>, text: string) => e.tokens.find((t) => t.text === text);

describe('response codes', () => {
  it('HASCHILDREN: DELETE refused for child mailboxes, an IMAP4rev2 code (RFC 9051 §7.1) sent to both', () => {
    const raw = 'a4 NO [HASCHILDREN] Name "foo" has inferior hierarchical names\r\n';
    for (const rev2 of [false, true]) {
      const e = s2c(raw, { command: 'DELETE', rev2 });
      expect(e.explanation).toMatch(/^The server refused the DELETE command \(tag a4\)/);
      expect(e.explanation).toMatch(/has child mailboxes/);
      expect(e.explanation).toMatch(/an IMAP4rev2 code, which this server also sends to IMAP4rev1 clients/);
      expect(e.rfc).toBe('RFC 9051 §7.1');
      expect(tokenOf(e, '[HASCHILDREN')?.explanation).not.toMatch(/does not know/);
    }
  });

  it('TOOBIG: CATENATE’s code (RFC 4469 §4.2), not RFC 9051’s; in a BAD, RFC 7888 §5', () => {
    for (const rev2 of [false, true]) {
      const no = s2c('a5 NO [TOOBIG] Literal too large (limit 8192 octets)\r\n', { command: 'APPEND', rev2 });
      expect(no.rfc).toBe('RFC 4469 §4.2');
      expect(no.explanation).not.toMatch(/IMAP4rev2/);
      expect(no.explanation).toMatch(/the limit is this server’s own/);
      const bad = s2c('a5 BAD [TOOBIG] Literal too large\r\n', { command: 'APPEND', rev2 });
      expect(bad.rfc).toBe('RFC 7888 §5; RFC 4469 §4.2');
      expect(bad.explanation).toMatch(
        /non-synchronizing literal .*read past them and refused the whole command/,
      );
      expect(bad.explanation).toMatch(/RFC 7888 §5 has a LITERAL- server put TOOBIG in such a BAD/);
    }
  });

  it('UIDVALIDITY: what a change means, from §2.3.1.1, not a duty §7.1 does not state', () => {
    const raw = '* OK [UIDVALIDITY 1700000000] UIDs valid\r\n';
    const rev1 = s2c(raw, { command: 'SELECT' });
    expect(rev1.explanation).toMatch(
      /must send a greater value if the UIDs of an earlier session did not persist/,
    );
    expect(rev1.explanation).toMatch(/no longer reliably name the same messages/);
    expect(rev1.explanation).not.toMatch(/must forget/);
    expect(rev1.rfc).toBe('RFC 3501 §2.3.1.1');
    expect(s2c(raw, { command: 'SELECT', rev2: true }).rfc).toBe('RFC 9051 §2.3.1.1');
  });

  it('CAPABILITY: no need to ask again only while TLS and login state are unchanged (RFC 9051 §7.1)', () => {
    const raw = '* OK [CAPABILITY IMAP4rev1 IMAP4rev2 STARTTLS] ready\r\n';
    const rev2 = tokenOf(s2c(raw, { rev2: true }), '[CAPABILITY')!;
    expect(rev2.explanation).toMatch(
      /need not send CAPABILITY, as long as the TLS and authentication state has not changed/,
    );
    expect(rev2.rfc).toBe('RFC 9051 §7.1');
    const rev1 = s2c(raw, { state: 'Not Authenticated' });
    expect(rev1.explanation).toMatch(
      /once TLS starts the client must discard it and should ask again \(§6\.2\.1\)/,
    );
    expect(rev1.rfc).toBe('RFC 3501 §7.1.1');
  });

  it('UNSEEN: deprecated in IMAP4rev2 (Appendix E), not dropped; cited from RFC 3501', () => {
    const e = s2c('* OK [UNSEEN 3] First unseen\r\n', { command: 'SELECT', rev2: true });
    expect(e.explanation).toMatch(
      /deprecated in IMAP4rev2 \(RFC 9051 Appendix E\): this server does not send it once IMAP4rev2 is enabled/,
    );
    expect(e.explanation).not.toMatch(/dropped/);
    expect(e.rfc).toBe('RFC 3501 §7.1');
  });
});

describe('IMAP4rev1 forms IMAP4rev2 deprecates (RFC 9051 Appendix E), none of them “dropped”', () => {
  it('\\Recent, the RECENT response and SEARCH say deprecated, and what this server does', () => {
    const recent = flagMeaning('\\Recent', true);
    expect(recent.text).toMatch(
      /deprecated in IMAP4rev2 \(RFC 9051 Appendix E\): this server does not send it/,
    );
    expect(recent.text).not.toMatch(/dropped/);
    expect(recent.rfc).toBe('RFC 3501 §2.3.2');
    const response = s2c('* 2 RECENT\r\n', { command: 'SELECT' });
    expect(tokenOf(response, 'RECENT')!.explanation).toMatch(
      /deprecated in IMAP4rev2 \(RFC 9051 Appendix E\): this server does not send it once IMAP4rev2 is enabled/,
    );
    expect(JSON.stringify(response)).not.toMatch(/dropped/);
    expect(tokenOf(s2c('* SEARCH 2 5\r\n', { command: 'SEARCH' }), 'SEARCH')!.explanation).toMatch(
      /deprecated in IMAP4rev2, where SEARCH answers with ESEARCH, RFC 9051 Appendix E: this server does not send it/,
    );
  });

  it('LSUB, STATUS RECENT and the RFC822 items: deprecated, still answered, cited from RFC 3501', () => {
    const lsub = s2c('* LSUB () "/" Archive\r\n', { command: 'LSUB', rev2: true });
    expect(tokenOf(lsub, 'LSUB')!.explanation).toMatch(
      /IMAP4rev2 deprecates LSUB .*this server still answers LSUB/,
    );
    const status = s2c('* STATUS INBOX (RECENT 1)\r\n', { command: 'STATUS', rev2: true });
    expect(tokenOf(status, 'RECENT 1')!.explanation).toMatch(/deprecated in IMAP4rev2 .*still answers it/);
    // RFC 9051 §6.3.11 lists no RECENT item, §6.4.5 no RFC822 items.
    expect(tokenOf(status, 'RECENT 1')!.rfc).toBe('RFC 3501 §6.3.10');
    expect(tokenOf(c2s('a1 STATUS INBOX (RECENT)\r\n', { rev2: true }), 'RECENT')!.rfc).toBe(
      'RFC 3501 §6.3.10',
    );
    const fetch = c2s('a2 FETCH 1 (RFC822.HEADER RFC822)\r\n', { rev2: true });
    expect(tokenOf(fetch, 'RFC822.HEADER')!.explanation).toMatch(
      /deprecated in IMAP4rev2, RFC 9051 Appendix E/,
    );
    expect(tokenOf(fetch, 'RFC822')!.rfc).toBe('RFC 3501 §6.4.5');
    const answer = s2c('* 1 FETCH (RFC822.HEADER {4}\r\na:b\n)\r\n', { command: 'FETCH', rev2: true });
    expect(tokenOf(answer, 'RFC822.HEADER')!.explanation).toMatch(/deprecated in IMAP4rev2/);
    expect(tokenOf(answer, 'RFC822.HEADER')!.rfc).toBe('RFC 3501 §7.4.2');
  });
});

describe('FETCH, literals and mailbox names: protocol and this server’s policy apart', () => {
  it('RFC822.SIZE: this server’s BODY[] matches exactly; RFC 9051 only asks that it SHOULD', () => {
    const raw = '* 1 FETCH (RFC822.SIZE 708)\r\n';
    const rev2 = tokenOf(s2c(raw, { command: 'FETCH', rev2: true }), '708')!;
    expect(rev2.explanation).toBe(
      '708: octets; this server’s BODY[] of the message returns exactly this many (RFC 9051 §2.3.4 asks only that the two SHOULD match).',
    );
    expect(rev2.rfc).toBe('RFC 9051 §2.3.4');
    const rev1 = tokenOf(s2c(raw, { command: 'FETCH' }), '708')!;
    expect(rev1.explanation).toMatch(
      /this server’s BODY\[\].*RFC 3501 §2\.3\.4 does not tie the two together/,
    );
    expect(rev1.rfc).toBe('RFC 3501 §2.3.4');
  });

  it('a {n+} over 4096 octets in IMAP4rev2 is LITERAL+’s (RFC 7888 §3), not RFC 9051 §4.3’s', () => {
    const literal = (size: number, rev2: boolean) =>
      tokenOf(
        c2s(`a3 APPEND INBOX {${size}+}\r\n${'x'.repeat(size)}\r\n`, { command: 'APPEND', rev2 }),
        `{${size}+}`,
      )!;
    expect(literal(4096, true).rfc).toBe('RFC 9051 §4.3');
    expect(literal(4096, true).explanation).toMatch(/which IMAP4rev2 allows up to 4096 octets/);
    expect(literal(4097, true).rfc).toBe('RFC 7888 §3');
    expect(literal(4097, true).explanation).toMatch(
      /IMAP4rev2 alone allows that only up to 4096 octets \(RFC 9051 §4\.3\); this larger one is allowed because this server advertises LITERAL\+/,
    );
    expect(literal(10, false).rfc).toBe('RFC 7888 §3');
    expect(literal(10, false).explanation).toMatch(/LITERAL\+, which this server advertises/);
  });

  it('a bad modified UTF-7 name: the BAD is this server’s choice; §5.1.3 asks only about CREATE', () => {
    const amp = tokenOf(c2s('a1 SELECT "Tom & Jerry"\r\n'), '"Tom & Jerry"')!;
    expect(amp.explanation).toMatch(/not valid modified UTF-7/);
    expect(amp.explanation).toMatch(
      /This server answers BAD, for any command; that is its own choice, as RFC 3501 §5\.1\.3 only says a server SHOULD check the names with "&" given to CREATE/,
    );
    expect(amp.explanation).not.toMatch(/7-bit/);
    expect(amp.rfc).toBe('RFC 3501 §5.1.3');
    // The 7-bit rule is §5.1's.
    const eight = tokenOf(c2s('a1 CREATE Caf\xc3\xa9\r\n'), 'Caf\xc3\xa9')!;
    expect(eight.explanation).toMatch(/an IMAP4rev1 mailbox name is 7-bit/);
    expect(eight.explanation).toMatch(
      /its own choice, as RFC 3501 §5\.1 only says servers SHOULD NOT create 8-bit names/,
    );
    expect(eight.rfc).toBe('RFC 3501 §5.1');
  });
});

describe('greetings and STARTTLS', () => {
  it('a PREAUTH greeting starts in the Authenticated state, not Not Authenticated (§7.1.4)', () => {
    for (const state of ['Not Authenticated', undefined]) {
      const e = s2c('* PREAUTH [CAPABILITY IMAP4rev1] Logged in as ada\r\n', state ? { state } : {});
      expect(e.explanation).toMatch(
        /^The server’s greeting: the connection has already been authenticated by external means, so it starts in the Authenticated state and needs no LOGIN or AUTHENTICATE/,
      );
      expect(e.explanation).not.toMatch(/Not Authenticated/);
      expect(e.rfc).toBe('RFC 3501 §7.1.4');
    }
    expect(s2c('* OK [CAPABILITY IMAP4rev1] ready\r\n', { state: 'Not Authenticated' }).explanation).toMatch(
      /starts in the Not Authenticated state/,
    );
  });

  it('the STARTTLS OK: TLS starts after its CRLF; the client discards capabilities and asks again', () => {
    const e = s2c('a1 OK Begin TLS negotiation now\r\n', { command: 'STARTTLS' });
    expect(e.explanation).toBe(
      'The STARTTLS command (tag a1) succeeded: TLS negotiation begins right after this line’s CRLF. Once TLS is up, the client must discard the capabilities it learnt before and should ask for them again with CAPABILITY (the server may list different ones).',
    );
    expect(e.rfc).toBe('RFC 3501 §6.2.1');
  });
});

describe('capabilities, flags, attributes and codes all carry a citation', () => {
  const known = (rfc: string | undefined, what: string) => {
    expect(rfc, what).toMatch(/^RFC \d+ (§|Appendix )/);
    for (const c of citationsIn(rfc ?? '')) expect(sectionExists(c), `${what}: ${rfc}`).toBe(true);
  };

  it.each([false, true])('every table entry, IMAP4rev2 %s', (rev2) => {
    for (const name of KNOWN_WORDS.capabilities) known(capabilityMeaning(name, rev2).rfc, name);
    for (const name of KNOWN_WORDS.flags) known(flagMeaning(name, rev2).rfc, name);
    for (const name of KNOWN_WORDS.attributes) known(attributeMeaning(name, rev2).rfc, name);
    for (const code of KNOWN_CODES) {
      const e = s2c(`a1 NO [${code} 1 2 3] text\r\n`, { rev2 });
      known(e.rfc, code);
      known(tokenOf(e, `[${code}`)?.rfc, `[${code}`);
    }
  });

  it('SASL-IR cites RFC 4959 §1, NAMESPACE its command, UNSELECT RFC 3691 or RFC 9051', () => {
    expect(capabilityMeaning('SASL-IR', false).rfc).toBe('RFC 4959 §1');
    expect(capabilityMeaning('NAMESPACE', false).rfc).toBe('RFC 2342 §5');
    expect(capabilityMeaning('NAMESPACE', true).rfc).toBe('RFC 9051 §6.3.10');
    expect(capabilityMeaning('UNSELECT', false).rfc).toBe('RFC 3691 §1');
    expect(capabilityMeaning('UNSELECT', true).rfc).toBe('RFC 9051 §6.4.2');
  });

  it('every capability this server advertises has its own entry, not the generic one', () => {
    const upper = new Set(KNOWN_WORDS.capabilities);
    expect(PRE_AUTH_CAPABILITIES.filter((c) => !upper.has(c.toUpperCase()))).toEqual([]);
  });
});

describe("the server's own text in a sentence", () => {
  it('is quoted once, without a doubled full stop, and an empty text says no reason was given', () => {
    const ended = s2c('a1 NO Mailbox does not exist.\r\n', { command: 'SELECT' });
    expect(ended.explanation).toBe('The server refused the SELECT command (tag a1): Mailbox does not exist.');
    const bare = s2c('a2 BAD Invalid arguments\r\n', { command: 'FETCH' });
    expect(bare.explanation).toBe(
      'The server rejected the FETCH command (tag a2) as a protocol error: Invalid arguments.',
    );
    const empty = s2c('a3 NO \r\n', { command: 'SELECT' });
    expect(empty.explanation).toBe('The server refused the SELECT command (tag a3): no reason given.');
    expect(s2c('* BYE Shutting down.\r\n').explanation).not.toMatch(/\.\./);
  });
});
