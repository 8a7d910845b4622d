import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeMaildir } from './maildir';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maildir-test-'));
  dirs.push(dir);
  return join(dir, 'user');
}

const owner = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };

describe('writeMaildir (the mail Dovecot serves in bench:engine --dovecot)', () => {
  it('writes one file a message in cur/, CRLF lines as our store keeps them, in order of name', () => {
    const user = home();
    const messages = [
      { raw: 'Subject: one\n\nbare LF\n', internalDate: Date.UTC(2026, 1, 1) },
      { raw: 'Subject: two\r\n\r\nCRLF already\r\n', internalDate: Date.UTC(2026, 1, 2) },
    ];
    const octets = writeMaildir(user, messages, owner);
    const cur = join(user, 'Maildir', 'cur');
    const names = readdirSync(cur).sort();
    expect(names).toHaveLength(2);
    expect(readFileSync(join(cur, names[0]!), 'latin1')).toBe('Subject: one\r\n\r\nbare LF\r\n');
    expect(readFileSync(join(cur, names[1]!), 'latin1')).toBe('Subject: two\r\n\r\nCRLF already\r\n');
    expect(octets).toBe(25 + 30);
    // Maildir++: S= the file size, W= the size with CRLF (the same here), ":2," then no flags.
    expect(names[0]).toMatch(/,S=25,W=25:2,$/);
    expect(statSync(join(cur, names[1]!)).mtimeMs).toBe(Date.UTC(2026, 1, 2));
    expect(readdirSync(join(user, 'Maildir')).sort()).toEqual(['cur', 'new', 'tmp']);
  });

  it('names system flags by their Maildir letters, in ASCII order', () => {
    const user = home();
    writeMaildir(user, [{ raw: 'a\r\n', internalDate: 0 }], owner, ['\\Seen', '\\Flagged']);
    expect(readdirSync(join(user, 'Maildir', 'cur'))[0]).toMatch(/:2,FS$/);
  });
});
