import { SmtpError, type SmtpCommand, type SmtpState } from '../types';

const ALL: readonly SmtpState[] = ['Connected', 'Ready', 'Mail', 'Rcpt'];

/** A command the server knows of but does not offer: `502 5.5.1` (RFC 5321 §4.2.4). */
function notImplemented(name: string, syntax: string, rfc: string, why: string): SmtpCommand<null> {
  return {
    name,
    states: ALL,
    syntax,
    summary: `Not offered here: ${why}`,
    rfc,
    parse: () => null,
    explain: () => `${name}: ${why}`,
    run: () => {
      throw new SmtpError(502, '5.5.1', `${name} not implemented`);
    },
  };
}

/**
 * EXPN is optional (RFC 5321 §3.5.2; not among §4.5.1's minimum commands), so an unimplemented
 * one gets 502 (§4.2.4). (A server that implements it but disables it for security answers 252
 * instead, §7.3.) The others belong to extensions not offered.
 */
export const NOT_IMPLEMENTED: readonly SmtpCommand<null>[] = [
  notImplemented(
    'EXPN',
    'EXPN String',
    'RFC 5321 §3.5.2',
    'this server does not implement list expansion, which is optional (RFC 5321 §3.5.2)',
  ),
  notImplemented('BDAT', 'BDAT size [LAST]', 'RFC 3030 §2', 'CHUNKING is not offered'),
  notImplemented('ETRN', 'ETRN domain', 'RFC 1985', 'there is no queue to run'),
  notImplemented('TURN', 'TURN', 'RFC 5321 Appendix F.1', 'obsolete and unsafe'),
];
