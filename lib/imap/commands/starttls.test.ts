import { describe, expect, it } from 'vitest';
import { LoopbackConnection } from '../../session/loopback';
import type { ConnectionSecurity } from '../../session/types';
import { ImapSession } from '../session';
import { imapTestServer } from '../testing';

/** An IMAP connection whose TLS layer is modelled: `startTls` flips it to active. */
function connect(security: { loopback: boolean; tlsAvailable: boolean; tlsActive?: boolean }) {
  const state = {
    loopback: security.loopback,
    tlsAvailable: security.tlsAvailable,
    tlsActive: security.tlsActive ?? false,
    started: 0,
    startTls() {
      state.started++;
      state.tlsActive = true;
    },
  } satisfies ConnectionSecurity & { started: number };
  const c = new LoopbackConnection((io) => new ImapSession(imapTestServer(), { ...io, security: state }));
  const greeting = c.take();
  return { c, state, greeting };
}

const caps = (reply: string) => /CAPABILITY ([^\]\r\n]*)/.exec(reply)![1]!.split(' ');

describe('STARTTLS (RFC 9051 §6.2.1, RFC 3501 §6.2.1)', () => {
  it('is advertised only where TLS can start, in the greeting and CAPABILITY, and not once active', () => {
    expect(caps(connect({ loopback: true, tlsAvailable: true }).greeting)).toContain('STARTTLS');
    expect(caps(connect({ loopback: true, tlsAvailable: true }).c.send('a CAPABILITY'))).toContain(
      'STARTTLS',
    );
    expect(caps(connect({ loopback: true, tlsAvailable: false }).greeting)).not.toContain('STARTTLS');
    expect(caps(connect({ loopback: true, tlsAvailable: true, tlsActive: true }).greeting)).not.toContain(
      'STARTTLS',
    );
  });

  it('OK, then TLS starts; what was pipelined after it is dropped; CAPABILITY afterwards no longer offers it', () => {
    const { c, state } = connect({ loopback: false, tlsAvailable: true });
    expect(c.sendRaw('a1 STARTTLS\r\na2 LOGIN student secret\r\n')).toBe(
      'a1 OK Begin TLS negotiation now\r\n',
    );
    expect(state.started).toBe(1);
    const after = caps(c.send('a3 CAPABILITY'));
    expect(after).not.toContain('STARTTLS');
    expect(after).not.toContain('LOGINDISABLED');
    expect(after).toContain('AUTH=PLAIN');
    expect(c.send('a4 LOGIN student secret')).toMatch(/^a4 OK /m);
  });

  it('is refused a second time, where TLS is unavailable, and after login, changing nothing', () => {
    const { c, state } = connect({ loopback: true, tlsAvailable: true });
    c.send('a1 STARTTLS');
    expect(c.send('a2 STARTTLS')).toBe('a2 BAD TLS is already active\r\n');
    expect(connect({ loopback: true, tlsAvailable: false }).c.send('b STARTTLS')).toBe(
      'b BAD TLS is not available on this connection\r\n',
    );
    c.send('a3 LOGIN student secret');
    expect(c.send('a4 STARTTLS')).toMatch(/^a4 BAD /);
    expect(state.started).toBe(1);
  });

  it('LOGINDISABLED away from loopback until TLS: LOGIN and AUTHENTICATE PLAIN get NO [PRIVACYREQUIRED]', () => {
    const { c, greeting } = connect({ loopback: false, tlsAvailable: true });
    expect(caps(greeting)).toContain('LOGINDISABLED');
    expect(caps(greeting)).not.toContain('AUTH=PLAIN');
    expect(c.send('a1 LOGIN student secret')).toBe(
      'a1 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n',
    );
    expect(c.send(`a2 AUTHENTICATE PLAIN ${btoa('\0student\0secret')}`)).toMatch(
      /^a2 NO \[PRIVACYREQUIRED\]/,
    );
    // On loopback the lab allows a password in the clear, so the exchange can be watched.
    const local = connect({ loopback: true, tlsAvailable: true });
    expect(caps(local.greeting)).not.toContain('LOGINDISABLED');
    expect(local.c.send('b LOGIN student secret')).toMatch(/^b OK /m);
  });
});
