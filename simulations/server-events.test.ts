import { describe, expect, it } from 'vitest';
import { runStory } from './stories/play';
import type { Frame } from './types';

/** A one-laptop story with `timeline`, run in both columns. */
function run(timeline: unknown[], extra: Record<string, unknown> = {}) {
  const result = runStory({
    version: 1,
    title: 'Server events',
    summary: 'What the server itself does.',
    devices: [{ name: 'laptop', kind: 'laptop' }],
    timeline,
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.timeline;
}

/** The wire lines (first line of each unit) of entry `entry`, as `c2s`/`s2c` + text. */
function wire(track: readonly Frame[], entry: number): string[] {
  return track
    .filter((f) => f.intent === entry && f.direction !== 'none' && f.wire !== 'smtp')
    .map((f) => `${f.direction} ${(f.raw ?? '').split('\r\n')[0]}`);
}

const notes = (track: readonly Frame[], entry: number) =>
  track.filter((f) => f.intent === entry && f.direction === 'none').map((f) => f.narration);

describe('restartServer', () => {
  it('IMAP: an open session hears an untagged BYE, then the connection is gone; the next action logs in again', () => {
    const t = run([
      { type: 'openApp', device: 'laptop' },
      { type: 'restartServer' },
      { type: 'checkMail', device: 'laptop' },
    ]);
    expect(wire(t.tracks.imap, 1)).toEqual(['s2c * BYE Server shutting down']);
    const bye = t.tracks.imap.find((f) => f.intent === 1 && f.direction === 's2c')!;
    expect(bye.outcome).toBe('bye');
    expect(bye.explanation?.trim()).toBeTruthy();
    expect(bye.rfc).toMatch(/§7\.1\.5/);
    expect(notes(t.tracks.imap, 1).join(' ')).toMatch(
      /RFC 9051 §7\.1\.5.*This server's behaviour: the mail store persists/,
    );
    // The next action starts a new connection: a greeting, then a login.
    const next = wire(t.tracks.imap, 2);
    expect(next[0]).toMatch(/^s2c \* OK /);
    expect(next.some((l) => /^c2s \S+ (LOGIN|AUTHENTICATE) /.test(l))).toBe(true);
    // The store persisted: the server still holds the six seed messages.
    const last = t.tracks.imap.at(-1)!;
    expect(last.server.accounts[0]!.mailboxes.find((m) => m.name === 'INBOX')!.messages).toHaveLength(6);
  });

  it('POP3: a session cut before QUIT ends at the restart; its DELEs were never committed and the maildrop is free at once', () => {
    // How many commands a full check takes, to break the session just before QUIT.
    const full = wire(run([{ type: 'openApp', device: 'laptop' }]).tracks.pop3, 0).filter((l) =>
      l.startsWith('c2s'),
    );
    expect(full.at(-1)).toBe('c2s QUIT');
    const t = run([
      { type: 'dropConnection', device: 'laptop', afterCommands: { pop3: full.length - 1 } },
      { type: 'openApp', device: 'laptop' },
      { type: 'restartServer' },
      { type: 'checkMail', device: 'laptop' },
    ]);
    const dele = wire(t.tracks.pop3, 1).filter((l) => l.startsWith('c2s DELE'));
    expect(dele.length).toBeGreaterThan(0);
    expect(wire(t.tracks.pop3, 1)).not.toContain('c2s QUIT');
    // The restart writes nothing on the POP3 wire (RFC 1939 has no shutdown message).
    expect(wire(t.tracks.pop3, 2)).toEqual([]);
    const afterRestart = t.tracks.pop3.filter((f) => f.intent === 2).at(-1)!;
    expect(afterRestart.server.accounts[0]!.mailboxes.find((m) => m.name === 'INBOX')!.messages).toHaveLength(
      6,
    );
    expect(notes(t.tracks.pop3, 2).join(' ')).toMatch(/RFC 1939 §6/);
    // The next check logs in without waiting for the old session's timer (its lock is gone).
    const next = wire(t.tracks.pop3, 3);
    expect(next.some((l) => /^s2c \+OK/.test(l) && /maildrop|locked|ready/i.test(l))).toBe(true);
    expect(next.some((l) => /^s2c -ERR/.test(l))).toBe(false);
  });

  it('with nothing open, says so in both columns', () => {
    const t = run([{ type: 'restartServer' }]);
    expect(wire(t.tracks.imap, 0)).toEqual([]);
    expect(notes(t.tracks.pop3, 0).join(' ')).toMatch(/No POP3 session was open/);
  });
});

describe('fillQuota', () => {
  it('the next delivery is refused with 552 5.2.2 and the mailbox keeps what it had', () => {
    const t = run([
      { type: 'fillQuota' },
      { type: 'newMail', subject: 'One too many', from: 'chris@students.example', via: 'smtp' },
    ]);
    for (const track of [t.tracks.pop3, t.tracks.imap]) {
      const note = notes(track, 0).join(' ');
      expect(note).toMatch(/This server's behaviour.*RFC 5321 §4\.2\.3/);
      // Refusing with 552 is this server's policy, not protocol; GETQUOTA is RFC 9208 §4.1.1.
      expect(note).toMatch(/This server's policy: it refuses the next delivery with 552 5\.2\.2/);
      expect(note).toMatch(/RFC 3463 §3\.3 would suggest 452 4\.2\.2/);
      expect(note).toMatch(/GETQUOTA\/GETQUOTAROOT, RFC 9208 §4\.1\.1–4\.1\.2; the QUOTA response, §4\.2\.1/);
      expect(note).not.toMatch(/What follows is protocol/);
      const smtp = track.filter((f) => f.intent === 1 && f.wire === 'smtp').map((f) => f.raw ?? '');
      expect(smtp.some((l) => l.startsWith('552 5.2.2 '))).toBe(true);
      const account = track.at(-1)!.server.accounts[0]!;
      expect(account.quotaBytes).toBe(account.usedBytes);
      expect(account.mailboxes.find((m) => m.name === 'INBOX')!.messages.map((m) => m.subject)).not.toContain(
        'One too many',
      );
    }
  });
});
