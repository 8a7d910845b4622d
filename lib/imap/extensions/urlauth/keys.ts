/**
 * Mailbox access keys (RFC 4467 §2.2): one secret per mailbox of a user's store, made the first
 * time GENURLAUTH needs it (§7) and replaced or removed by RESETKEY, which makes every URL
 * authorized with the old key fail validation (§6). Keys live beside the store's mailboxes (a
 * `WeakMap` keyed by the store's `Mailbox` objects), so every session of the server, and the
 * submission server fetching for BURL, sees the same key; a deleted mailbox takes its key with it.
 */
import type { Account } from '../../../mailstore/account';
import type { Mailbox } from '../../../mailstore/mailbox';

/** Octets in a key: 256 bits from a CSPRNG, so keys are unpredictable (§2.2). */
export const KEY_OCTETS = 32;

const keys = new WeakMap<Mailbox, Uint8Array>();
/** How many times each mailbox's key was reset, so sessions that have it selected can be told. */
const generations = new WeakMap<Mailbox, number>();

/** The mailbox's access key, or undefined when it has none (none made yet, or reset away). */
export function accessKey(box: Mailbox): Uint8Array | undefined {
  return keys.get(box);
}

/** The mailbox's access key, made now from `random` (a CSPRNG) if it has none (§7 GENURLAUTH). */
export function ensureAccessKey(box: Mailbox, random: (bytes: Uint8Array) => void): Uint8Array {
  let key = keys.get(box);
  if (!key) {
    key = new Uint8Array(KEY_OCTETS);
    random(key);
    keys.set(box, key);
  }
  return key;
}

/** RESETKEY mailbox (§7): a new key replaces the old one. */
export function resetAccessKey(box: Mailbox, random: (bytes: Uint8Array) => void): void {
  const key = new Uint8Array(KEY_OCTETS);
  random(key);
  keys.set(box, key);
  generations.set(box, keyGeneration(box) + 1);
}

/** RESETKEY without arguments (§7): every key of the user's mailboxes is removed. */
export function removeAllAccessKeys(account: Account): void {
  for (const box of account.mailboxes.values()) keys.delete(box);
}

/** A number that grows each time RESETKEY gives the mailbox a new key (starts at 0). */
export function keyGeneration(box: Mailbox): number {
  return generations.get(box) ?? 0;
}
