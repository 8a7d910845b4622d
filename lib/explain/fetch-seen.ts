/*
 * What fetching an item does to \Seen (RFC 9051 §6.4.5, RFC 3501 §6.4.5), for the explanations:
 * read with the engine's own parser and rule, so the words cannot drift from what the server does.
 */
import { BINARY_ITEMS } from '../imap/extensions/binary/items';
import { parseFetchItem, setsSeen } from '../imap/fetch-item-core';

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
