import { describe, expect, it } from 'vitest';
import { parseSentDate } from './sent-date';

describe('the sent date SORT (DATE) compares (RFC 5322 §3.3)', () => {
  it.each([
    ['Mon, 02 Mar 2026 09:00:00 +0000', Date.UTC(2026, 2, 2, 9, 0, 0)],
    ['2 Mar 2026 10:00 +0100', Date.UTC(2026, 2, 2, 9, 0, 0)],
    ['Mon, 2 Mar 26 04:00:00 EST', Date.UTC(2026, 2, 2, 9, 0, 0)],
    ['Mon (Monday), 02 Mar 2026 09:00:00 GMT', Date.UTC(2026, 2, 2, 9, 0, 0)],
    ['Fri, 21 Nov 1997 09:55:06 -0600', Date.UTC(1997, 10, 21, 15, 55, 6)],
  ])('%s', (text, ms) => {
    expect(parseSentDate(text)).toBe(ms);
  });

  it.each(['', 'yesterday', '32 Mar 2026 09:00 +0000', '02 Foo 2026 09:00 +0000', '02 Mar 2026 25:00 +0000'])(
    'cannot read %j (SORT then uses the INTERNALDATE)',
    (text) => {
      expect(parseSentDate(text)).toBeNull();
    },
  );
});
