/**
 * Fills a Dovecot user's INBOX by writing Maildir files (Maildir++ as Dovecot reads it: one file
 * per message in `cur/`, named `<time>.<unique>.<host>,S=<size>,W=<size>:2,<flags>`), with the
 * same bytes our store serves: the messages made CRLF lines, as `Mailbox.append` stores them.
 * Dovecot gives new files UIDs in the order of their names' times, so the order is ours.
 */
import { chownSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCrlfLines } from '../../../lib/wire/line-ends';
import type { BenchMessage } from '../mailboxes';

/** Maildir flags letters for the system flags Dovecot stores in file names (Maildir's "2," info). */
const LETTERS: Record<string, string> = {
  '\\Draft': 'D',
  '\\Flagged': 'F',
  '\\Answered': 'R',
  '\\Seen': 'S',
  '\\Deleted': 'T',
};

/**
 * Writes `messages` into `<home>/Maildir` (INBOX), unseen unless `flags` says otherwise, each
 * file's mtime its INTERNALDATE; everything owned by `uid`/`gid`, the user Dovecot runs as.
 * Returns the octets written.
 */
export function writeMaildir(
  home: string,
  messages: readonly BenchMessage[],
  owner: { uid: number; gid: number },
  flags: readonly string[] = [],
): number {
  const maildir = join(home, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  const info = flags
    .map((f) => LETTERS[f] ?? '')
    .sort()
    .join('');
  const t0 = Math.floor(Date.UTC(2026, 0, 1) / 1000);
  let octets = 0;
  messages.forEach((m, i) => {
    const raw = toCrlfLines(m.raw);
    const name = `${t0 + i}.M${i}P1.bench,S=${raw.length},W=${raw.length}:2,${info}`;
    const file = join(maildir, 'cur', name);
    writeFileSync(file, raw, 'latin1');
    const when = m.internalDate / 1000;
    utimesSync(file, when, when);
    octets += raw.length;
  });
  chownTree(home, owner);
  return octets;
}

function chownTree(path: string, { uid, gid }: { uid: number; gid: number }) {
  chownSync(path, uid, gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), { uid, gid });
}
