/** Field shapes and limits the story schema shares (see schema.ts and docs/STORIES.md). */
import { z } from 'zod';

/**
 * The story format's limits. A story is data someone else wrote: these keep one from taking the
 * page or the build hostage.
 */
export const storyLimits = {
  /** A story file's JSON text, in octets (UTF-8). */
  bytes: 64 * 1024,
  devices: 6,
  accounts: 4,
  /** Entries of the timeline (intents and faults). */
  intents: 2000,
  /**
   * Lockstep steps of the run (what the page's slider walks; every entry takes at least one).
   * The largest built-in scenario takes 227.
   */
  steps: 5000,
  /** Messages in all the mailboxes at the start (the seed counts 6). */
  messages: 200,
} as const;

export const intentCount = storyLimits.intents;

/** Messages in the lab's seed INBOX (lib/mailstore/seed.ts). */
export const SEED_MESSAGE_COUNT = 6;

/** Text a reader sees (title, summary, questions): any characters, bounded. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

/**
 * An account name: it goes on the wire as an IMAP atom (LOGIN, RFC 9051 §6.2.3) and a POP3 USER
 * argument, and into the address <user>@popvsimap.lab.
 */
export const accountName = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{0,31}$/, 'a lowercase name: a letter, then letters, digits, ".", "_" or "-"');

/** A password the clients send as an IMAP atom (no spaces, quotes, brackets or wildcards). */
export const password = z
  .string()
  .regex(/^[A-Za-z0-9._+=!#$&^~-]{1,64}$/, 'letters, digits and ._+=!#$&^~- only (an IMAP atom), 1 to 64');

/** A server UID, as intents name messages (1 = the first message of the mailbox). */
export const messageNumber = z.number().int().min(1).max(100_000);

const DOT_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const DOMAIN =
  '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+';
const ADDRESS = `${DOT_ATOM}@${DOMAIN}`;
const PHRASE = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";

/**
 * A mailbox as a From:/To: header holds it (RFC 5322 §3.4): `chris@students.example` or
 * `Chris Classmate <chris@students.example>`. ASCII only: the lab writes headers as they are,
 * without RFC 2047 encoded words, so a name is plain words (atoms, no quotes).
 */
export const mailbox = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^(?:${ADDRESS}|${PHRASE} <${ADDRESS}>)$`),
    'an address, e.g. "chris@students.example" or "Chris Classmate <chris@students.example>" (ASCII)',
  );

/** A Subject: printable ASCII on one line (RFC 5322 §2.2; no encoded words). */
export const subject = z
  .string()
  .max(200)
  .regex(/^[\x20-\x7e]+$/, 'printable ASCII on one line (no encoded words here)');

/**
 * A message body: ASCII lines (the lab labels it 7bit, RFC 2045 §2.7), each at most 998
 * characters (RFC 5322 §2.1.1).
 */
export const bodyText = z
  .string()
  .max(4000)
  .regex(/^(?:[\x20-\x7e\t]{0,998}(?:\n|$))*$/, 'ASCII text, lines of at most 998 characters');

/** A message listed in an account's INBOX at the start of a story (`ListedMessage` in ../types.ts). */
export const listedMessageSchema = z.strictObject({
  from: mailbox.describe('The From: header'),
  subject,
  text: bodyText.optional().describe('The body (default: the subject)'),
  seen: z.boolean().optional().describe('Read before the story starts (\\Seen)'),
  flagged: z.boolean().optional().describe('Flagged before the story starts (\\Flagged)'),
});
