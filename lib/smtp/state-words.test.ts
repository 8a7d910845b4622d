import { describe, expect, it } from 'vitest';
import { smtpStateWords } from './state-words';
import { loggedInSmtp } from './testing';

describe('smtpStateWords', () => {
  it('says each state in RFC 5321’s terms (§3.3, §4.1.1.1, §4.1.1.4)', () => {
    expect(smtpStateWords('Connected')).toBe('before EHLO or HELO');
    expect(smtpStateWords('Ready')).toBe('no mail transaction');
    expect(smtpStateWords('Mail')).toBe('after MAIL FROM');
    expect(smtpStateWords('Rcpt')).toBe('after RCPT TO');
    expect(smtpStateWords('Data')).toBe('after DATA');
  });

  it('passes any other state through (POP3 and IMAP states are the RFCs’ own names)', () => {
    expect(smtpStateWords('TRANSACTION')).toBe('TRANSACTION');
    expect(smtpStateWords('toString')).toBe('toString');
  });

  it('has words for every state a real submission passes through', () => {
    const { c } = loggedInSmtp();
    c.send('MAIL FROM:<student@popvsimap.lab>');
    c.send('RCPT TO:<bob@popvsimap.lab>');
    c.send('DATA');
    c.send('Subject: hi\r\n\r\nHello.\r\n.');
    c.send('QUIT');
    const states = new Set(c.events.flatMap((e) => [e.stateBefore, e.stateAfter]));
    expect([...states].sort()).toEqual(['Connected', 'Data', 'Mail', 'Rcpt', 'Ready']);
    for (const state of states) expect(smtpStateWords(state)).not.toBe(state);
  });
});
