import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { SCENARIOS } from './scenarios';

describe('npm run simulate', () => {
  it('--list names every scenario with its title and claim', () => {
    const { code, stdout } = runCli(['--list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^one-laptop +One laptop: download-and-delete vs\. headers first\n +A POP3 client set to delete after downloading/,
    );
    expect(stdout).toContain('dropped-connection');
  });

  it('--format json prints one frame per line with the documented fields, then a summary', () => {
    const { code, stdout } = runCli(['--scenario', 'one-laptop', '--format', 'json']);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = lines.pop();
    for (const frame of lines) {
      expect(Object.keys(frame)).toEqual(
        expect.arrayContaining(['step', 't', 'protocol', 'device', 'direction', 'raw', 'narration']),
      );
      expect(['c2s', 's2c', 'none']).toContain(frame.direction);
    }
    expect(lines.find((f) => f.protocol === 'pop3' && f.direction === 'c2s').raw).toBe('CAPA\r\n');
    expect(lines.some((f) => f.protocol === 'imap' && f.raw === 'a5 UID FETCH 2 BODY[]\r\n')).toBe(true);
    expect(summary.type).toBe('summary');
    expect(
      summary.pop3.server[0].mailboxes.find((b: { name: string }) => b.name === 'INBOX').messages,
    ).toEqual([]);
    expect(summary.imap.devices[0].messages).toHaveLength(6);
    expect(summary.imap.metrics.roundTrips).toBeGreaterThan(0);
    expect(summary.takeaways.every((t: { holds: boolean }) => t.holds)).toBe(true);
  });

  it.each(SCENARIOS.filter((s) => s.intents.length > 0).map((s) => [s.id]))(
    '--scenario %s --format json: every wire line carries its explanation and RFC section',
    (id) => {
      const frames = runCli(['--scenario', id, '--format', 'json'])
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((f) => f.type !== 'summary' && f.direction !== 'none');
      const missing = frames.filter(
        (f) =>
          typeof f.explanation !== 'string' ||
          f.explanation.trim() === '' ||
          !/^RFC \d+ §[0-9A-F]/.test(f.rfc ?? ''),
      );
      expect(missing.map((f) => `${f.protocol} ${f.direction} ${f.raw.split('\r\n')[0]}`)).toEqual([]);
      expect(new Set(frames.map((f) => f.direction))).toContain('s2c');
    },
  );

  it('--protocol imap prints the IMAP column only; its SMTP delivery says protocol "smtp"', () => {
    const lines = runCli(['--scenario', 'new-mail', '--format', 'json', '--protocol', 'imap'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(new Set(lines.slice(0, -1).map((f) => f.column))).toEqual(new Set(['imap']));
    expect(new Set(lines.slice(0, -1).map((f) => f.protocol))).toEqual(new Set(['imap', 'smtp']));
    const smtp = lines.filter((f) => f.protocol === 'smtp');
    expect(smtp.every((f) => f.device === 'sender' && /^RFC (5321|3463|2034) §/.test(f.rfc))).toBe(true);
    expect(smtp.map((f) => f.raw)).toContain('RCPT TO:<student@popvsimap.lab>\r\n');
    expect(lines.at(-1).pop3).toBeUndefined();
    expect(lines.some((f) => f.narration === '5 minutes pass.')).toBe(true);
  });

  it('text is a two-column transcript with C:/S: lines and the takeaways', () => {
    const { stdout } = runCli(['--scenario', 'offline']);
    expect(stdout).toMatch(/^POP3 +\| IMAP/m);
    expect(stdout).toMatch(/laptop> C: CAPA +\| laptop> C: a1 LOGIN student \*{8}/);
    expect(stdout).toContain('✓ IMAP: message 3 cannot be shown offline');
  });

  it.each([
    [['--scenario', 'nope'], /unknown scenario "nope"/],
    [['--scenario', 'one-laptop', '--protocol', 'smtp'], /--protocol must be pop3, imap or both/],
    [['--scenario', 'one-laptop', '--format', 'xml'], /--format must be text or json/],
    [[], /--scenario <id> is required/],
    [['--bogus'], /Unknown option/],
  ])('exits with 2 and a clear message for %j', (args, message) => {
    const { code, stderr, stdout } = runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
