import { registry } from './extensions/registry';

/**
 * What the server advertises (RFC 9051 §6.1.1): the core's names, with every registered
 * extension's (extensions/index.ts) after ESEARCH. AUTH=PLAIN and SASL-IR only before login.
 * Plain-text login is allowed without TLS on purpose: this is a teaching server on loopback.
 */
export const CAPABILITIES: readonly string[] = [
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
  ...registry().capabilities,
  'SPECIAL-USE',
];

export const PRE_AUTH_CAPABILITIES = [...CAPABILITIES, 'SASL-IR', 'AUTH=PLAIN'];

/**
 * Capabilities a client can ENABLE (RFC 5161), upper-case, each with what enabling it turns on
 * (itself first; RFC 7162 §3.2.3: QRESYNC turns on CONDSTORE too).
 */
export function enableable(name: string): readonly string[] | undefined {
  const upper = name.toUpperCase();
  if (upper === 'IMAP4REV2') return [upper];
  return registry().enable.get(upper);
}
