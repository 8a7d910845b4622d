import { ArgReader } from './args';
import type { FetchModifierUse, SelectParamUse, StoreModifierUse } from './extensions/define';
import { registry } from './extensions/registry';
import type { Token } from './parser';
import { bad } from './types';

/** Modifiers as given: their names (upper-case, in order) and what each was parsed into. */
export interface ModifierList<U> {
  readonly names: readonly string[];
  readonly uses: readonly U[];
}

const NONE = { names: [], uses: [] };

/**
 * Reads a parenthesized modifier list (RFC 4466 §2.4 `fetch-modifiers`, §2.5 `store-modifiers`,
 * §2.1 `select-params`):
 * one or more `name [params]`, each name registered by an extension and given once; a
 * modifier's `requires` must be present too. Every mismatch is a BAD.
 */
function parseModifiers<U extends { readonly words: string; readonly requires?: readonly string[] }>(
  tokens: readonly Token[] | null,
  what: string,
  lookup: (name: string) => ((a: ArgReader) => U) | undefined,
): ModifierList<U> {
  if (tokens === null) return NONE;
  if (tokens.length === 0) throw bad(`Empty ${what} list`);
  const a = new ArgReader(tokens);
  const names: string[] = [];
  const uses: U[] = [];
  while (a.remaining > 0) {
    const name = a.atom(`${what} name`).toUpperCase();
    const parse = lookup(name);
    if (!parse) throw bad(`Unknown ${what}: ${name.slice(0, 30)}`);
    if (names.includes(name)) throw bad(`${what} ${name} given twice`);
    names.push(name);
    uses.push(parse(a));
  }
  for (const [i, use] of uses.entries())
    for (const needed of use.requires ?? [])
      if (!names.includes(needed)) throw bad(`${names[i]} needs ${needed}`);
  return { names, uses };
}

/** FETCH modifiers (RFC 4466 §2.4), as extensions register them (CHANGEDSINCE, VANISHED). */
export function parseFetchModifiers(
  tokens: readonly Token[] | null,
  byUid: boolean,
): ModifierList<FetchModifierUse> {
  return parseModifiers(tokens, 'fetch modifier', (name) => {
    const def = registry().fetchModifiers.get(name);
    return def && ((a) => def.parse(a, { byUid }));
  });
}

/** STORE modifiers (RFC 4466 §2.5), as extensions register them (UNCHANGEDSINCE). */
export function parseStoreModifiers(tokens: readonly Token[] | null): ModifierList<StoreModifierUse> {
  return parseModifiers(tokens, 'store modifier', (name) => {
    const def = registry().storeModifiers.get(name);
    return def && ((a) => def.parse(a));
  });
}

/** SELECT/EXAMINE parameters (RFC 4466 §2.1 `select-params`), as extensions register them. */
export function parseSelectParams(tokens: readonly Token[] | null): ModifierList<SelectParamUse> {
  return parseModifiers(tokens, 'select parameter', (name) => {
    const def = registry().selectParams.get(name);
    return def && ((a) => def.parse(a));
  });
}
