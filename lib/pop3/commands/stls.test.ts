import { describe, expect, it } from 'vitest';
import { LoopbackConnection } from '../../session/loopback';
import type { ConnectionSecurity } from '../../session/types';
import { Pop3Session } from '../session';
import { pop3TestServer } from '../testing';

/** A POP3 connection whose TLS layer is modelled: `startTls` flips it to active. */
function connect(security: { loopback: boolean; tlsAvailable: boolean; tlsActive?: boolean }) {
  const state: ConnectionSecurity & { started: number } = {
    loopback: security.loopback,
    tlsAvailable: security.tlsAvailable,
    tlsActive: security.tlsActive ?? false,
    started: 0,
    startTls() {
      state.started++;
      (state as { tlsActive: boolean }).tlsActive = true;
    },
  };
  const c = new LoopbackConnection((io) => new Pop3Session(pop3TestServer(), { ...io, security: state }));
  c.take();
  return { c, state };
}

describe('STLS (RFC 2595 §4)', () => {
  it('CAPA lists STLS only where TLS can start, and not once it is active', () => {
    expect(connect({ loopback: true, tlsAvailable: true }).c.send('CAPA')).toContain('\r\nSTLS\r\n');
    expect(connect({ loopback: true, tlsAvailable: false }).c.send('CAPA')).not.toContain('STLS');
    expect(connect({ loopback: true, tlsAvailable: true, tlsActive: true }).c.send('CAPA')).not.toContain(
      'STLS',
    );
  });

  it('+OK, then TLS starts; the session forgets a pending USER and the bytes pipelined after STLS', () => {
    const { c, state } = connect({ loopback: true, tlsAvailable: true });
    c.send('USER student');
    expect(c.sendRaw('STLS\r\nPASS secret\r\n')).toBe('+OK Begin TLS negotiation\r\n');
    expect(state.started).toBe(1);
    expect(c.send('CAPA')).not.toContain('STLS');
    expect(c.send('PASS secret')).toMatch(/^-ERR /);
    expect(c.send('USER student')).toMatch(/^\+OK/);
    expect(c.send('PASS secret')).toMatch(/^\+OK/);
  });

  it('is refused twice, where TLS is not available, and after login (nothing changes)', () => {
    const { c, state } = connect({ loopback: true, tlsAvailable: true });
    c.send('STLS');
    expect(c.send('STLS')).toBe('-ERR Command not permitted when TLS active\r\n');
    expect(connect({ loopback: true, tlsAvailable: false }).c.send('STLS')).toBe(
      '-ERR TLS is not available on this connection\r\n',
    );
    c.send('USER student');
    c.send('PASS secret');
    expect(c.send('STLS')).toBe('-ERR STLS is not valid in the TRANSACTION state\r\n');
    expect(state.started).toBe(1);
  });

  it('a clear-text password: allowed on loopback, refused from elsewhere until TLS is active', () => {
    expect(connect({ loopback: true, tlsAvailable: true }).c.send('USER student')).toMatch(/^\+OK/);
    const { c } = connect({ loopback: false, tlsAvailable: true });
    expect(c.send('USER student')).toBe(
      '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n',
    );
    c.send('STLS');
    expect(c.send('USER student')).toMatch(/^\+OK/);
  });
});
