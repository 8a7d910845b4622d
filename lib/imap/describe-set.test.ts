import { describe, expect, it } from 'vitest';
import { imapSession, lines } from './testing';

/**
 * RFC 9051 §6.4.9 (RFC 3501 §6.4.8): "a UID range of 559:* always includes the UID of the last
 * message in the mailbox, even if 559 is higher than any assigned UID value". The explanation of
 * every command that names a UID set says so, and says what the server then does.
 */
describe('what a set with * means, in the words of each command that takes one', () => {
  const explained = (c: ReturnType<typeof imapSession>['c'], tag: string) =>
    c.events.find((e) => e.direction === 'c2s' && e.raw.startsWith(`${tag} `))?.explanation ?? '';

  it('UID FETCH 9:* in a mailbox whose last UID is 6 answers with message 6, and says why', () => {
    const { c } = imapSession({ select: true });
    expect(lines(c.send('a3 UID FETCH 9:* (FLAGS)'))).toEqual([
      '* 6 FETCH (UID 6 FLAGS (\\Recent))',
      'a3 OK UID FETCH completed',
    ]);
    expect(explained(c, 'a3')).toMatch(
      /"\*" is the highest UID in the mailbox; 9:\* always includes the message with the highest UID, even if that UID is below 9/,
    );
  });

  it.each([
    ['a3 UID STORE 9:* +FLAGS (\\Flagged)', /\* 6 FETCH \(UID 6 FLAGS \(\\Flagged/],
    ['a3 UID COPY 9:* Trash', /a3 OK \[COPYUID \d+ 6 \d+\]/],
    ['a3 UID MOVE 9:* Trash', /\* 6 EXPUNGE/],
    ['a3 UID EXPUNGE 9:*', /a3 OK/],
  ])('%s explains 9:* the same way', (command, reply) => {
    const { c } = imapSession({ select: true });
    expect(c.send(command)).toMatch(reply);
    expect(explained(c, 'a3')).toMatch(/9:\* always includes the message with the highest UID/);
  });

  it('a UID set without a range ending in * says nothing of it; 1:* needs no warning', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 UID FETCH 2:4 (FLAGS)');
    c.send('a4 UID FETCH 1:* (FLAGS)');
    expect(explained(c, 'a3')).not.toMatch(/\*/);
    expect(explained(c, 'a4')).toMatch(/"\*" is the highest UID in the mailbox\)/);
  });

  it('sequence numbers: * is the last message', () => {
    const { c } = imapSession({ select: true });
    c.send('a3 FETCH 2:* (FLAGS)');
    expect(explained(c, 'a3')).toMatch(
      /"\*" is the highest sequence number: the last message in the mailbox/,
    );
  });
});
