/**
 * The INTERNAL mechanism's authorization token (RFC 4467 §2.4.1, §2.5): the server's own
 * algorithm over the rump URL (§6: the URL up to the verifier) and the mailbox access key. Ours
 * is the version octet `01` (§2.4.1: a server SHOULD be able to tell which algorithm made a
 * token) followed by HMAC-SHA1 (RFC 2104) of the rump URL's octets keyed with the access key,
 * all as lower-case hex: 42 hex digits, within §9's `enc-urlauth = 32*HEXDIG`.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

import type { ByteString } from '../../../wire/bytes';

/** The mechanism this server offers (RFC 4467 §2.4.1: every URLAUTH server has INTERNAL). */
export const INTERNAL = 'INTERNAL';

const VERSION = '01';

/** The token for `rump` (octets, one char each) under `key`, as hex. */
export function internalToken(rump: ByteString, key: Uint8Array): string {
  const message = new Uint8Array(rump.length);
  for (let i = 0; i < rump.length; i++) message[i] = rump.charCodeAt(i) & 0xff;
  return VERSION + bytesToHex(hmac(sha1, key, message));
}

/**
 * True when `given` is the token `expected` (hex, compared without regard to case), looking at
 * every digit whatever differs first, so the time taken says nothing of where (RFC 4467 §10).
 */
export function sameToken(given: string, expected: string): boolean {
  const a = given.toLowerCase();
  let diff = a.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (a.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0;
}
