import { describeSet } from '../describe-set';
import type { SequenceSet } from '../seqset';
import { defineCommand, no, type ImapCommand } from '../types';
import { copyMessages } from './copy';

/**
 * RFC 9051 §6.4.8 (RFC 6851): copy, then expunge the originals, atomically. The COPYUID comes
 * in an untagged OK before the EXPUNGE responses.
 */
function moveCommand(byUid: boolean): ImapCommand<{ set: SequenceSet; mailbox: string }> {
  const name = byUid ? 'UID MOVE' : 'MOVE';
  return defineCommand({
    name,
    states: ['Selected'],
    syntax: `${name} ${byUid ? 'uid-set' : 'sequence-set'} mailbox`,
    summary: 'Move messages to another mailbox, e.g. to Trash; they leave this one at once.',
    rfc: byUid ? 'RFC 9051 §6.4.9, §6.4.8' : 'RFC 9051 §6.4.8',
    parse(a) {
      const set = a.seqSet();
      const mailbox = a.mailbox();
      a.end();
      return { set, mailbox };
    },
    explain: ({ set, mailbox }) =>
      `move ${describeSet(set, byUid)} to "${mailbox}": copied there, then expunged here`,
    run(ctx, { set, mailbox }) {
      const selected = ctx.selected!;
      if (selected.readOnly) throw no('Mailbox is read-only', 'READ-ONLY');
      const { sources, code } = copyMessages(ctx, set, byUid, mailbox);
      if (code) ctx.untagged(`OK [${code}] Moved`);
      selected.mailbox.expunge(
        sources.map((s) => s.message),
        ctx.origin,
      );
      return { text: `${name} completed` };
    },
  });
}

export const move = moveCommand(false);
export const uidMove = moveCommand(true);
