/**
 * A student's mail session for bench:classroom, looped until `deadline` (performance.now(),
 * milliseconds) as bench:live loops its sessions: IMAP (LOGIN, SELECT, FETCH headers, FETCH a
 * body, NOOP, LOGOUT) or POP3 (USER, PASS, STAT, UIDL, RETR 1, QUIT; nothing deleted), on the
 * student's own account. Counts commands and replies that are not OK.
 */
import { performance } from 'node:perf_hooks';
import { LineClient } from './line-client';

/** Commands sent and how many did not succeed (no reply, or not OK / +OK). */
export interface MailTally {
  commands: number;
  errors: number;
  /** The first failure's reply, for the report. */
  firstError: string | null;
}

async function run(tally: MailTally, fn: () => Promise<string>, ok: (reply: string) => boolean) {
  let reply = '';
  try {
    reply = await fn();
  } catch (error) {
    reply = `(${(error as Error).message})`;
  }
  tally.commands++;
  if (!ok(reply)) {
    tally.errors++;
    tally.firstError ??= reply.slice(0, 200);
  }
}

/** Loops IMAP sessions as `user` until `deadline`. */
export async function imapLoop(
  port: number,
  user: string,
  password: string,
  deadline: number,
  tally: MailTally,
) {
  let n = 0;
  while (performance.now() < deadline) {
    let c: LineClient;
    try {
      c = await LineClient.connect(port);
      await c.greeting();
    } catch (error) {
      tally.errors++;
      tally.firstError ??= `connect: ${(error as Error).message}`;
      continue;
    }
    for (const command of [
      `LOGIN ${user} ${password}`,
      'SELECT INBOX',
      'FETCH 1:* (FLAGS ENVELOPE)',
      'FETCH 2 BODY.PEEK[]',
      'NOOP',
      'LOGOUT',
    ]) {
      const tag = `a${n++}`;
      await run(
        tally,
        () => c.imap(tag, command),
        (r) => new RegExp(`(^|\\r\\n)${tag} OK`).test(r),
      );
    }
    c.close();
  }
}

/** Loops POP3 sessions as `user` until `deadline`. */
export async function pop3Loop(
  port: number,
  user: string,
  password: string,
  deadline: number,
  tally: MailTally,
) {
  while (performance.now() < deadline) {
    let c: LineClient;
    try {
      c = await LineClient.connect(port);
      await c.greeting();
    } catch (error) {
      tally.errors++;
      tally.firstError ??= `connect: ${(error as Error).message}`;
      continue;
    }
    for (const [command, multi] of [
      [`USER ${user}`, false],
      [`PASS ${password}`, false],
      ['STAT', false],
      ['UIDL', true],
      ['RETR 1', true],
      ['QUIT', false],
    ] as const) {
      await run(
        tally,
        () => c.pop3(command, multi),
        (r) => r.startsWith('+OK'),
      );
    }
    c.close();
  }
}
