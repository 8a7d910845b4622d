import { normalizeFlag } from '../mailstore/flags';
import type { Token } from './parser';
import { bad } from './types';

/** Flags from a client: system flags in canonical spelling, keywords as given. \Recent is not settable. */
export function parseFlagTokens(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type !== 'atom') throw bad('Flags must be atoms');
    const flag = normalizeFlag(t.value);
    if (flag === null) throw bad(`Invalid flag: ${t.value.slice(0, 30)}`);
    if (!/^\\?[^\x00-\x20\x7f-\xff(){%*"\\\]]+$/.test(flag))
      throw bad(`Invalid flag: ${t.value.slice(0, 30)}`);
    if (!out.includes(flag)) out.push(flag);
  }
  return out;
}
