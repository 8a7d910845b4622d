import { ImapFlow } from 'imapflow';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_MESSAGES } from '../mailstore/seed';
import { ACCOUNT_QUOTA_BYTES } from './hub';
import {
  delivered,
  fetchmail,
  fetchmailRc,
  maildirByUid,
  mbsync,
  mbsyncConfig,
  setMaildirFlags,
} from './peers/sync-clients';
import { peersDir, run, startMailServerProcess, type MailServerProcess } from './testing';

/**
 * Real mail clients against `npm run mail-server`: imapflow (npm), Python's imaplib and poplib,
 * curl, mbsync (isync) and fetchmail. The test set-up (scripts/setup-test-env.sh) installs
 * python3, curl, isync and fetchmail.
 */
let server: MailServerProcess;

beforeAll(async () => {
  server = await startMailServerProcess();
});
afterAll(async () => {
  await server?.stop();
});

/** For tests that change the mailbox in ways others would notice. */
async function withFreshServer<T>(fn: (s: MailServerProcess) => Promise<T>): Promise<T> {
  const s = await startMailServerProcess();
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

/** A scratch directory for a client's files (Maildir, run-control file), removed afterwards. */
async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('real clients against npm run mail-server', () => {
  it('imapflow: login, list, fetch envelopes, fetch a body, mark seen, search, append, delete, logout', async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: server.imapPort,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'student', pass: 'secret' },
      logger: false,
    });
    await client.connect();
    const boxes = await client.list();
    expect(boxes.map((b) => b.path).sort()).toEqual(['Drafts', 'INBOX', 'Sent', 'Trash']);
    expect(boxes.find((b) => b.path === 'Trash')!.specialUse).toBe('\\Trash');

    const lock = await client.getMailboxLock('INBOX');
    try {
      expect(client.mailbox && client.mailbox.exists).toBe(6);
      const subjects: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true, uid: true }))
        subjects.push(m.envelope!.subject!);
      expect(subjects[0]).toBe('Welcome to the mail lab');
      expect(subjects).toHaveLength(6);

      const message = await client.fetchOne('2', { source: true, bodyStructure: true });
      expect(message && message.bodyStructure!.type).toBe('multipart/alternative');
      expect(message && message.source!.toString()).toContain('Library hours change on Friday.');

      await client.messageFlagsAdd('2', ['\\Seen']);
      expect(await client.search({ seen: true })).toEqual([2]);
      expect(await client.search({ from: 'chris' })).toEqual([4, 6]);

      const appended = await client.append(
        'Sent',
        'From: student@popvsimap.lab\r\nSubject: hi\r\n\r\nhello\r\n',
        ['\\Seen'],
      );
      expect(appended && appended.uid).toBe(1);

      expect(await client.messageDelete('1')).toBe(true);
      expect(client.mailbox && client.mailbox.exists).toBe(5);
    } finally {
      lock.release();
    }
    await client.logout();
  });

  it('imapflow: BINARY fetches a base64 attachment decoded, and a message with NUL octets is appended as a literal8', async () => {
    await withFreshServer(async (s) => {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: s.imapPort,
        secure: false,
        doSTARTTLS: false,
        auth: { user: 'student', pass: 'secret' },
        logger: false,
      });
      await client.connect();
      expect(client.capabilities.has('BINARY')).toBe(true);
      const lock = await client.getMailboxLock('INBOX');
      try {
        // Seed message 3's part 2 is a CSV attachment in base64: BINARY.PEEK[2] sends it decoded.
        const csv = await client.fetchOne('3', { bodyParts: ['2'] }, { binary: true });
        expect(csv && csv.bodyParts!.get('2')!.toString()).toMatch(/^Session,Day,Time,Room\r\n/);
        // imapflow sends a message holding NUL as ~{n} (RFC 3516 §4.4).
        const octets = Buffer.from([0x61, 0x00, 0x62, 0xff, 0x0d, 0x0a]);
        const message = Buffer.concat([
          Buffer.from(
            'Subject: raw\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n',
          ),
          octets,
        ]);
        const appended = await client.append('INBOX', message);
        expect(appended && appended.uid).toBe(7);
        const back = await client.fetchOne('7', { bodyParts: ['1'] }, { binary: true });
        expect(back && Buffer.compare(back.bodyParts!.get('1')!, octets)).toBe(0);
      } finally {
        lock.release();
      }
      await client.logout();
    });
  });

  it("Python imaplib: the same session through the standard library's client", async () => {
    await withFreshServer(async (s) => {
      const { code, stdout, stderr } = await run('python3', [
        path.join(peersDir, 'imaplib_session.py'),
        String(s.imapPort),
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.login).toBe('OK');
      expect(out.list).toContain('(\\HasNoChildren \\Trash) "/" Trash');
      expect(out.select).toBe('6');
      expect(out.headers).toBe(
        'From: Ada Admin <ada@popvsimap.lab>\r\nSubject: Welcome to the mail lab\r\n\r\n',
      );
      expect(out.unseen_before).toBe('1 2 3 4 5 6');
      expect(out.body_octets).toBe(SEED_MESSAGES[1]!.length);
      // Fetching BODY[] (not PEEK) marked message 2 read on the server.
      expect(out.unseen_after).toBe('1 3 4 5 6');
      expect(out.search_from).toBe('4 6');
      expect(out.expunge).toEqual(['3']);
      expect(out.append).toMatch(/^\[APPENDUID \d+ 1\] APPEND completed$/);
      expect(out.uids).toBe('1 2 4 5 6');
      expect(out.logout).toBe('BYE');
    });
  });

  it('Python poplib: STAT, LIST, UIDL, TOP, RETR, DELE, RSET, QUIT commits', async () => {
    await withFreshServer(async (s) => {
      const { code, stdout } = await run('python3', [
        path.join(peersDir, 'poplib_session.py'),
        String(s.pop3Port),
        'quit',
      ]);
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.welcome).toMatch(/^\+OK POP vs IMAP Lab POP3 server ready <[^>]+>$/);
      expect(out.capa).toEqual(expect.arrayContaining(['TOP', 'UIDL', 'USER', 'RESP-CODES']));
      expect(out.stat[0]).toBe(6);
      expect(out.list).toHaveLength(6);
      expect(out.uidl[0]).toMatch(/^1 [0-9A-F]{16}$/);
      expect(out.top).toContain('Subject: Welcome to the mail lab');
      expect(out.retr_octets).toBe(SEED_MESSAGES[0]!.length);
      expect(out.rset).toBe('+OK maildrop has 6 messages (' + out.stat[1] + ' octets)');
      expect(out.quit).toBe('+OK popvsimap.lab POP3 server signing off (5 messages left)');
      const after = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/`, '-u', 'student:secret']);
      expect(after.stdout.trim().split('\r\n')).toHaveLength(5);
    });
  });

  it('Python poplib: DELE then a dropped connection deletes nothing (RFC 1939 §6)', async () => {
    await withFreshServer(async (s) => {
      const { code } = await run('python3', [
        path.join(peersDir, 'poplib_session.py'),
        String(s.pop3Port),
        'drop',
      ]);
      expect(code).toBe(0);
      const after = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/`, '-u', 'student:secret']);
      expect(after.stdout.trim().split('\r\n')).toHaveLength(6);
    });
  });

  it('curl pop3://: lists, retrieves, and reports a wrong password', async () => {
    await withFreshServer(async (s) => {
      const list = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/`, '-u', 'student:secret']);
      expect(list.code).toBe(0);
      expect(list.stdout).toBe(SEED_MESSAGES.map((m, i) => `${i + 1} ${m.length}\r\n`).join(''));
      const retr = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/4`, '-u', 'student:secret']);
      expect(retr.stdout).toContain('Subject: Study group on Thursday?');
      const wrong = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/`, '-u', 'student:wrong']);
      expect(wrong.code).toBe(67); // CURLE_LOGIN_DENIED
    });
  });

  it('curl imap://: lists mailboxes, fetches by UID, searches', async () => {
    const base = `imap://127.0.0.1:${server.imapPort}`;
    const list = await run('curl', ['-s', `${base}/`, '-u', 'student:secret']);
    expect(list.stdout).toContain('* LIST (\\HasNoChildren \\Sent) "/" Sent');
    const fetch = await run('curl', ['-s', `${base}/INBOX;UID=4`, '-u', 'student:secret']);
    expect(fetch.stdout).toContain('Shall we meet on Thursday');
    const search = await run('curl', ['-s', `${base}/INBOX?SUBJECT%20study`, '-u', 'student:secret']);
    expect(search.stdout).toMatch(/^\* SEARCH( \d+)+\r\n$/);
  });

  it('Python poplib and imaplib on a message that arrived with bare LF: CRLF lines, dot-stuffed, sizes agree', async () => {
    await withFreshServer(async (s) => {
      const { code, stdout, stderr } = await run('python3', [
        path.join(peersDir, 'line_ends_session.py'),
        String(s.imapPort),
        String(s.pop3Port),
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      const n = SEED_MESSAGES.length + 1;
      expect(out.append).toMatch(new RegExp(`^a2 OK \\[APPENDUID \\d+ ${n}\\]`));
      const lines = [
        'From: Unix Tool <tool@example.org>',
        'Subject: bare LF',
        '',
        'first',
        '.',
        'after the dot',
        '..two dots',
        'no final newline',
      ];
      const size = lines.join('\r\n').length + 2;
      // poplib reads every line, the "." line included, and is still in step afterwards.
      expect(out.retr_lines).toEqual(lines);
      expect(out.retr_resp).toBe(`+OK ${size} octets`);
      expect(out.retr_octets).toBe(size);
      expect(out.list_sizes.at(-1)).toBe(size);
      expect(out.stat).toEqual([n, out.list_sizes.reduce((a: number, b: number) => a + b, 0)]);
      expect(out.top).toEqual(lines.slice(0, 5));
      expect(out.noop).toBe('+OK');
      expect(out.imap_size).toBe(size);
      expect(out.imap_body).toBe(lines.join('\r\n') + '\r\n');
      // curl undoes the dot-stuffing too and gets the same bytes.
      const retr = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/${n}`, '-u', 'student:secret']);
      expect(retr.stdout).toBe(out.imap_body);
    });
  });

  it('mbsync (isync): pulls the INBOX into a Maildir and syncs flags both ways (with CHECK)', async () => {
    await withFreshServer((s) =>
      withTempDir('mbsync-', async (dir) => {
        const config = await mbsyncConfig(dir, s.imapPort);
        const imap = `imap://127.0.0.1:${s.imapPort}/INBOX`;
        const serverFlags = async () =>
          (await run('curl', ['-s', imap, '-u', 'student:secret', '-X', 'FETCH 1:* (UID FLAGS)'])).stdout;

        expect((await mbsync(config)).code).toBe(0);
        let local = await maildirByUid(path.join(dir, 'INBOX'));
        expect([...local.keys()].sort((a, b) => a - b)).toEqual(SEED_MESSAGES.map((_, i) => i + 1));
        expect([...local.values()].every((m) => m.flags === '')).toBe(true);
        expect(await readFile(local.get(4)!.file, 'latin1')).toContain('Subject: Study group on Thursday?');

        // Server → Maildir: another client flags message 2 and answers it.
        await run('curl', [
          '-s',
          imap,
          '-u',
          'student:secret',
          '-X',
          'STORE 2 +FLAGS (\\Flagged \\Answered)',
        ]);
        expect((await mbsync(config)).code).toBe(0);
        local = await maildirByUid(path.join(dir, 'INBOX'));
        expect(local.get(2)!.flags).toBe('FR');

        // Maildir → server: read and flag message 4 locally, then sync (UID STORE, then CHECK).
        await setMaildirFlags(local.get(4)!.file, 'SF');
        const push = await mbsync(config, ['-D']);
        expect(push.code).toBe(0);
        expect(push.stdout).toMatch(/>>> \d+ UID STORE 4 \+FLAGS\.SILENT \(\\Flagged \\Seen\)/);
        expect(push.stdout).toMatch(/\d+ OK CHECK completed/);
        const flags = await serverFlags();
        expect(flags).toContain('* 4 FETCH (UID 4 FLAGS (\\Flagged \\Seen))');
        expect(flags).toContain('* 2 FETCH (UID 2 FLAGS (\\Flagged \\Answered))');
        expect(flags).toContain('* 1 FETCH (UID 1 FLAGS ())');

        // And back: unflag on the server, mbsync clears F locally.
        await run('curl', ['-s', imap, '-u', 'student:secret', '-X', 'STORE 4 -FLAGS (\\Flagged)']);
        expect((await mbsync(config)).code).toBe(0);
        expect((await maildirByUid(path.join(dir, 'INBOX'))).get(4)!.flags).toBe('S');
      }),
    );
  });

  it('fetchmail with keep: delivers every message, leaves them on the server, fetches only new ones next time', async () => {
    await withFreshServer((s) =>
      withTempDir('fetchmail-', async (dir) => {
        await fetchmailRc(dir, s.pop3Port, true);
        const first = await fetchmail(dir);
        expect(first.code).toBe(0);
        expect(await delivered(dir)).toHaveLength(SEED_MESSAGES.length);
        const list = () => run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/`, '-u', 'student:secret']);
        expect((await list()).stdout.trim().split('\r\n')).toHaveLength(SEED_MESSAGES.length);

        // Nothing new: fetchmail remembers the UIDL ids it has seen and exits 1 ("no mail").
        expect((await fetchmail(dir)).code).toBe(1);
        expect(await delivered(dir)).toHaveLength(SEED_MESSAGES.length);

        const message = path.join(dir, 'new.eml');
        await writeFile(message, 'From: a@example.org\r\nSubject: fresh\r\n\r\nnew mail\r\n');
        await run('curl', [
          '-s',
          `imap://127.0.0.1:${s.imapPort}/INBOX`,
          '-u',
          'student:secret',
          '-T',
          message,
        ]);
        expect((await fetchmail(dir)).code).toBe(0);
        const files = await delivered(dir);
        expect(files).toHaveLength(SEED_MESSAGES.length + 1);
        const bodies = await Promise.all(files.map((f) => readFile(path.join(dir, 'out', f), 'latin1')));
        expect(bodies.filter((b) => b.includes('Subject: fresh'))).toHaveLength(1);
      }),
    );
  });

  it('fetchmail without keep: delivers every message and the server deletes them at QUIT', async () => {
    await withFreshServer((s) =>
      withTempDir('fetchmail-', async (dir) => {
        await fetchmailRc(dir, s.pop3Port, false);
        const result = await fetchmail(dir);
        expect(result.code).toBe(0);
        const files = await delivered(dir);
        expect(files).toHaveLength(SEED_MESSAGES.length);
        const bodies = await Promise.all(files.map((f) => readFile(path.join(dir, 'out', f), 'latin1')));
        expect(bodies.some((b) => b.includes('Subject: Welcome to the mail lab'))).toBe(true);
        const after = await run('curl', ['-s', `pop3://127.0.0.1:${s.pop3Port}/`, '-u', 'student:secret']);
        expect(after.stdout.trim()).toBe('');
        expect((await fetchmail(dir)).code).toBe(1);
      }),
    );
  });

  it('imapflow: ID introduces both sides (RFC 2971), getQuota reads GETQUOTAROOT (RFC 9208)', async () => {
    const quotaServer = await startMailServerProcess(['--quota-bytes', String(ACCOUNT_QUOTA_BYTES)]);
    try {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: quotaServer.imapPort,
        secure: false,
        doSTARTTLS: false,
        auth: { user: 'student', pass: 'secret' },
        clientInfo: { name: 'lab-test', version: '1.0' },
        logger: false,
      });
      await client.connect();
      // imapflow sends ID itself when the server advertises it, and keeps the server's answer.
      expect(client.serverInfo).toMatchObject({ name: 'POP vs IMAP Lab', vendor: 'POP vs IMAP Lab' });
      const quota = await client.getQuota('INBOX');
      expect(quota).toMatchObject({ path: 'INBOX', quotaRoot: 'User quota' });
      const storage = (quota as { storage: { usage: number; limit: number } }).storage;
      expect(storage.limit).toBe(ACCOUNT_QUOTA_BYTES);
      expect(storage.usage).toBeGreaterThan(0);
      expect(storage.usage).toBeLessThan(storage.limit);
      await client.logout();
    } finally {
      await quotaServer.stop();
    }
  });

  it('Python imaplib: getquotaroot (RFC 9208), sort and thread (RFC 5256) as the library sends them', async () => {
    const s = await startMailServerProcess(['--quota-bytes', String(ACCOUNT_QUOTA_BYTES)]);
    try {
      const script = [
        'import imaplib, json, sys',
        'M = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))',
        'M.login("student", "secret")',
        'typ, data = M.getquotaroot("INBOX")',
        'out = {"quota": [typ, [[x.decode() for x in d] for d in data]]}',
        'M.select("INBOX")',
        'out["sort"] = [x.decode() for x in M.sort("(SUBJECT REVERSE DATE)", "UTF-8", "ALL")[1]]',
        'out["uid_sort"] = [x.decode() for x in M.uid("SORT", "(REVERSE ARRIVAL)", "UTF-8", "ALL")[1]]',
        'out["thread"] = [x.decode() for x in M.thread("ORDEREDSUBJECT", "UTF-8", "ALL")[1]]',
        'out["references"] = [x.decode() for x in M.thread("REFERENCES", "UTF-8", "ALL")[1]]',
        'print(json.dumps(out))',
        'M.logout()',
      ].join('\n');
      const { code, stdout, stderr } = await run('python3', ['-c', script, String(s.imapPort)]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      const [typ, data] = out.quota;
      expect(typ).toBe('OK');
      expect(data[0]).toEqual(['INBOX "User quota"']);
      expect(data[1][0]).toMatch(
        new RegExp(`^"User quota" \\(STORAGE \\d+ ${ACCOUNT_QUOTA_BYTES / 1024}\\)$`),
      );
      // The seed INBOX: the three "Study group" messages (a question and two replies) sort first.
      expect(out.sort).toEqual(['6 5 4 2 1 3']);
      expect(out.uid_sort).toEqual(['6 5 4 3 2 1']);
      expect(out.thread).toEqual(['(1)(2)(3)(4 (5)(6))']);
      // REFERENCES follows In-Reply-To and References: the replies form a chain (RFC 5256 §3).
      expect(out.references).toEqual(['(1)(2)(3)(4 5 6)']);
    } finally {
      await s.stop();
    }
  });

  it('modified UTF-7 mailbox names (RFC 3501 §5.1.3): imaplib sends them encoded, imapflow encodes and decodes', async () => {
    await withFreshServer(async (s) => {
      const script = [
        'import imaplib, json, sys',
        'M = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))',
        'M.login("student", "secret")',
        'out = {"create": M.create("Entw&APw-rfe")[0]}',
        'try:',
        '    M.create(\'"Tom & Jerry"\')',
        'except M.error as e:',
        '    out["bad"] = str(e)',
        'out["list"] = [x.decode() for x in M.list(\'""\', "Entw*")[1]]',
        'out["status"] = [x.decode() for x in M.status("Entw&APw-rfe", "(MESSAGES)")[1]]',
        'out["select"] = M.select("Entw&APw-rfe")[0]',
        'print(json.dumps(out))',
        'M.logout()',
      ].join('\n');
      const { code, stdout, stderr } = await run('python3', ['-c', script, String(s.imapPort)]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.create).toBe('OK');
      expect(out.bad).toMatch(/not valid modified UTF-7/);
      expect(out.list).toEqual(['(\\HasNoChildren) "/" Entw&APw-rfe']);
      expect(out.status).toEqual(['Entw&APw-rfe (MESSAGES 0)']);
      expect(out.select).toBe('OK');

      // imapflow writes a Unicode name in modified UTF-7 and reads LIST's answer back to Unicode.
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: s.imapPort,
        secure: false,
        doSTARTTLS: false,
        auth: { user: 'student', pass: 'secret' },
        logger: false,
      });
      await client.connect();
      try {
        await client.mailboxCreate('Boîte d’envoi');
        const names = (await client.list()).map((m) => m.path);
        expect(names).toContain('Boîte d’envoi');
        expect(names).toContain('Entwürfe');
      } finally {
        await client.logout();
      }
    });
  });
});
