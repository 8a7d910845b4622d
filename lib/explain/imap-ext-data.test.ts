import { describe, expect, it } from 'vitest';
import { explainWire, type WireUnit } from '.';

const imapS = (raw: string, extra: Partial<WireUnit> = {}): WireUnit => ({
  protocol: 'imap',
  direction: 's2c',
  raw,
  ...extra,
});
const token = (unit: WireUnit, text: string) => explainWire(unit).tokens.find((t) => t.text === text);

describe('extension data responses', () => {
  it('ID: the server introduces itself, for logs only (RFC 2971 §3.2)', () => {
    const u = imapS('* ID ("name" "POP vs IMAP Lab" "version" NIL)\r\n', { command: 'ID' });
    const x = explainWire(u);
    expect(x.explanation).toBe(
      'The server introduces itself: name "POP vs IMAP Lab". Clients may log this, but neither side may change what it does because of it (RFC 2971 §3).',
    );
    expect(x.rfc).toBe('RFC 2971 §3.2');
    expect(token(u, '"version" NIL')!.explanation).toBe('version: not given (NIL).');
    expect(explainWire(imapS('* ID NIL\r\n')).explanation).toBe(
      'The server chooses not to say which program it is (ID NIL).',
    );
  });

  it('QUOTAROOT names the roots a mailbox counts against, or none (RFC 9208 §4.2.2)', () => {
    const x = explainWire(imapS('* QUOTAROOT INBOX "User quota"\r\n', { command: 'GETQUOTAROOT' }));
    expect(x.explanation).toBe('Mailbox INBOX counts against the quota root "User quota".');
    expect(x.rfc).toBe('RFC 9208 §4.2.2');
    expect(explainWire(imapS('* QUOTAROOT INBOX\r\n')).explanation).toBe(
      'Mailbox INBOX has no quota root: no limit applies to it.',
    );
  });

  it('QUOTA reads each resource as usage and limit, STORAGE in KB (RFC 9208 §4.2.1, §5)', () => {
    const u = imapS('* QUOTA "" (STORAGE 10 512 MESSAGE 3 100)\r\n', { command: 'GETQUOTA' });
    const x = explainWire(u);
    expect(x.explanation).toBe(
      'Quota root "": storage 10 of 512 KB, messages 3 of 100 used. Past the limit, APPEND, COPY and MOVE fail with NO [OVERQUOTA] here (RFC 9208 §4.3.1 says a server SHOULD; past a soft quota one may accept them and send an untagged NO [OVERQUOTA]); how mail arriving over SMTP is handled is server policy: refused with an SMTP reply (452 4.2.2 or 552 5.2.2), or accepted and then reported to its sender in a delivery status notification; the limit itself is server policy too.',
    );
    expect(x.rfc).toBe('RFC 9208 §4.2.1');
    expect(token(u, 'STORAGE 10 512')!.rfc).toBe('RFC 9208 §5.1');
    expect(token(u, 'MESSAGE 3 100')!.explanation).toBe(
      'MESSAGE 3 100: messages used, 3 of at most 100 messages.',
    );
  });

  it('a truncated QUOTA line is explained without throwing', () => {
    for (const raw of [
      '* QUOTA\r\n',
      '* QUOTA "x" (STORAGE 1)\r\n',
      '* QUOTAROOT\r\n',
      '* ID (\r\n',
      '* ID ("a")\r\n',
    ])
      expect(explainWire(imapS(raw)).explanation).toBeTruthy();
  });

  it('capabilities and STATUS DELETED-STORAGE have meanings', () => {
    const caps = imapS('* CAPABILITY IMAP4rev1 ID QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE\r\n');
    expect(token(caps, 'QUOTA=RES-STORAGE')!.rfc).toBe('RFC 9208 §5.1');
    // "for statistics and problem determination only" is RFC 2971 §3's, not §3.1's (the command).
    expect(token(caps, 'ID')!.rfc).toBe('RFC 2971 §3');
    const status = imapS('* STATUS INBOX (DELETED-STORAGE 8)\r\n');
    expect(token(status, 'DELETED-STORAGE 8')!.explanation).toMatch(
      /EXPUNGE would free \(RFC 9208 §4.1.4, which names no unit: this server counts units of 1024 octets/,
    );
  });

  it('SORT lists matches in the order asked for (RFC 5256 §4)', () => {
    const u = imapS('* SORT 4 5 6 2\r\n', { command: 'SORT' });
    const x = explainWire(u);
    expect(x.explanation).toMatch(/^4 messages match, in this order: 4 5 6 2\./);
    expect(x.rfc).toBe('RFC 5256 §4');
    expect(token(u, '6')!.explanation).toBe('6: 3rd in the sorted order (a sequence number).');
    expect(explainWire(imapS('* SORT\r\n', { command: 'UID SORT' })).explanation).toBe('No message matches.');
    // RFC 7162 §3.1.9: a SORT with MODSEQ ends with the highest mod-sequence, not a message.
    const m = imapS('* SORT 6 2 (MODSEQ 8)\r\n', { command: 'SORT' });
    expect(explainWire(m).explanation).toMatch(/^2 messages match, in this order: 6 2\./);
    expect(token(m, '(MODSEQ 8)')!.rfc).toBe('RFC 7162 §3.1.9');
    expect(token(imapS('* CAPABILITY SORT SORT=DISPLAY\r\n'), 'SORT=DISPLAY')!.rfc).toBe('RFC 5957 §3');
  });

  it('THREAD reads each parenthesized group as one conversation (RFC 5256 §4)', () => {
    const u = imapS('* THREAD (1)(2)(4 (5)(6))\r\n', { command: 'THREAD' });
    expect(explainWire(u).explanation).toBe(
      'The server grouped the matching messages into 3 conversations: (1) (2) (4 (5)(6)).',
    );
    expect(token(u, '(4 (5)(6))')!.rfc).toBe('RFC 5256 §4');
    expect(explainWire(imapS('* THREAD\r\n')).explanation).toBe('No message matches, so there is no thread.');
  });
});
