import { SEARCHRES } from './extensions/searchres';

/**
 * What the server advertises (RFC 9051 §6.1.1). AUTH=PLAIN and SASL-IR only before login.
 * Plain-text login is allowed without TLS on purpose: this is a teaching server on loopback.
 */
export const CAPABILITIES = [
  'IMAP4rev1',
  'IMAP4rev2',
  'LITERAL+',
  'ENABLE',
  'IDLE',
  'NAMESPACE',
  'UNSELECT',
  'UIDPLUS',
  'MOVE',
  'ESEARCH',
  SEARCHRES,
  'SPECIAL-USE',
] as const;

export const PRE_AUTH_CAPABILITIES = [...CAPABILITIES, 'SASL-IR', 'AUTH=PLAIN'];

/** Capabilities a client can ENABLE (RFC 5161). */
export const ENABLEABLE = new Set(['IMAP4REV2']);
