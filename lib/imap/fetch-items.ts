import { registry } from './extensions/registry';
import { parseFetchItemsWith, type FetchItem } from './fetch-item-core';
import type { Token } from './parser';

export { describeItem, parseFetchItem, setsSeen, type FetchItem } from './fetch-item-core';

/** FETCH's items argument as the engine reads it: the core items and every extension's. */
export function parseFetchItems(tokens: readonly Token[]): FetchItem[] {
  return parseFetchItemsWith(tokens, registry().fetchItems);
}
