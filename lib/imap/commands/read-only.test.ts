import { describe, expect, it } from 'vitest';
import { connectImap, imapTestServer } from '../testing';

/**
 * A mailbox opened with EXAMINE is read-only (RFC 9051 §6.3.3): a body FETCH marks nothing
 * \Seen, and CLOSE removes nothing (§6.4.1). The explanation of each line says what the server
 * then does, not what the same line does after SELECT.
 */
describe('explanations in a mailbox open read-only say what the server does there', () => {
  function opened(open: 'SELECT' | 'EXAMINE') {
    const server = imapTestServer();
    const c = connectImap(server);
    c.send('a1 LOGIN student secret');
    // Message 1 marked \Deleted by another session, so that CLOSE would have something to remove.
    const other = connectImap(server);
    other.send('b1 LOGIN student secret');
    other.send('b2 SELECT INBOX');
    other.send('b3 STORE 1 +FLAGS (\\Deleted)');
    other.send('b4 LOGOUT');
    c.send(`a2 ${open} INBOX`);
    const inbox = server.store.getAccount('student')!.inbox;
    const explained = (tag: string) =>
      c.events.find((e) => e.direction === 'c2s' && e.raw.startsWith(`${tag} `))?.explanation ?? '';
    return { c, inbox, explained };
  }

  it.each(['a3 FETCH 2 BODY[]', 'a3 UID FETCH 2 (FLAGS BODY[TEXT])'])('%s', (line) => {
    for (const open of ['SELECT', 'EXAMINE'] as const) {
      const { c, inbox, explained } = opened(open);
      c.send(line);
      const seen = inbox.messages.find((m) => m.uid === 2)!.flags.has('\\Seen');
      expect(seen).toBe(open === 'SELECT');
      if (seen) expect(explained('a3')).toMatch(/marks it \\Seen on the server/);
      else expect(explained('a3')).toMatch(/open read-only \(EXAMINE\), so this does not mark it \\Seen/);
    }
  });

  it('CLOSE', () => {
    for (const open of ['SELECT', 'EXAMINE'] as const) {
      const { c, inbox, explained } = opened(open);
      expect(c.send('a3 CLOSE')).toBe('a3 OK CLOSE completed\r\n');
      const removed = !inbox.messages.some((m) => m.uid === 1);
      expect(removed).toBe(open === 'SELECT');
      expect(explained('a3')).toMatch(
        removed ? /removing messages marked \\Deleted/ : /read-only \(EXAMINE\), so nothing is removed/,
      );
    }
  });
});
