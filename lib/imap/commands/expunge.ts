import { describeSet } from '../describe-set';
import type { SequenceSet } from '../seqset';
import { targets } from '../targets';
import { defineCommand, no, type ImapContext } from '../types';

/** RFC 9051 §6.4.3: permanently remove every \Deleted message; one EXPUNGE response each. */
export const expunge = defineCommand({
  name: 'EXPUNGE',
  states: ['Selected'],
  syntax: 'EXPUNGE',
  summary: 'Permanently remove the messages flagged \\Deleted.',
  rfc: 'RFC 9051 §6.4.3',
  parse: (a) => a.end(),
  explain: () => 'permanently remove the messages marked \\Deleted',
  run: (ctx) => run(ctx, null),
});

/** RFC 9051 §6.4.9 (UIDPLUS): remove only the \Deleted messages among the given UIDs. */
export const uidExpunge = defineCommand({
  name: 'UID EXPUNGE',
  states: ['Selected'],
  syntax: 'UID EXPUNGE uid-set',
  summary: 'Permanently remove the \\Deleted messages among the given UIDs only.',
  rfc: 'RFC 9051 §6.4.9',
  parse(a) {
    const set = a.seqSet();
    a.end();
    return set;
  },
  explain: (set) => `permanently remove those of ${describeSet(set, true)} that are marked \\Deleted`,
  run: (ctx, set) => run(ctx, set),
});

function run(ctx: ImapContext, uids: SequenceSet | null) {
  const selected = ctx.selected!;
  if (selected.readOnly) throw no('Mailbox is read-only', 'READ-ONLY');
  const inSet = uids ? new Set(targets(selected, uids, true).map((t) => t.message)) : null;
  const doomed = selected.mailbox.messages.filter(
    (m) => m.flags.has('\\Deleted') && (!inSet || inSet.has(m)),
  );
  // The EXPUNGE responses come from the session's own change feed, in order, at completion.
  selected.mailbox.expunge(doomed, ctx.origin);
  const text = `${uids ? 'UID EXPUNGE' : 'EXPUNGE'} completed`;
  // RFC 7162 §3.2.7, §3.2.9: "If at least one message got expunged and QRESYNC was enabled, the
  // server MUST send the updated per-mailbox modification sequence using the HIGHESTMODSEQ
  // response code ... in the tagged OK response" (after the VANISHED lines, written first).
  if (doomed.length && ctx.enabled.has('QRESYNC'))
    return { code: `HIGHESTMODSEQ ${selected.mailbox.highestModseq}`, text };
  return { text };
}
