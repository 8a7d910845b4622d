import { describe, expect, it } from 'vitest';
import { explainWire } from './index';

/** How a student reads SEARCH's RETURN options and the UID prefix (issue 12's kind: command semantics). */
const commandOf = (raw: string) => {
  const [, first, second] = raw.split(' ');
  return first === 'UID' ? `UID ${second}` : first;
};
const client = (raw: string, rev2 = false) =>
  explainWire({ protocol: 'imap', direction: 'c2s', raw: raw + '\r\n', rev2, command: commandOf(raw) });
const token = (raw: string, text: string, rev2 = false) =>
  client(raw, rev2).tokens.find((t) => t.text === text);

describe('SEARCH arguments and the UID prefix', () => {
  it('calls RETURN (…) result options, each cited where it is defined, not search criteria', () => {
    const line = 'a1 UID SEARCH RETURN (SAVE COUNT PARTIAL -1:-2 UPDATE) UNSEEN';
    expect(token(line, 'RETURN')?.explanation).toMatch(/what to send back.*not which messages match/);
    expect(token(line, 'RETURN')?.rfc).toBe('RFC 4731 §3.1');
    expect(token(line, 'SAVE')?.rfc).toBe('RFC 5182 §2.1');
    expect(token(line, 'COUNT')?.rfc).toBe('RFC 4731 §3.1');
    expect(token(line, 'PARTIAL')?.rfc).toBe('RFC 9394 §3.1');
    expect(token(line, '-1:-2')?.rfc).toBe('RFC 9394 §3.1');
    expect(token(line, 'UPDATE')?.rfc).toBe('RFC 5267 §4.3');
    expect(token(line, 'UNSEEN')?.explanation).toMatch(/search criteria/);
    for (const t of client(line).tokens)
      if (['SAVE', 'COUNT', 'PARTIAL', 'UPDATE', 'RETURN'].includes(t.text))
        expect(t.explanation).not.toMatch(/criteria/);
  });

  it('cites RFC 9051 for the base options in an IMAP4rev2 session', () => {
    expect(token('a1 SEARCH RETURN (MIN MAX) ALL', 'MIN', true)?.rfc).toBe('RFC 9051 §6.4.4');
  });

  it('says UID SEARCH answers with UIDs while its criteria keep sequence numbers', () => {
    const t = token('a1 UID SEARCH 1:5 UNSEEN', 'UID SEARCH');
    expect(t?.explanation).toMatch(/answer lists UIDs, not sequence numbers/);
    expect(t?.explanation).toMatch(/bare number set is still sequence numbers/);
    expect(t?.explanation).not.toMatch(/replies still start/);
  });

  it('says UID FETCH replies start with sequence numbers, and that n:* includes the highest UID', () => {
    const t = token('a1 UID FETCH 7:* (FLAGS)', 'UID FETCH');
    expect(t?.explanation).toMatch(/still starts with the message's sequence number/);
    expect(t?.explanation).toMatch(/n:\* always includes the highest UID/);
  });

  it('cites UIDPLUS for UID EXPUNGE in an IMAP4rev1 session', () => {
    expect(token('a1 UID EXPUNGE 4:6', 'UID EXPUNGE')?.rfc).toBe('RFC 4315 §2.1');
  });
});
