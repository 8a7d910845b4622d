import { bytesToDisplayText } from '../lib/wire/bytes';
import type { Frame } from './types';

/**
 * What TLS 1.3 adds to each record, in octets (RFC 8446 §5.2): a 5-octet record header, the
 * 1-octet inner content type, and the AEAD tag (16 octets for AES-GCM and ChaCha20-Poly1305).
 * Padding is left out (implementations usually send none); so are TCP/IP headers.
 */
export const TLS13_RECORD_OVERHEAD = 5 + 1 + 16;

/** The most plaintext one TLS record carries (RFC 8446 §5.1: 2^14 octets). */
export const TLS_MAX_PLAINTEXT = 16384;

/** One wire unit as someone on the same Wi-Fi sees it. */
export type Overheard =
  | { readonly kind: 'plain'; readonly text: string }
  | { readonly kind: 'tls'; readonly records: number; readonly octets: number; readonly text: string };

/**
 * The device id of the sender's mail server delivering over SMTP (RFC 5321 relay): its session
 * runs between two mail servers, never over a device's network.
 */
export const SENDER_DEVICE = 'sender';

/**
 * What an eavesdropper on the café Wi-Fi sees of a frame: before TLS the exact text, the
 * password too (the bytes, not the masked display); inside TLS only records and their sizes.
 * The size is an estimate: the unit's octets split into records of at most 2^14, each with the
 * TLS 1.3 overhead. Null for a note (nothing travelled) and for the sender's server delivering
 * to the lab's (server to server: not on the Wi-Fi).
 */
export function overhear(
  frame: Pick<Frame, 'direction' | 'raw' | 'bytes' | 'encrypted'> & { device?: string | null },
): Overheard | null {
  if (frame.direction === 'none' || frame.raw === null || frame.device === SENDER_DEVICE) return null;
  if (!frame.encrypted) return { kind: 'plain', text: bytesToDisplayText(frame.raw) };
  const records = Math.max(1, Math.ceil(frame.bytes / TLS_MAX_PLAINTEXT));
  const octets = frame.bytes + records * TLS13_RECORD_OVERHEAD;
  const text =
    records === 1
      ? `TLS record, about ${octets} octets`
      : `${records} TLS records, about ${octets} octets in all`;
  return { kind: 'tls', records, octets, text };
}
