import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { textToBytes } from '../../wire/bytes';
import type { Pop3Command } from '../types';
import { messageCount } from '../wording';

/**
 * RFC 1939 §7: the client proves it knows the secret by sending MD5(banner timestamp + secret),
 * so the password itself never crosses the wire. This server also takes USER/PASS for the same
 * user with the same secret, which RFC 1939 §13 advises against ("should not allow both methods
 * of access for a given user"): its policy, so that every client can log in to the lab.
 */
export const apop: Pop3Command = {
  name: 'APOP',
  states: ['AUTHORIZATION'],
  syntax: 'APOP name digest',
  summary:
    'Log in without sending the password: the digest is MD5 of the greeting timestamp and the secret. Optional (RFC 1939 §7): a timestamp in the greeting offers it.',
  rfc: 'RFC 1939 §7',
  args: [2, 2],
  explain: ([name]) => `log in as "${name}" with an MD5 digest instead of the password`,
  run(ctx, [name, digest]) {
    const account = ctx.server.store.getAccount(name!);
    const expected = account ? apopDigest(ctx.banner, account.password) : null;
    if (!account || expected !== digest!.toLowerCase()) return ctx.failAuth('Invalid username or digest');
    ctx.openMaildrop(account);
    const { count, octets } = ctx.maildrop!.totals();
    return {
      text: `Logged in, maildrop has ${messageCount(count)} (${octets} octets)`,
      nextState: 'TRANSACTION',
    };
  },
};

/** The APOP digest: lower-case hex MD5 of the banner timestamp (with its angle brackets) and the secret. */
export function apopDigest(banner: string, secret: string): string {
  const bytes = textToBytes(banner + secret);
  return bytesToHex(md5(Uint8Array.from(bytes, (c) => c.charCodeAt(0))));
}
