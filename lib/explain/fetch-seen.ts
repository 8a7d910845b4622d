/*
 * What fetching an item does to \Seen (RFC 9051 §6.4.5, RFC 3501 §6.4.5), for the explanations:
 * read with the engine's own parser and rule, so the words cannot drift from what the server does.
 */
import { BINARY_ITEMS } from '../imap/extensions/binary/items';
import { parseFetchItem, setsSeen } from '../imap/fetch-item-core';
import { tokenize } from '../imap/parser';

/**
 * The extensions' FETCH items that carry message content, the only ones that can set \Seen
 * (a test holds this list to the engine's registry): loading the registry would bring every
 * extension's code into the page for one explanation.
 */
export const CONTENT_ITEMS = [BINARY_ITEMS];

/**
 * Whether one FETCH item (`BODY.PEEK[TEXT]`, `RFC822`, `BINARY[1]`…) sets \Seen, by the
 * engine's own parser and rule (`setsSeen`, lib/imap/fetch-item-core.ts); null if it is not
 * such an item (an extension's other items, a typo).
 */
export function itemSetsSeen(text: string): boolean | null {
  try {
    return setsSeen(parseFetchItem(text, CONTENT_ITEMS));
  } catch {
    return null;
  }
}

/**
 * Whether a FETCH or UID FETCH line asks for an item that sets \Seen (RFC 9051 §6.4.5, RFC 3501
 * §6.4.5), read as the engine reads it: the items after the set, without the modifiers' list.
 * False for a line the engine would refuse.
 */
export function fetchLineSetsSeen(line: string): boolean {
  try {
    const tokens = tokenize(line);
    const at = tokens.findIndex((t) => t.type === 'atom' && /^FETCH$/i.test(t.value));
    if (at < 0) return false;
    const rest = tokens.slice(at + 2);
    const items = rest.length === 2 && rest[1]!.type === 'list' ? rest.slice(0, 1) : rest;
    const list = items[0]?.type === 'list' ? items[0].items : items;
    return list.some((t) => t.type === 'atom' && itemSetsSeen(t.value) === true);
  } catch {
    return false;
  }
}
