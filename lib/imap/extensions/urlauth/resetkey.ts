import { mailboxOf } from '../../mailbox-access';
import { bad, defineCommand } from '../../types';
import { removeAllAccessKeys, resetAccessKey } from './keys';
import { INTERNAL } from './token';
import { MECHANISM } from './genurlauth';
import { URLMECH, markKeyNoticed } from './urlmech';

/** RESETKEY's arguments: `[mailbox *(SP mechanism)]` (RFC 4467 §9). */
export interface ResetKeyArgs {
  readonly mailbox: string | null;
  readonly mechanisms: readonly string[];
}

/**
 * RFC 4467 §7 RESETKEY: without arguments, removes every mailbox access key of the user, so
 * every URL they authorized stops working (`OK`); with a mailbox, gives that mailbox a new key,
 * so the URLs authorized for it stop working, and answers `OK [URLMECH INTERNAL]` (§8: the code
 * may ride on the tagged OK). Other sessions with that mailbox selected hear an untagged
 * `OK [URLMECH INTERNAL]`. A mechanism other than INTERNAL is a BAD, and a mailbox that does not
 * exist `NO [NONEXISTENT]`; either way no key changes.
 */
export const resetkey = defineCommand({
  name: 'RESETKEY',
  states: ['Authenticated', 'Selected'],
  syntax: 'RESETKEY [mailbox [mechanism …]]',
  summary: 'Invalidate URLAUTH URLs: new access key for a mailbox, or remove all keys.',
  rfc: 'RFC 4467 §7',
  parse(a): ResetKeyArgs {
    if (a.remaining === 0) return { mailbox: null, mechanisms: [] };
    const mailbox = a.mailbox();
    const mechanisms: string[] = [];
    while (a.remaining > 0) {
      const mechanism = a.atom('URLAUTH mechanism');
      if (!MECHANISM.test(mechanism)) throw bad('Invalid URLAUTH mechanism name');
      mechanisms.push(mechanism);
    }
    return { mailbox, mechanisms };
  },
  explain: ({ mailbox }) =>
    mailbox === null
      ? 'remove the secret keys of all mailboxes, so every URL authorized with GENURLAUTH stops working'
      : `give mailbox ${mailbox.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)} a new secret key, so the URLs authorized for it stop working`,
  run(ctx, { mailbox, mechanisms }) {
    const account = ctx.account!;
    if (mailbox === null) {
      removeAllAccessKeys(account);
      return { text: 'All keys removed' };
    }
    for (const m of mechanisms)
      if (m.toUpperCase() !== INTERNAL) throw bad(`Unknown URLAUTH mechanism; this server has ${INTERNAL}`);
    const box = mailboxOf(ctx, mailbox);
    resetAccessKey(box, ctx.server.random);
    if (ctx.selected?.mailbox === box) markKeyNoticed(ctx.selected);
    return { code: URLMECH, text: 'New access key' };
  },
});
