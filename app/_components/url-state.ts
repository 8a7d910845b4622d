import { isScenarioId, variantsOf } from '@/simulations/catalog';

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ViewState {
  scenario: string;
  /** A runnable variant of the scenario (a client setting changed), or null for the story as told. */
  variant: string | null;
  /** Requested step; the player clamps it to the timeline. */
  step: number;
  speed: Speed;
}

export const DEFAULT_VIEW: ViewState = { scenario: 'one-laptop', variant: null, step: 0, speed: 1 };

/**
 * Reads `?scenario=&variant=&step=&speed=`. Anything unknown or malformed falls back to the default and
 * is reported, so the page can say so instead of failing.
 */
export function parseViewParams(params: URLSearchParams): { view: ViewState; problems: string[] } {
  const view = { ...DEFAULT_VIEW };
  const problems: string[] = [];
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (isScenarioId(scenario)) view.scenario = scenario;
    else
      problems.push(
        `Unknown scenario "${scenario.slice(0, 40)}": showing "${DEFAULT_VIEW.scenario}" instead.`,
      );
  }
  const variant = params.get('variant');
  if (variant !== null) {
    if (variantsOf(view.scenario).some((v) => v.id === variant)) view.variant = variant;
    else problems.push(`This scenario has no variant "${variant.slice(0, 40)}": showing the story as told.`);
  }
  const step = params.get('step');
  if (step !== null) {
    if (/^\d{1,6}$/.test(step)) view.step = Number(step);
    else problems.push(`"${step.slice(0, 20)}" is not a step number: starting at the beginning.`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if ((SPEEDS as readonly number[]).includes(n)) view.speed = n as Speed;
    else problems.push(`Speed "${speed.slice(0, 20)}" is not one of ${SPEEDS.join(', ')}: using 1×.`);
  }
  return { view, problems };
}

export function viewQuery(view: ViewState): string {
  const params = new URLSearchParams({ scenario: view.scenario });
  if (view.variant) params.set('variant', view.variant);
  params.set('step', String(view.step));
  if (view.speed !== 1) params.set('speed', String(view.speed));
  return `?${params.toString()}`;
}
