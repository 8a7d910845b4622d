import { BUILTIN_STORIES } from './stories/builtin';

/**
 * The built-in scenarios' ids, in teaching order: each is a story file,
 * simulations/stories/builtin/<id>.json (a test keeps this list and the files in step).
 */
export const SCENARIO_IDS = [
  'one-laptop',
  'laptop-and-phone',
  'webmail-and-desktop',
  'offline',
  'headers-first',
  'server-quota',
  'dropped-connection',
  'pop3-lock',
  'leave-a-copy',
  'two-accounts',
  'delete-on-phone',
  'delete-two-phases',
  'new-mail',
  'phone-after-a-week',
  'send-from-phone',
  'cafe-wifi',
  'sandbox',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** A built-in scenario as the page lists it. */
export interface CatalogEntry {
  readonly id: ScenarioId;
  readonly title: string;
  /** The lesson: the story file's `summary`. */
  readonly claim: string;
  /** Present when the scenario has variants. */
  readonly variants?: readonly VariantEntry[];
}

/**
 * Every scenario's id, title, lesson and variants, read from its story file: light enough for
 * the page to list without loading the engine.
 */
export const CATALOG: readonly CatalogEntry[] = BUILTIN_STORIES.map((s) => ({
  id: s.id as ScenarioId,
  title: s.title,
  claim: s.summary,
  ...(s.variants ? { variants: s.variants.map((v) => ({ id: v.id, label: v.label })) } : {}),
}));

/** A runnable variant of a scenario: the same story with one client setting changed. */
export interface VariantEntry {
  readonly id: string;
  /** What changes, in a mail app's words, e.g. "POP3 client: leave a copy on the server". */
  readonly label: string;
}

export function catalogEntry(id: ScenarioId): { id: string; title: string; claim: string } {
  const { title, claim } = CATALOG.find((c) => c.id === id)!;
  return { id, title, claim };
}

/** A scenario's variants (none for most). */
export function variantsOf(id: string): readonly VariantEntry[] {
  return CATALOG.find((c) => c.id === id)?.variants ?? [];
}

/** The timeline file's key: `offline` or, for a variant, `offline--offline-all`. */
export function timelineKey(id: string, variant: string | null): string {
  return variant ? `${id}--${variant}` : id;
}

export function isScenarioId(id: string): id is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(id);
}
