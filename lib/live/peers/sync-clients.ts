import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../testing';

/**
 * mbsync (isync) and fetchmail as test peers: their configuration files and how to read what they
 * leave behind. Both come from Debian (`isync`, `fetchmail`); scripts/setup-test-env.sh installs them.
 */

/**
 * Writes an mbsync configuration that syncs the lab's INBOX both ways (`Sync All`) with a Maildir
 * at `<dir>/INBOX`, logging in with IMAP LOGIN over plain TCP. Returns the file's path.
 */
export async function mbsyncConfig(dir: string, imapPort: number): Promise<string> {
  const file = path.join(dir, 'mbsyncrc');
  await writeFile(
    file,
    [
      'IMAPAccount lab',
      'Host 127.0.0.1',
      `Port ${imapPort}`,
      'User student',
      'Pass secret',
      'SSLType None',
      'AuthMechs LOGIN',
      '',
      'IMAPStore remote',
      'Account lab',
      '',
      'MaildirStore local',
      `Path ${dir}/`,
      `Inbox ${dir}/INBOX`,
      '',
      'Channel lab',
      'Far :remote:',
      'Near :local:',
      'Patterns INBOX',
      'Create Near',
      'Sync All',
      'SyncState *',
      '',
    ].join('\n'),
  );
  return file;
}

/** Runs `mbsync` on that configuration's channel (`-D` prints the IMAP dialogue); 0 is a clean sync. */
export function mbsync(config: string, flags: string[] = ['-q']) {
  return run('mbsync', [...flags, '-c', config, 'lab']);
}

/** The messages of a Maildir by IMAP UID (mbsync writes `,U=<uid>` into each file name). */
export async function maildirByUid(box: string): Promise<Map<number, { file: string; flags: string }>> {
  const out = new Map<number, { file: string; flags: string }>();
  for (const sub of ['new', 'cur']) {
    for (const name of await readdir(path.join(box, sub))) {
      const uid = /,U=(\d+)/.exec(name);
      if (!uid) continue;
      // Maildir's info part: ":2," then the flags in ASCII order (D F P R S T).
      const flags = /:2,([A-Z]*)$/.exec(name)?.[1] ?? '';
      out.set(Number(uid[1]), { file: path.join(box, sub, name), flags });
    }
  }
  return out;
}

/** What a Maildir client does to change a message's flags: renames it into `cur/` with new info. */
export async function setMaildirFlags(file: string, flags: string): Promise<void> {
  const base = path.basename(file).replace(/:2,[A-Z]*$/, '');
  const sorted = [...flags].sort().join('');
  await rename(file, path.join(path.dirname(path.dirname(file)), 'cur', `${base}:2,${sorted}`));
}

/**
 * Writes a fetchmail run-control file polling the lab's POP3 port, handing each message to an MDA
 * that writes it to a file of its own in `<dir>/out`. `keep` leaves messages on the server.
 * `sslproto ''` stops fetchmail from asking for STLS, which the lab does not offer.
 */
export async function fetchmailRc(dir: string, pop3Port: number, keep: boolean): Promise<string> {
  await mkdir(path.join(dir, 'out'), { recursive: true });
  const file = path.join(dir, 'fetchmailrc');
  const mda = `/bin/sh -c 'cat > $(mktemp ${dir}/out/msg.XXXXXX)'`;
  await writeFile(
    file,
    `poll 127.0.0.1 protocol pop3 port ${pop3Port} user "student" password "secret"` +
      ` mda "${mda}" sslproto '' ${keep ? 'keep' : 'nokeep'}\n`,
    { mode: 0o600 },
  );
  return file;
}

/**
 * Runs fetchmail once in the foreground. Its exit code says what happened: 0 mail was delivered,
 * 1 there was no new mail (fetchmail(1), EXIT CODES).
 */
export function fetchmail(dir: string) {
  return run('fetchmail', [
    '-f',
    path.join(dir, 'fetchmailrc'),
    '-i',
    path.join(dir, 'fetchmail.ids'),
    '--pidfile',
    path.join(dir, 'fetchmail.pid'),
    '--nodetach',
    '--nosyslog',
  ]);
}

/** The messages fetchmail's MDA has written so far. */
export async function delivered(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'out'))).filter((n) => n.startsWith('msg.'));
}
