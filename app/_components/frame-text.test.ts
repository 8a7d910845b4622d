import { describe, expect, it } from 'vitest';
import { findScenario } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import { textToBytes } from '@/lib/wire/bytes';
import { firstLine, formatDuration, linesWord, packetLabel, toneOf } from './frame-text';
import { moreMark } from './sequence-scene';

describe('packet labels', () => {
  const timeline = scenarioTimeline(findScenario('one-laptop')!);
  const label = (protocol: 'pop3' | 'imap', raw: string) => {
    const frame = timeline.tracks[protocol].find((f) => f.raw === raw);
    if (!frame) throw new Error(`no frame ${JSON.stringify(raw)}`);
    return [packetLabel(frame), toneOf(frame)];
  };

  it.each([
    ['pop3', 'USER student\r\n', ['USER', 'request']],
    ['pop3', 'RETR 2\r\n', ['RETR', 'request']],
    ['pop3', '+OK Send your password for student\r\n', ['+OK', 'ok']],
    ['imap', 'a2 SELECT INBOX\r\n', ['SELECT', 'request']],
    ['imap', 'a5 UID FETCH 2 BODY[]\r\n', ['UID FETCH', 'request']],
    ['imap', '* 6 EXISTS\r\n', ['* EXISTS', 'info']],
    ['imap', '+ idling\r\n', ['+', 'info']],
    ['imap', 'a2 OK [READ-WRITE] SELECT completed\r\n', ['OK', 'ok']],
  ] as const)('%s %j', (protocol, raw, expected) => {
    expect(label(protocol, raw)).toEqual(expected);
  });
});

describe('firstLine decodes only the first line', () => {
  it('reads UTF-8 in the first line and stops at its CRLF', () => {
    const display = textToBytes('* 1 FETCH (ENVELOPE ("Grüße"))\r\nsecond line\r\n');
    expect(firstLine({ display } as never)).toBe('* 1 FETCH (ENVELOPE ("Grüße"))');
    expect(firstLine({ display: textToBytes('+OK café') } as never)).toBe('+OK café');
    expect(firstLine({ display: undefined } as never)).toBe('');
  });
});

describe('a story clock in words', () => {
  it('reads seconds, then minutes, hours and days, never a six-figure count of seconds', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(2_740)).toBe('2.7 s');
    expect(formatDuration(245_000)).toBe('4 min 5 s');
    expect(formatDuration(12_000_000)).toBe('3 h 20 min');
    expect(formatDuration(604_806_100)).toBe('7 d 0 h');
  });
});

describe('a count of lines in words', () => {
  it('is singular for one line, wherever a block says how many lines follow', () => {
    expect(linesWord(1)).toBe('1 line');
    expect(linesWord(9)).toBe('9 lines');
    expect(moreMark(1, false, 400).text).toBe('+ 1 line');
    expect(moreMark(2, true, 400).text).toBe('− 2 lines');
  });
});
