import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from './cli';
import { SCENARIOS } from './scenarios';
import { scenarioToStory } from './stories/convert';
import { scenarioTimeline } from './timeline';

// The real timeline, spied on so one test can make the simulator fail.
vi.mock('./timeline', async (importOriginal) => {
  const original = await importOriginal<typeof import('./timeline')>();
  return { ...original, scenarioTimeline: vi.fn(original.scenarioTimeline) };
});

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
    [[], /--scenario <id> or --story <file\.json> is required/],
    [
      ['--scenario', 'offline', '--story', 'docs/stories/drop-at-a-step.json'],
      /give --scenario or --story, not both/,
    ],
    [
      ['--story', 'docs/stories/no-such-story.json'],
      /cannot read the story docs\/stories\/no-such-story\.json: ENOENT/,
    ],
    [['--bogus'], /Unknown option/],
  ])('exits with 2 and a clear message for %j', (args, message) => {
    const { code, stderr, stdout } = runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('npm run simulate -- --story', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stories-'));
  /** Writes a story file and returns its path. */
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };

  it.each([
    ['laptop-and-phone', 'text'],
    ['new-mail', 'json'],
  ])(
    'a built-in written as a story file prints what --scenario %s prints (%s), up to the takeaways',
    (id, format) => {
      const path = file(`${id}.json`, scenarioToStory(SCENARIOS.find((s) => s.id === id)!));
      const fromStory = runCli(['--story', path, '--format', format]);
      const builtIn = runCli(['--scenario', id, '--format', format]);
      expect(fromStory.code).toBe(0);
      const cut = (out: string) =>
        format === 'text' ? out.split('\nTakeaways:')[0]! : out.trim().split('\n').slice(0, -1).join('\n');
      expect(cut(fromStory.stdout)).toBe(cut(builtIn.stdout));
      expect(cut(fromStory.stdout).length).toBeGreaterThan(1000);
    },
  );

  it('--format json: the summary names the story and carries its own takeaways, unchecked', () => {
    const { code, stdout } = runCli([
      '--story',
      'docs/stories/drop-at-a-step.json',
      '--format',
      'json',
      '--protocol',
      'pop3',
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = lines.pop();
    expect(summary).toMatchObject({ type: 'summary', scenario: 'drop-at-a-step', takeaways: [] });
    expect(summary.storyTakeaways).toHaveLength(4);
    expect(summary.imap).toBeUndefined();
    expect(
      lines.some((f) => f.direction === 's2c' && /^-ERR \[IN-USE\]/.test(f.raw) && f.rfc?.startsWith('RFC ')),
    ).toBe(true);
  });

  it('text: the transcript, then the story’s takeaways marked as not checked', () => {
    const { code, stdout } = runCli(['--story', 'docs/stories/phone-and-laptop-pop3.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^My users' phone and laptop both use POP3\n/);
    expect(stdout).toMatch(/^POP3 +\| IMAP/m);
    expect(stdout).toContain(
      "Takeaways:\n  (the story's own, not checked by the simulator:)\n  • POP3: the phone left",
    );
  });

  it('a malformed story exits with 2 and lists every problem with its path', () => {
    const path = file('broken.json', {
      version: 1,
      title: 'Broken',
      summary: 'Three mistakes.',
      devices: [{ name: 'phone', kind: 'phone', pop3: { leaveCopy: 'yes' } }],
      timeline: [
        { type: 'openApp', device: 'laptop' },
        { type: 'teleport', device: 'phone' },
      ],
    });
    const { code, stdout, stderr } = runCli(['--story', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `simulate: ${path} is not a valid story (docs/STORIES.md):`,
      '  devices[0].pop3.leaveCopy: Invalid input: expected boolean, received string',
      expect.stringMatching(/^  timeline\[1\]\.type: Invalid discriminator value/),
      '',
    ]);
    // Names are checked once the shape is right.
    const named = file('names.json', {
      version: 1,
      title: 'T',
      summary: 'S',
      devices: [{ name: 'phone', kind: 'phone' }],
      timeline: [{ type: 'openApp', device: 'laptop' }],
    });
    expect(runCli(['--story', named]).stderr).toContain(
      '  timeline[0].device: no device "laptop" (devices: "phone")\n',
    );
  });

  it('a story that runs past the step budget exits with 2, naming the entry', () => {
    const path = file('long.json', {
      version: 1,
      title: 'Checking all day',
      summary: 'A client that forgets UIDLs downloads everything at every check.',
      devices: [{ name: 'laptop', kind: 'laptop', pop3: { leaveCopy: true, rememberUidls: false } }],
      timeline: [
        { type: 'openApp', device: 'laptop' },
        ...Array(400).fill({ type: 'checkMail', device: 'laptop' }),
      ],
    });
    const { code, stdout, stderr } = runCli(['--story', path, '--protocol', 'imap']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ {2}timeline\[\d+\]: the story passes 5000 steps here/m);
  });

  it.each([
    ['not JSON', '{"version": 1,', /^  story: not JSON: /m],
    [
      'over 64 KiB',
      JSON.stringify({ version: 1, pad: 'x'.repeat(70_000) }),
      /^  story: the story is \d+ octets of JSON; the limit is 65536 \(64 KiB\)$/m,
    ],
  ])('a story file that is %s exits with 2', (_name, content, message) => {
    const { code, stderr } = runCli(['--story', file('bad.json', content)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('a simulator failure is a bug: exit 1 and the error, not a usage message (built-ins too)', () => {
    vi.mocked(scenarioTimeline).mockImplementationOnce(() => {
      throw new Error('simulation did not settle');
    });
    const { code, stdout, stderr } = runCli(['--scenario', 'offline']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('simulate: the simulator failed (a bug): Error: simulation did not settle\n');
  });
});

describe('npm run simulate -- --variant', () => {
  it('--scenario with --variant runs that variant, with its label in the title and its own checks', () => {
    const { code, stdout } = runCli(['--scenario', 'offline', '--variant', 'offline-all']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'Go offline after syncing (IMAP client: keep offline copies of every message)',
    );
    expect(stdout).toContain('✓ IMAP with offline copies of every message: all six are readable offline');
    expect(stdout).not.toContain('IMAP: message 3 cannot be shown offline');
  });

  it('--story with --variant plays the story file’s variant: the built-in’s file gives the built-in’s run', () => {
    const file = 'simulations/stories/builtin/offline.json';
    const cut = (out: string) => out.split('\nTakeaways:')[0]!;
    const fromStory = runCli(['--story', file, '--variant', 'offline-all']);
    const builtIn = runCli(['--scenario', 'offline', '--variant', 'offline-all']);
    expect(fromStory.code).toBe(0);
    expect(cut(fromStory.stdout)).toBe(cut(builtIn.stdout));
    // The variant downloads every body at sync, which the story itself does not.
    expect(fromStory.stdout).toMatch(/laptop> C: a4 UID FETCH 1:6 BODY\.PEEK\[\]/);
    expect(runCli(['--story', file]).stdout).not.toMatch(/UID FETCH 1:6 BODY\.PEEK\[\]/);
  });

  it.each([
    [
      ['--scenario', 'one-laptop', '--variant', 'nope'],
      'one-laptop has no variant "nope"; known: leave-copy',
    ],
    [['--scenario', 'new-mail', '--variant', 'x'], 'new-mail has no variant "x"; it has none'],
    [
      ['--story', 'docs/stories/drop-at-a-step.json', '--variant', 'x'],
      'docs/stories/drop-at-a-step.json has no variant "x"; it has none',
    ],
  ])('an unknown variant exits with 2: %j', (args, message) => {
    expect(runCli(args)).toEqual({ code: 2, stdout: '', stderr: `simulate: ${message}\n` });
  });
});
