import { SAVED_RESULT_WORDS } from './extensions/searchres';
import type { SequenceSet } from './seqset';

/**
 * A set as words for an explanation: "the message with UID 3", "the messages with UIDs 1:6",
 * "message 2", "messages 1:*"; `$` as "the messages the last SEARCH saved ($)" (RFC 5182).
 */
export function describeSet(set: SequenceSet, byUid: boolean): string {
  if (set.isSavedResult) return SAVED_RESULT_WORDS;
  const single = /^\d+$/.test(set.text);
  return byUid
    ? `the message${single ? '' : 's'} with UID${single ? '' : 's'} ${set.text}`
    : `message${single ? '' : 's'} ${set.text}`;
}
