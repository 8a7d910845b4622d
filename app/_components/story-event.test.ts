import { describe, expect, it } from 'vitest';
import { findScenario } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import { columnWaits, stepLabel, stepsWords, storyEventSteps } from './story-event';

describe('the story event a step belongs to', () => {
  const timeline = scenarioTimeline(findScenario('one-laptop')!);

  it('spans every step of its intent, and no other', () => {
    timeline.steps.forEach((s, step) => {
      const { first, last } = storyEventSteps(timeline, step);
      expect(first).toBeLessThanOrEqual(step);
      expect(last).toBeGreaterThanOrEqual(step);
      for (let i = first; i <= last; i++) expect(timeline.steps[i]!.intent).toBe(s.intent);
      expect(timeline.steps[first - 1]?.intent).not.toBe(s.intent);
      expect(timeline.steps[last + 1]?.intent).not.toBe(s.intent);
    });
  });

  it('is named by its range, counted from 1 as the page counts steps', () => {
    const opening = timeline.steps.findIndex((s) => s.intent === 0);
    const span = storyEventSteps(timeline, opening + 3);
    expect(span.first).toBe(opening);
    expect(stepsWords(span)).toBe(`Steps ${opening + 1}–${span.last + 1}`);
    expect(stepsWords({ first: 4, last: 4 })).toBeNull();
    expect(stepLabel(27, 54, { first: 1, last: 40 }, 'The laptop opens the mail app.')).toBe(
      'Step 28 of 55. Steps 2–41: The laptop opens the mail app.',
    );
    expect(stepLabel(0, 54, { first: 0, last: 0 }, 'The starting point.')).toBe(
      'Step 1 of 55. The starting point.',
    );
  });

  it('says when a column puts no new line on the wire (it waits while the other goes on)', () => {
    expect(columnWaits(timeline, 0, 'pop3')).toBe(false);
    let waited = 0;
    timeline.steps.forEach((s, step) => {
      for (const p of ['pop3', 'imap'] as const) {
        const waits = columnWaits(timeline, step, p);
        expect(waits).toBe(step > 0 && timeline.steps[step - 1]![p] === s[p]);
        if (waits) waited++;
      }
    });
    // One-laptop: IMAP idles while POP3 still downloads and deletes.
    expect(waited).toBeGreaterThan(5);
  });
});
