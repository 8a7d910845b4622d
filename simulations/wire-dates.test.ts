import { describe, expect, it } from 'vitest';
import { SEED_MESSAGES, generateMessages } from '../lib/mailstore/seed';
import { bytesToDisplayText } from '../lib/wire/bytes';
import { SCENARIOS } from './scenarios';
import { scenarioTimeline } from './timeline';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * RFC 5322 §3.3 date-time: `[day-of-week ","] day month year hour ":" minute [":" second] zone`.
 * The day name, when given, must be the one the date falls on ("the day-of-week ... MUST be the
 * day implied by the date").
 */
function dateProblem(value: string): string | null {
  const m =
    /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})$/.exec(
      value.trim(),
    );
  if (!m) return `not an RFC 5322 date-time: ${value}`;
  const [, dayName, day, month, year, hour, minute, second = '0', , zh, zm] = m;
  const date = new Date(Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day)));
  if (date.getUTCDate() !== Number(day)) return `no such day: ${value}`;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60 || Number(zm) > 59 || Number(zh) > 99)
    return `time out of range: ${value}`;
  if (dayName && DAYS[date.getUTCDay()] !== dayName)
    return `${value}: that date is a ${DAYS[date.getUTCDay()]}, not a ${dayName}`;
  return null;
}

/** Every `Date:` header in a piece of wire text. */
function dateHeaders(text: string): string[] {
  return [...text.matchAll(/(?:^|\r\n)Date: ([^\r\n]*)/g)].map((m) => m[1]!);
}

describe('message dates (RFC 5322 §3.3)', () => {
  it('the checker itself refuses a wrong day name and accepts a right one', () => {
    expect(dateProblem('Mon, 02 Mar 2026 09:00:00 +0000')).toBeNull();
    expect(dateProblem('Sun, 02 Mar 2026 09:00:00 +0000')).toMatch(/is a Mon/);
    expect(dateProblem('2 Mar 2026 09:00 -0500')).toBeNull();
    expect(dateProblem('31 Feb 2026 09:00 +0000')).toMatch(/no such day/);
  });

  it('every seed and generated message has a valid Date header', () => {
    for (const raw of [...SEED_MESSAGES, ...generateMessages(60)]) {
      const dates = dateHeaders(raw);
      expect(dates).toHaveLength(1);
      expect(dateProblem(dates[0]!)).toBeNull();
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    'every Date on the wire in %s is valid',
    (_, scenario) => {
      const variants = [null, ...(scenario.variants ?? []).map((v) => v.id)];
      for (const variant of variants) {
        const timeline = scenarioTimeline(scenario, [], variant);
        for (const frame of [...timeline.tracks.pop3, ...timeline.tracks.imap]) {
          if (!frame.raw) continue;
          for (const date of dateHeaders(bytesToDisplayText(frame.raw))) expect(dateProblem(date)).toBeNull();
          // ENVELOPE carries the Date header's value as its first string (RFC 9051 §7.5.2).
          for (const m of frame.raw.matchAll(/ENVELOPE \("([^"]*)"/g)) expect(dateProblem(m[1]!)).toBeNull();
        }
      }
    },
  );
});

describe('threads (RFC 5322 §3.6.4)', () => {
  it('a reply\u2019s References hold the whole chain, ending with its In-Reply-To', () => {
    const byId = new Map(
      SEED_MESSAGES.map((raw) => [/\r\nMessage-ID: (<[^>]+>)/.exec(raw)![1]!, raw] as const),
    );
    for (const raw of SEED_MESSAGES) {
      const parent = /\r\nIn-Reply-To: (<[^>]+>)/.exec(raw)?.[1];
      if (!parent) continue;
      const references = /\r\nReferences: ([^\r\n]*)/.exec(raw)![1]!.split(' ');
      expect(references.at(-1)).toBe(parent);
      const parentRefs = /\r\nReferences: ([^\r\n]*)/.exec(byId.get(parent)!)?.[1]?.split(' ') ?? [];
      expect(references).toEqual([...parentRefs, parent]);
    }
  });
});
