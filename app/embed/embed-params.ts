import { isScenarioId, type ScenarioId } from '@/simulations/catalog';
import { SPEEDS, type Speed } from '../_components/url-state';

export interface EmbedParams {
  scenario: ScenarioId;
  protocol: 'pop3' | 'imap' | 'both';
  step: number;
  autoplay: boolean;
  speed: Speed;
  theme: 'light' | 'dark' | 'system';
  controls: 'full' | 'minimal' | 'none';
}

export const EMBED_DEFAULTS: EmbedParams = {
  scenario: 'one-laptop',
  protocol: 'both',
  step: 0,
  autoplay: false,
  speed: 1,
  theme: 'system',
  controls: 'full',
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Reads the embed's URL parameters (`defaultScenario`: the one the page's path names). Anything invalid quietly takes its default: a documentation
 * page should never show a broken player because of a typo in its snippet.
 */
export function parseEmbedParams(
  params: URLSearchParams,
  defaultScenario: ScenarioId = EMBED_DEFAULTS.scenario,
): EmbedParams {
  const scenario = params.get('scenario');
  const step = params.get('step');
  const speed = Number(params.get('speed'));
  const autoplay = params.get('autoplay');
  return {
    scenario: scenario !== null && isScenarioId(scenario) ? scenario : defaultScenario,
    protocol: oneOf(params.get('protocol'), ['pop3', 'imap', 'both'] as const, 'both'),
    step: step !== null && /^\d{1,6}$/.test(step) ? Number(step) : 0,
    autoplay: autoplay === '1' || autoplay === 'true',
    speed: (SPEEDS as readonly number[]).includes(speed) ? (speed as Speed) : 1,
    theme: oneOf(params.get('theme'), ['light', 'dark', 'system'] as const, 'system'),
    controls: oneOf(params.get('controls'), ['full', 'minimal', 'none'] as const, 'full'),
  };
}

/**
 * The embed page for given options: /embed/<scenario>/, whose HTML already holds the scenario's
 * first step, and a query for the rest (defaults left out, so snippets stay short).
 */
export function embedPath(options: Partial<EmbedParams>): string {
  const params = new URLSearchParams();
  const { scenario = EMBED_DEFAULTS.scenario, ...rest } = options;
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined || v === EMBED_DEFAULTS[k as keyof EmbedParams]) continue;
    params.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  const query = params.toString();
  return `/embed/${scenario}/${query ? `?${query}` : ''}`;
}
