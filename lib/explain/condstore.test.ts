import { describe, expect, it } from 'vitest';
import { explainWire } from './index';

/** CONDSTORE and QRESYNC lines (RFC 7162), as a student reads them in an IMAP4rev1 session. */
const explain = (raw: string) =>
  explainWire({ protocol: 'imap', direction: 's2c', raw: raw + '\r\n', rev2: false });

describe('explaining CONDSTORE and QRESYNC (RFC 7162)', () => {
  it.each([
    ['* OK [HIGHESTMODSEQ 48] Highest', 'RFC 7162 §3.1.2.1', /highest mod-sequence is 48/],
    ['* OK [NOMODSEQ] No mod-sequences', 'RFC 7162 §3.1.2.2', /keeps no mod-sequences/],
    ['a1 OK [MODIFIED 7,9] Conditional STORE failed', 'RFC 7162 §3.1.3', /left 7,9 alone/],
    [
      '* VANISHED (EARLIER) 5:6',
      'RFC 7162 §3.2.10.1',
      /UIDs 5:6 are not in this mailbox now: of the UIDs the client named in .*, these were expunged \(deleted, or moved to another mailbox\) since the mod-sequence it gave/,
    ],
    ['* VANISHED 5', 'RFC 7162 §3.2.10.2', /UID 5 was expunged just now/],
    ['* OK [CLOSED] Previous mailbox is now closed', 'RFC 7162 §3.2.11', /closed/],
  ])('%s cites %s', (line, rfc, words) => {
    const e = explain(line);
    expect(e.rfc).toBe(rfc);
    expect(e.explanation).toMatch(words);
  });

  it('cites RFC 7162 §3.1 beside the FETCH response for an untagged FETCH with MODSEQ that the client did not ask for', () => {
    const other = explain('* 4 FETCH (UID 9 FLAGS (\\Seen) MODSEQ (51))');
    // MODSEQ in every unasked FETCH is CONDSTORE's (§3.1); UID in it QRESYNC's (§3.2.4).
    expect(other.rfc).toBe('RFC 3501 §7.4.2; RFC 7162 §3.1, §3.2.4');
    expect(other.explanation).toMatch(/another session changed this message’s flags/);
    expect(other.explanation).toMatch(/once CONDSTORE is on/);
    const asked = explainWire({
      protocol: 'imap',
      direction: 's2c',
      raw: '* 4 FETCH (UID 9 MODSEQ (51))\r\n',
      rev2: false,
      command: 'UID FETCH',
    });
    expect(asked.rfc).toBe('RFC 3501 §7.4.2');
    expect(explain('* 4 FETCH (UID 9 FLAGS (\\Seen))').rfc).toBe('RFC 3501 §7.4.2');
  });

  it('a FETCH in the answer to SELECT or EXAMINE with QRESYNC is a change since the mod-sequence, not another session’s', () => {
    const inSelect = (raw: string, command: string, knownUidNext?: number) =>
      explainWire({
        protocol: 'imap',
        direction: 's2c',
        raw: raw + '\r\n',
        rev2: false,
        command,
        commandLine: `a9 ${command} INBOX (QRESYNC (1700000000 41))`,
        ...(knownUidNext === undefined ? {} : { knownUidNext }),
      });
    for (const command of ['SELECT', 'EXAMINE']) {
      const x = inSelect('* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (44))', command);
      expect(x.explanation).not.toMatch(/another session/);
      expect(x.explanation).toMatch(
        new RegExp(`Part of the ${command} \\(QRESYNC\\) answer: this message changed since mod-sequence 41`),
      );
      expect(x.rfc).toBe('RFC 3501 §7.4.2; RFC 7162 §3.2.5');
    }
    // Knowing the UIDNEXT the client last saw tells a new message from a flag change.
    expect(inSelect('* 39 FETCH (UID 41 FLAGS () MODSEQ (42))', 'SELECT', 41).explanation).toMatch(
      /a new message since mod-sequence 41 \(UID 41 is at or above UIDNEXT 41/,
    );
    expect(inSelect('* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (44))', 'SELECT', 41).explanation).toMatch(
      /flags changed since mod-sequence 41 \(UID 3 is below UIDNEXT 41/,
    );
    // A SELECT with CONDSTORE alone, or none, sends no such FETCH; one there is not called another session's.
    const plain = explainWire({
      protocol: 'imap',
      direction: 's2c',
      raw: '* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (44))\r\n',
      command: 'SELECT',
      commandLine: 'a9 SELECT INBOX (CONDSTORE)',
    });
    expect(plain.explanation).not.toMatch(/another session/);
  });

  it('reads MODSEQ in FETCH and SEARCH, and HIGHESTMODSEQ in STATUS', () => {
    expect(explain('* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (44))').explanation).toMatch(/mod-sequence 44/);
    const search = explain('* SEARCH 1 2 (MODSEQ 9)');
    expect(search.explanation).toBe('2 messages match: 1 2.');
    expect(search.tokens.some((t) => t.rfc === 'RFC 7162 §3.1.6')).toBe(true);
    expect(
      explain('* STATUS INBOX (HIGHESTMODSEQ 10)').tokens.some((t) =>
        /highest mod-sequence/.test(t.explanation),
      ),
    ).toBe(true);
  });
});
