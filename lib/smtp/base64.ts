import type { ByteString } from '../wire/bytes';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (RFC 4648 §4, as RFC 4954 §4 wants) to a byte string; null if malformed. */
export function decodeBase64(text: string): ByteString | null {
  return BASE64.test(text) ? atob(text) : null;
}

/** A byte string as base64 (the `334` challenges). */
export function encodeBase64(bytes: ByteString): string {
  return btoa(bytes);
}
