import { localAccount } from '../deliver';
import { parsePathArgument, type MailPath } from '../path';
import { reply } from '../reply';
import { SmtpError, type SmtpCommand } from '../types';

/**
 * RFC 5321 §4.1.1.3: adds a recipient. A lab address must name an account (`550 5.1.1`) with
 * room for a declared SIZE (`552 5.2.2`: RFC 5321 §4.2.3 "exceeded storage allocation"; RFC
 * 3463 §3.3 calls X.2.2 persistent transient, so `452 4.2.2` would fit too: the server's
 * choice); any other address is accepted for the outbox once the client has authenticated, and
 * refused otherwise (`550 5.7.1`, no open relay). At most `maxRecipients` (`452 4.5.3`).
 */
export const rcpt: SmtpCommand<{ path: MailPath }> = {
  name: 'RCPT',
  states: ['Mail', 'Rcpt'],
  syntax: 'RCPT TO:<forward-path> [SP rcpt-parameters]',
  summary: 'Add a recipient of the message; repeat for each one.',
  rfc: 'RFC 5321 §4.1.1.3',
  parse(text) {
    const { path, params } = parsePathArgument(text, 'TO');
    // No RCPT parameters are offered (DSN's NOTIFY and ORCPT are not implemented).
    if (params.length) throw new SmtpError(555, '5.5.4', `Unsupported parameter: ${params[0]!.keyword}`);
    return { path };
  },
  explain: ({ path }) => `add <${path.address}> as a recipient`,
  run(ctx, { path }) {
    const envelope = ctx.envelope!;
    if (envelope.recipients.length >= ctx.limits.maxRecipients)
      throw new SmtpError(452, '4.5.3', `Too many recipients (at most ${ctx.limits.maxRecipients})`);
    // RFC 6531 §3.5: a RCPT refused because it needs an ASCII address gets 553 with X.6.7.
    if (path.utf8 && !envelope.smtputf8)
      throw new SmtpError(553, '5.6.7', 'Non-ASCII address needs the SMTPUTF8 parameter on MAIL');
    const account = localAccount(ctx, path);
    if (account) {
      const room = account.quotaBytes === null ? Infinity : account.quotaBytes - account.usedBytes;
      if (room <= 0 || (envelope.declaredSize !== null && envelope.declaredSize > room))
        throw new SmtpError(552, '5.2.2', `<${path.address}>: Mailbox full`);
    } else if (!ctx.account) {
      throw new SmtpError(
        550,
        '5.7.1',
        `<${path.address}>: Relay access denied (log in to send outside the lab)`,
      );
    }
    ctx.addRecipient(path);
    return account
      ? reply(250, '2.1.5', `Recipient <${path.address}> ok`)
      : reply(
          250,
          '2.1.5',
          `Recipient <${path.address}> ok: outside the lab, kept in the outbox (nothing is sent)`,
        );
  },
};
