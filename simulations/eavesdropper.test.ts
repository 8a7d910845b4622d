import { describe, expect, it } from 'vitest';
import { SENDER_DEVICE, overhear, TLS13_RECORD_OVERHEAD } from './eavesdropper';

describe('what the eavesdropper sees', () => {
  it('before TLS: the exact bytes, the password too (not the masked display)', () => {
    expect(overhear({ direction: 'c2s', raw: 'PASS secret\r\n', bytes: 13 })).toEqual({
      kind: 'plain',
      text: 'PASS secret\r\n',
    });
  });

  it('inside TLS: one record of the unit’s size plus TLS 1.3’s 22 octets (5 header, 1 type, 16 tag)', () => {
    expect(TLS13_RECORD_OVERHEAD).toBe(22);
    const o = overhear({ direction: 's2c', raw: '+OK\r\n', bytes: 5, encrypted: true });
    expect(o).toEqual({ kind: 'tls', records: 1, octets: 27, text: 'TLS record, about 27 octets' });
  });

  it('a unit over 2^14 octets needs several records, each with its overhead', () => {
    const o = overhear({ direction: 's2c', raw: 'x', bytes: 40_000, encrypted: true });
    expect(o).toMatchObject({ kind: 'tls', records: 3, octets: 40_000 + 3 * 22 });
    expect(o!.text).toBe('3 TLS records, about 40066 octets in all');
  });

  it('a note shows nothing', () => {
    expect(overhear({ direction: 'none', raw: null, bytes: 0 })).toBeNull();
  });
});

describe('what the Wi-Fi does not carry', () => {
  // RFC 5321 §2.1: the sender's server relays to the recipient's, server to server.
  it('the sender’s server delivering over SMTP is not overheard on the device’s Wi-Fi', () => {
    const frame = { direction: 'c2s', raw: 'EHLO mx.students.example\r\n', bytes: 26 } as const;
    expect(overhear({ ...frame, device: SENDER_DEVICE })).toBeNull();
    expect(overhear({ ...frame, device: 'laptop' })).toMatchObject({ kind: 'plain' });
  });
});
