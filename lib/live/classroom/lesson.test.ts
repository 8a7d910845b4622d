import { describe, expect, it } from 'vitest';
import { PREDICTIONS } from '../../../simulations/predictions';
import { findScenario } from '../../../simulations/scenarios';
import { scenarioTimeline } from '../../../simulations/timeline';
import { LAB_LESSON, LESSON_SCENARIOS, stepsShown } from './lesson';

describe('the lab lesson', () => {
  it('lists every scenario with one sentence per step', () => {
    expect(LESSON_SCENARIOS.length).toBeGreaterThan(10);
    for (const s of LESSON_SCENARIOS) {
      expect(s.steps.length, s.id).toBeGreaterThan(0);
      expect(s.steps.every((t) => t.length > 5)).toBe(true);
    }
    expect(LAB_LESSON.scenario('new-mail')?.steps[1]).toMatch(/delivers "Are you coming tonight\?"/);
  });

  it('asks every prediction of simulations/predictions.ts at its step, and nothing elsewhere', () => {
    for (const [id, prompts] of Object.entries(PREDICTIONS)) {
      const scenario = LESSON_SCENARIOS.find((s) => s.id === id)!;
      expect(scenario.promptSteps).toEqual(prompts!.map((p) => p.beforeIntent));
      prompts!.forEach((p, i) => {
        expect(LAB_LESSON.promptAt(id, p.beforeIntent)).toEqual({
          key: `${id}:${i + 1}`,
          question: p.question,
          choices: p.choices,
        });
        expect(p.beforeIntent).toBeLessThan(scenario.steps.length);
      });
    }
    expect(LAB_LESSON.promptAt('new-mail', 0)).toBeNull();
    expect(LAB_LESSON.promptAt('__proto__', 0)).toBeNull();
    expect(LAB_LESSON.scenario('__proto__')).toBeNull();
  });

  it('shows each step on a student device at the player step where that step is done', () => {
    const timeline = scenarioTimeline(findScenario('new-mail')!);
    const shown = stepsShown('new-mail');
    expect(shown).toHaveLength(LAB_LESSON.scenario('new-mail')!.steps.length);
    shown.forEach((at, intent) => {
      // The last player step of that intent: the next one (if any) starts the next intent.
      expect(timeline.steps[at]!.intent).toBe(intent);
      expect(timeline.steps[at + 1]?.intent ?? intent + 1).toBe(intent + 1);
    });
    expect(stepsShown('new-mail')).toBe(shown);
    expect(stepsShown('no-such-scenario')).toEqual([]);
  });
});
