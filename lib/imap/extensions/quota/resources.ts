/**
 * The quota model of the QUOTA extension (RFC 9208): one quota root per account, named
 * `QUOTA_ROOT`, that every mailbox of the account belongs to, with the limits the store keeps
 * (`Account.quotaBytes`, `Account.quotaMessages`).
 */
import type { Account } from '../../../mailstore/account';
import { imapString } from '../../format';

/**
 * The name of each account's one quota root (RFC 9208 §3.2). Dovecot names its default root
 * the same way; the RFC's examples use "".
 */
export const QUOTA_ROOT = 'User quota';

/** The resources this server limits (RFC 9208 §5), as capability suffixes (`capa-quota-res`, §7). */
export const RESOURCES = ['STORAGE', 'MESSAGE'] as const;
export type QuotaResourceName = (typeof RESOURCES)[number];

/** One resource of a quota root: usage and limit, in the resource's units. */
export interface QuotaResource {
  readonly name: QuotaResourceName;
  /** STORAGE in units of 1024 octets (§5.1), MESSAGE in messages (§5.2). */
  readonly usage: number;
  readonly limit: number;
}

/**
 * The limited resources of the account's quota root, STORAGE first; [] when the account has no
 * limit at all (it then has no quota root). STORAGE counts whole units of 1024 octets, usage
 * and limit both rounded down, as Dovecot's imap-quota does: so the usage a client sees is never
 * above the limit while the octets stored are within it.
 */
export function quotaResources(account: Account): QuotaResource[] {
  const out: QuotaResource[] = [];
  if (account.quotaBytes !== null)
    out.push({
      name: 'STORAGE',
      usage: Math.floor(account.usedBytes / 1024),
      limit: Math.floor(account.quotaBytes / 1024),
    });
  if (account.quotaMessages !== null)
    out.push({ name: 'MESSAGE', usage: account.messageCount, limit: account.quotaMessages });
  return out;
}

/** The quota roots a mailbox of this account belongs to: the one root, or none without limits. */
export function quotaRootsOf(account: Account): string[] {
  return quotaResources(account).length ? [QUOTA_ROOT] : [];
}

/**
 * The QUOTA response without `* ` (RFC 9208 §4.2.1): `QUOTA "User quota" (STORAGE 3 4)`.
 * `quota-list` holds at least one resource (§7's grammar; §4.2.1's prose allows none), so a root
 * always has one.
 */
export function quotaResponse(root: string, resources: readonly QuotaResource[]): string {
  return `QUOTA ${imapString(root)} (${resources.map((r) => `${r.name} ${r.usage} ${r.limit}`).join(' ')})`;
}
