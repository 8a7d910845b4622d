import { describe, expect, it } from 'vitest';
import { peerAddressOf } from './server';

describe('the peer address the sessions see (Received: TCP-info, RFC 5321 §4.4)', () => {
  it('keeps IPv4 and IPv6 apart, and takes an IPv4 peer of a dual-stack socket as IPv4', () => {
    expect(peerAddressOf('192.0.2.7')).toEqual({ family: 'IPv4', address: '192.0.2.7' });
    expect(peerAddressOf('::ffff:192.0.2.7')).toEqual({ family: 'IPv4', address: '192.0.2.7' });
    expect(peerAddressOf('2001:DB8::1')).toEqual({ family: 'IPv6', address: '2001:db8::1' });
    expect(peerAddressOf('::1')).toEqual({ family: 'IPv6', address: '::1' });
  });

  it('gives nothing for what is not an IP address (a socket already closed reports none)', () => {
    expect(peerAddressOf('')).toBeUndefined();
    expect(peerAddressOf('localhost')).toBeUndefined();
  });
});
