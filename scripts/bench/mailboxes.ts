/**
 * The mailboxes `npm run bench:engine` measures, the same messages for our server and for
 * Dovecot: `bulk` with `bulkMessages` generated messages (10 body lines each), `student` and
 * `pop0…pop<popAccounts - 1>` with the 6 seed messages and generated ones up to `mixedMessages`.
 * All unseen; every password is `secret`.
 */
import { generateMessages, SEED_EPOCH, SEED_MESSAGES } from '../../lib/mailstore/seed';

/** One INBOX message: its bytes (one character per octet) and INTERNALDATE (ms since the epoch). */
export interface BenchMessage {
  raw: string;
  internalDate: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** User → INBOX messages, oldest first. */
export function benchMailboxes(
  bulkMessages: number,
  mixedMessages: number,
  popAccounts: number,
): Map<string, BenchMessage[]> {
  const bulk = generateMessages(bulkMessages, 10).map((raw) => ({ raw, internalDate: Date.UTC(2026, 1, 1) }));
  const mixed = [
    ...SEED_MESSAGES.map((raw, i) => ({ raw, internalDate: SEED_EPOCH + i * DAY })),
    ...generateMessages(Math.max(0, mixedMessages - SEED_MESSAGES.length), 10).map((raw) => ({
      raw,
      internalDate: Date.UTC(2026, 2, 10),
    })),
  ];
  const mailboxes = new Map<string, BenchMessage[]>([['bulk', bulk]]);
  mailboxes.set('student', mixed);
  // This POP3 server locks the maildrop for a session (RFC 1939 §4), so each POP3 worker has its own account.
  for (let i = 0; i < popAccounts; i++) mailboxes.set(`pop${i}`, mixed);
  return mailboxes;
}
