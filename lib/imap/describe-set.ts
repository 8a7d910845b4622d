import { SAVED_RESULT_WORDS } from './extensions/searchres';
import type { SequenceSet } from './seqset';

/**
 * A set as words for an explanation: "the message with UID 3", "the messages with UIDs 1:6",
 * "message 2", "messages 1:*"; `$` as "the messages the last SEARCH saved ($)" (RFC 5182).
 * A set with `*` says what `*` stands for (RFC 9051 §9 `seq-number`), and a UID range `n:*`
 * that it always includes the highest UID, even one below n (RFC 9051 §6.4.9, RFC 3501 §6.4.8):
 * `UID FETCH 7:*` in a mailbox whose last UID is 5 still answers with message 5.
 */
export function describeSet(set: SequenceSet, byUid: boolean): string {
  if (set.isSavedResult) return SAVED_RESULT_WORDS;
  const text = set.numbersText;
  const single = /^\d+$/.test(text);
  const words = byUid
    ? `the message${single ? '' : 's'} with UID${single ? '' : 's'} ${text}`
    : `message${single ? '' : 's'} ${text}`;
  return words + starWords(set, byUid) + (set.includesSaved ? `, and ${SAVED_RESULT_WORDS}` : '');
}

/** What `*` means in this set, in parentheses; empty for a set without `*`. */
function starWords(set: SequenceSet, byUid: boolean): string {
  if (!set.usesStar) return '';
  if (!byUid) return ' ("*" is the highest sequence number: the last message in the mailbox)';
  const lowest = Math.min(
    ...set.ranges.flatMap((r) => (r.from === null || r.to === null ? [r.from ?? r.to ?? 1] : [])),
  );
  const below =
    lowest > 1
      ? `; ${lowest}:* always includes the message with the highest UID, even if that UID is below ${lowest}`
      : '';
  return ` ("*" is the highest UID in the mailbox${below})`;
}
