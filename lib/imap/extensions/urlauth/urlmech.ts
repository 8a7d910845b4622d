/**
 * The URLMECH response code (RFC 4467 §8): `[URLMECH INTERNAL]` lists the authorization
 * mechanisms of the selected mailbox. It comes in an untagged OK after SELECT and EXAMINE, in
 * the tagged OK of RESETKEY, and, when a key is reset, in an untagged OK to every other session
 * that has that mailbox selected, with the updates reported after its next command (a reset
 * is no store change, so an idling session hears of it once IDLE ends).
 */
import type { SelectedMailbox } from '../../selected';
import { keyGeneration } from './keys';
import { INTERNAL } from './token';

/** §9: `"URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])`; INTERNAL is the only one here. */
export const URLMECH = `URLMECH ${INTERNAL}`;

/** The untagged line: `OK [URLMECH INTERNAL] …`. */
export const URLMECH_LINE = `OK [${URLMECH}] URLAUTH mechanisms`;

/** The key generation each session last told of, per selected mailbox. */
const noticed = new WeakMap<SelectedMailbox, number>();

/** The session has been told of the mailbox's current key (SELECT, or its own RESETKEY). */
export function markKeyNoticed(selected: SelectedMailbox): void {
  noticed.set(selected, keyGeneration(selected.mailbox));
}

/** `[OK [URLMECH INTERNAL] …]` if the mailbox's key was reset since the session was told. */
export function keyResetLines(selected: SelectedMailbox): readonly string[] {
  const now = keyGeneration(selected.mailbox);
  if ((noticed.get(selected) ?? now) === now) return [];
  noticed.set(selected, now);
  return [URLMECH_LINE];
}
