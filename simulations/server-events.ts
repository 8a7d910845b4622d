/**
 * Things that happen to the server itself in a story (issue 18's "What if…"): it restarts, or a
 * mailbox reaches its quota. The runner does the restart (it owns the connections); this module
 * holds the quota change and the narration of both, which says what is protocol and what is
 * this server's behaviour.
 */
import type { MailStore } from '../lib/mailstore/store';
import { deviceName } from './narration';
import type { Protocol } from './types';

/**
 * The narration after a restart closed the sessions of `devices` (device ids; empty when none
 * was open) and those `orphaned` (sessions whose client had already vanished). RFC 9051 §7.1.5
 * (BYE before a shutdown); RFC 1939 §6 (no UPDATE without QUIT).
 */
export function restartNote(
  protocol: Protocol,
  devices: readonly string[],
  orphaned: readonly string[],
): string {
  const name = protocol === 'imap' ? 'IMAP' : 'POP3';
  const protocolPart =
    protocol === 'imap'
      ? `Each open IMAP connection first hears an untagged BYE, which a server sends when it is about to close the connection (RFC 3501 §7.1.5, RFC 9051 §7.1.5), then closes. `
      : `Each open POP3 connection simply closes: RFC 1939 has no shutdown message, and a session ended before QUIT never enters the UPDATE state, so the messages it marked with DELE are not removed (RFC 1939 §6). `;
  const left = orphaned.length
    ? `The ${name} session${orphaned.length > 1 ? 's' : ''} left on the server by ${[...new Set(orphaned)].map((d) => deviceName(d).replace(/^The /, 'the ')).join(' and ')}'s broken connection end${orphaned.length > 1 ? '' : 's'} too, without waiting for the idle timer; no client hears ${protocol === 'imap' ? 'its BYE' : 'it close'}. `
    : '';
  const cut =
    devices.length || orphaned.length
      ? protocolPart + left
      : `No ${name} session was open, so nothing on the wire is cut. `;
  return (
    cut +
    `This server's behaviour: the mail store persists across the restart, as a real server's mailboxes on disk do, ` +
    `and a client whose connection closed connects and logs in again at its next action, as after a dropped connection.`
  );
}

/**
 * `fillQuota`: the account's storage limit becomes what its mailboxes hold now, so the next
 * delivery is refused. Returns the narration. An unknown account (the validator refuses it) changes nothing.
 */
export function fillQuota(store: MailStore, user: string): string {
  const account = store.getAccount(user);
  if (!account) return `There is no account "${user}" on the server: nothing changes.`;
  const before = account.quotaBytes;
  account.quotaBytes = account.usedBytes;
  return (
    `${user}'s mailbox is now full: it holds ${account.usedBytes} octets, and its storage quota is set to exactly that ` +
    `(it was ${before === null ? 'unlimited' : `${before} octets`}). This server's behaviour: the lab fills the quota the way a provider ` +
    `lowering a plan's storage does, by setting the limit to the usage; the quota is server policy, which IMAP only reports ` +
    `(GETQUOTA/GETQUOTAROOT, RFC 9208 §4.1.1–4.1.2; the QUOTA response, §4.2.1). This server's policy: it refuses the next ` +
    `delivery with 552 5.2.2 at the end of DATA (RFC 5321 §4.2.3), and the sender gets a bounce; RFC 3463 §3.3 would ` +
    `suggest 452 4.2.2 (mailbox full, a transient failure), and other servers accept the message and bounce it.`
  );
}
