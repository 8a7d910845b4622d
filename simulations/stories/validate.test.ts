import { describe, expect, it } from 'vitest';
import { storyLimits } from './fields';
import { formatPath, formatProblems, parseStoryText, validateStory } from './validate';

const minimal = {
  version: 1,
  title: 'One laptop',
  summary: 'A laptop opens its mail app.',
  devices: [{ name: 'laptop', kind: 'laptop' }],
  timeline: [{ type: 'openApp', device: 'laptop' }],
};

/** The problems of a story, as `path: message` lines. */
function problems(value: unknown): string[] {
  const check = validateStory(value);
  return check.ok ? [] : check.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('validateStory', () => {
  it('accepts a minimal story', () => {
    expect(validateStory(minimal)).toMatchObject({ ok: true, story: minimal });
  });

  it('accepts the server events: a restart, and a mailbox reaching its quota', () => {
    const story = {
      ...minimal,
      timeline: [{ type: 'restartServer' }, { type: 'fillQuota' }, { type: 'fillQuota', account: 'student' }],
    };
    expect(validateStory(story)).toMatchObject({ ok: true, story });
  });

  it.each([
    [
      'a setting of the wrong type',
      { devices: [{ name: 'l', kind: 'laptop', pop3: { leaveCopy: 'yes' } }] },
      /^devices\[0\]\.pop3\.leaveCopy: Invalid input: expected boolean, received string$/,
    ],
    [
      'a misspelt setting',
      { devices: [{ name: 'l', kind: 'laptop', imap: { idel: false } }] },
      /^devices\[0\]\.imap\.idel: unknown field/,
    ],
    [
      'an unknown intent',
      { timeline: [{ type: 'reboot', device: 'laptop' }] },
      /^timeline\[0\]\.type: Invalid discriminator value/,
    ],
    [
      'an intent without its device',
      { timeline: [{ type: 'flag', message: 2 }] },
      /^timeline\[0\]\.device: Invalid input: expected string/,
    ],
    [
      'a message number of 0',
      { timeline: [{ type: 'flag', device: 'laptop', message: 0 }] },
      /^timeline\[0\]\.message: Too small/,
    ],
    [
      'an unknown device',
      { timeline: [{ type: 'openApp', device: 'tablet' }] },
      /^timeline\[0\]\.device: no device "tablet" \(devices: "laptop"\)$/,
    ],
    [
      'an unknown account',
      { timeline: [{ type: 'newMail', subject: 'Hi', from: 'a@b.example', account: 'bob' }] },
      /^timeline\[0\]\.account: no account "bob" \(accounts: "student"\)$/,
    ],
    [
      'a quota filling for an unknown account',
      { timeline: [{ type: 'fillQuota', account: 'bob' }] },
      /^timeline\[0\]\.account: no account "bob" \(accounts: "student"\)$/,
    ],
    [
      'a server restart with a device (the whole server restarts)',
      { timeline: [{ type: 'restartServer', device: 'laptop' }] },
      /^timeline\[0\]\.device: unknown field/,
    ],
    [
      'a device listed twice',
      {
        devices: [
          { name: 'l', kind: 'laptop' },
          { name: 'l', kind: 'phone' },
        ],
        timeline: [],
      },
      /^devices\[1\]\.name: "l" is listed twice$/,
    ],
    [
      'a device named like the sending server',
      { devices: [{ name: 'sender', kind: 'laptop' }], timeline: [] },
      /^devices\[0\]\.name: "sender" names another participant/,
    ],
    [
      'webmail with client settings',
      { devices: [{ name: 'w', kind: 'webmail', imap: { idle: false } }], timeline: [] },
      /^devices\[0\]\.imap: webmail has no mail client/,
    ],
    [
      '"remove after days" without "leave a copy"',
      { devices: [{ name: 'l', kind: 'laptop', pop3: { deleteAfterDays: 3 } }], timeline: [] },
      /^devices\[0\]\.pop3\.deleteAfterDays: has an effect only with leaveCopy: true$/,
    ],
    [
      'a device fetching an unknown account',
      { devices: [{ name: 'l', kind: 'laptop', accounts: ['bob'] }], timeline: [] },
      /^devices\[0\]\.accounts\[0\]: no account "bob"/,
    ],
    [
      'a header with a line break',
      { timeline: [{ type: 'newMail', subject: 'Hi\r\nBcc: x@y.example', from: 'a@b.example' }] },
      /^timeline\[0\]\.subject: printable ASCII on one line/,
    ],
    [
      'an address that is not one',
      { timeline: [{ type: 'send', device: 'laptop', to: 'chris', subject: 'Hi' }] },
      /^timeline\[0\]\.to: an address/,
    ],
    [
      'a password that is not an IMAP atom',
      { accounts: [{ user: 'ann', password: 'two words', mailbox: 'seed' }] },
      /^accounts\[0\]\.password: letters, digits/,
    ],
    [
      'a prediction after the end',
      {
        predictions: [
          {
            beforeIntent: 1,
            question: 'Q?',
            choices: [
              { text: 'a', correct: true, feedback: 'f' },
              { text: 'b', correct: false, feedback: 'f' },
            ],
          },
        ],
      },
      /^predictions\[0\]\.beforeIntent: the timeline has 1 entries/,
    ],
    [
      'a prediction with two right answers',
      {
        predictions: [
          {
            beforeIntent: 0,
            question: 'Q?',
            choices: [
              { text: 'a', correct: true, feedback: 'f' },
              { text: 'b', correct: true, feedback: 'f' },
            ],
          },
        ],
      },
      /^predictions\[0\]\.choices: exactly one choice must be correct \(2 are\)$/,
    ],
    ['a wrong version', { version: 2 }, /^version: /],
    ['no devices', { devices: [], timeline: [] }, /^devices: Too small/],
  ])('refuses %s, with its path', (_name, change, expected) => {
    expect(problems({ ...minimal, ...change })).toContainEqual(expect.stringMatching(expected));
  });

  it('says a prediction has nothing to come before in an empty timeline', () => {
    const choices = [
      { text: 'a', correct: true, feedback: 'f' },
      { text: 'b', correct: false, feedback: 'f' },
    ];
    expect(
      problems({ ...minimal, timeline: [], predictions: [{ beforeIntent: 0, question: 'Q?', choices }] }),
    ).toEqual(['predictions[0].beforeIntent: the timeline is empty']);
  });

  it('lists every problem, not only the first', () => {
    const found = problems({
      version: 1,
      title: '',
      devices: [{ name: 'Laptop', kind: 'desktop' }],
      timeline: 'x',
    });
    expect(found.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['title', 'summary', 'devices[0].name', 'devices[0].kind', 'timeline']),
    );
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it(`refuses more than ${storyLimits.messages} messages at the start, the seed counting 6`, () => {
    const accounts = (n: number) => [
      { user: 'ann', mailbox: 'seed' },
      { user: 'bob', mailbox: { generated: n } },
    ];
    expect(problems({ ...minimal, accounts: accounts(194) })).toEqual([]);
    expect(problems({ ...minimal, accounts: accounts(195) })).toEqual([
      'accounts: the mailboxes hold 201 messages at the start (the seed counts 6); the limit is 200',
    ]);
  });

  it(`refuses more than ${storyLimits.devices} devices`, () => {
    const devices = Array.from({ length: 7 }, (_, i) => ({ name: `d${i}`, kind: 'phone' }));
    expect(problems({ ...minimal, devices, timeline: [] })).toEqual([
      expect.stringMatching(/^devices: Too big: expected array to have <=6 items$/),
    ]);
    expect(problems({ ...minimal, devices: devices.slice(0, 6), timeline: [] })).toEqual([]);
  });

  it(`refuses more than ${storyLimits.intents} timeline entries`, () => {
    const wait = { type: 'wait', ms: 1 };
    expect(problems({ ...minimal, timeline: Array(2000).fill(wait) })).toEqual([]);
    expect(problems({ ...minimal, timeline: Array(2001).fill(wait) })).toEqual([
      expect.stringMatching(/^timeline: Too big: expected array to have <=2000 items$/),
    ]);
  });

  it('refuses a story over 64 KiB, counted in UTF-8 octets', () => {
    // A summary of n octets: "é" is two octets in UTF-8.
    const padded = (n: number) => ({
      ...minimal,
      summary: 'é'.repeat(Math.floor(n / 2)) + 'x'.repeat(n % 2),
    });
    const size = (n: number) => new TextEncoder().encode(JSON.stringify(padded(n))).length;
    const fits = storyLimits.bytes - size(0);
    expect(size(fits)).toBe(storyLimits.bytes);
    // At the limit the story is read (and its summary found too long); one octet over, it is not.
    expect(problems(padded(fits))).toEqual([expect.stringMatching(/^summary: Too big/)]);
    expect(problems(padded(fits + 1))).toEqual([
      'story: the story is 65537 octets of JSON; the limit is 65536 (64 KiB)',
    ]);
    const text = JSON.stringify({ ...minimal, takeaways: ['x'], $schema: 'y'.repeat(storyLimits.bytes) });
    expect(parseStoryText(text)).toEqual({
      ok: false,
      problems: [
        {
          path: 'story',
          message: expect.stringMatching(/^the story is \d+ octets of JSON; the limit is 65536 \(64 KiB\)$/),
        },
      ],
    });
  });

  it('never throws on what is not a story', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [undefined, null, 0, 'story', [], cyclic, { version: 1n }])
      expect(validateStory(value).ok).toBe(false);
    expect(parseStoryText('{"version": 1,')).toEqual({
      ok: false,
      problems: [{ path: 'story', message: expect.stringMatching(/^not JSON: /) }],
    });
  });
});

describe('paths', () => {
  it('reads like the JSON: dots for fields, brackets for entries', () => {
    expect(formatPath(['devices', 2, 'pop3', 'leaveCopy'])).toBe('devices[2].pop3.leaveCopy');
    expect(formatPath([])).toBe('story');
    expect(formatPath(['imap', ' '])).toBe('imap[" "]');
    expect(formatPath(['a.b', 0])).toBe('["a.b"][0]');
    expect(formatProblems([{ path: 'timeline[3].device', message: 'no device "x"' }])).toBe(
      'timeline[3].device: no device "x"',
    );
  });
});
