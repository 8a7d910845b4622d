import { describe, expect, it } from 'vitest';
import { contextBefore, explainRecord } from '../lib/explain';
import { citationsIn, sectionExists } from '../lib/explain/rfc-sections';
import { SCENARIOS } from './scenarios';
import { scenarioTimeline } from './timeline';
import type { Frame } from './types';

/** Forms that exist only in IMAP4rev1 (RFC 3501): RECENT, [UNSEEN n], \Recent, LSUB, CHECK, SEARCH. */
const REV1_FORM = /^\* \d+ RECENT\b|\[UNSEEN \d+\]|\\Recent\b|^\* (LSUB|SEARCH)\b|^[^ ]+ (LSUB|CHECK)\b/im;

/** Every scenario, and every variant of one (a runnable choice in the page). */
const RUNS = SCENARIOS.flatMap((s) => [
  [s.id, s, null] as const,
  ...(s.variants ?? []).map((v) => [`${s.id} (${v.id})`, s, v.id] as const),
]);

describe.each(RUNS)('scenario %s: every wire line explained', (_, scenario, variant) => {
  const timeline = scenarioTimeline(scenario, [], variant);
  const tracks = [timeline.tracks.pop3, timeline.tracks.imap];
  const wire = (track: readonly Frame[]) => track.filter((f) => f.direction !== 'none');

  it('has an explanation and an RFC section that exists, in both directions', () => {
    const missing: string[] = [];
    for (const track of tracks) {
      for (const f of wire(track)) {
        const cited = citationsIn(f.rfc ?? '');
        const line = `${f.protocol} ${f.direction} ${(f.display ?? '').split('\r\n')[0]}`;
        if (!f.explanation?.trim()) missing.push(`${line}: no explanation`);
        if (cited.length === 0) missing.push(`${line}: no RFC section (${f.rfc})`);
        for (const c of cited)
          if (!sectionExists(c)) missing.push(`${line}: RFC ${c.rfc} has no §${c.section}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('cites sections that exist for every token, and tokens point at the bytes they name', () => {
    const bad: string[] = [];
    for (const track of tracks) {
      track.forEach((f, i) => {
        if (f.direction === 'none') return;
        const x = explainRecord(f, track.slice(0, i));
        expect(x.rfc).toBe(f.rfc);
        for (const t of x.tokens) {
          if (t.text !== (f.display ?? '').slice(t.start, t.end)) bad.push(`${t.text}: wrong offsets`);
          for (const c of citationsIn(t.rfc ?? ''))
            if (!sectionExists(c)) bad.push(`${t.text}: RFC ${c.rfc} §${c.section}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });

  it('never cites RFC 9051 for a session that did not enable IMAP4rev2, nor for IMAP4rev1 forms', () => {
    const track = timeline.tracks.imap;
    const wrong: string[] = [];
    track.forEach((f, i) => {
      if (f.direction === 'none') return;
      const text = f.display ?? '';
      const { rev2 } = contextBefore(f, track.slice(0, i));
      const rev1Form = REV1_FORM.test(text.split('\r\n')[0]!);
      // Client lines too: an IMAP4rev1 client is served by RFC 3501's rules.
      if ((rev1Form || !rev2) && f.rfc?.includes('RFC 9051')) wrong.push(`${text}: ${f.rfc}`);
      if (rev1Form && !f.rfc?.includes('RFC 3501')) wrong.push(`${text}: ${f.rfc} (an IMAP4rev1 form)`);
      for (const t of explainRecord(f, track.slice(0, i)).tokens)
        if (/^(\\Recent|RECENT|\[UNSEEN|LSUB|CHECK)$/i.test(t.text) && !t.rfc?.includes('RFC 3501'))
          wrong.push(`${t.text}: ${t.rfc}`);
    });
    expect(wrong).toEqual([]);
  });
});
