import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewParams, viewQuery } from './url-state';

describe('URL state', () => {
  it('reads a valid deep link', () => {
    expect(parseViewParams(new URLSearchParams('scenario=offline&step=12&speed=2'))).toEqual({
      view: { scenario: 'offline', variant: null, step: 12, speed: 2 },
      problems: [],
    });
  });

  it.each([
    ['scenario=nope', /Unknown scenario "nope"/],
    ['step=-3', /not a step number/],
    ['step=abc', /not a step number/],
    ['speed=3', /Speed "3" is not one of/],
    ['variant=offline-all', /no variant "offline-all"/],
  ])('falls back to defaults for %s and says why', (query, problem) => {
    const { view, problems } = parseViewParams(new URLSearchParams(query));
    expect(view).toEqual(DEFAULT_VIEW);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('writes a query the parser reads back', () => {
    const view = { scenario: 'new-mail', variant: null, step: 7, speed: 4 as const };
    expect(parseViewParams(new URLSearchParams(viewQuery(view))).view).toEqual(view);
    expect(viewQuery({ ...view, speed: 1 })).toBe('?scenario=new-mail&step=7');
  });

  it('carries a scenario variant (a client setting) and refuses one the scenario lacks', () => {
    const view = { scenario: 'offline', variant: 'offline-all', step: 3, speed: 1 as const };
    expect(viewQuery(view)).toBe('?scenario=offline&variant=offline-all&step=3');
    expect(parseViewParams(new URLSearchParams(viewQuery(view))).view).toEqual(view);
    const wrong = parseViewParams(new URLSearchParams('scenario=new-mail&variant=offline-all'));
    expect(wrong.view.variant).toBeNull();
    expect(wrong.problems[0]).toMatch(/no variant "offline-all"/);
  });
});
