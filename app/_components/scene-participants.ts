import { SENDER_DEVICE } from '@/simulations/eavesdropper';
import type { Frame } from '@/simulations/types';

/*
 * Who takes part in a story's sequence diagram besides its devices (sequence-scene.ts): the
 * server, one per account when a device has two, and the sender's server delivering over SMTP.
 */

/** The participant id of the server. */
export const SERVER = 'server';

/** The sender's mail server, delivering over SMTP (`newMail` with `via: 'smtp'`, issue 17). */
export const SENDER = SENDER_DEVICE;

/**
 * The lifeline id of the server holding `account`, when a track's wire units name more than one
 * account: a device with two accounts talks to two servers, one lifeline each. With one account
 * the server is simply `SERVER`.
 */
export function serverOf(account: string): string {
  return `server (${account})`;
}

/** Accounts named by each track's wire units (frames are immutable: computed once per track). */
const ACCOUNTS = new WeakMap<readonly Frame[], readonly string[]>();

/** The accounts a track's wire units name, in order of first appearance, e.g. `['student', 'work']`. */
export function accountsOf(frames: readonly Frame[]): readonly string[] {
  const known = ACCOUNTS.get(frames);
  if (known) return known;
  const seen = new Set<string>();
  for (const f of frames) if (f.direction !== 'none' && f.account) seen.add(f.account);
  const accounts = [...seen];
  ACCOUNTS.set(frames, accounts);
  return accounts;
}
