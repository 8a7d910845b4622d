import { describeSet } from '../describe-set';
import type { Mailbox } from '../../mailstore/mailbox';
import { mailboxOf, storeOp } from '../mailbox-access';
import { SequenceSet } from '../seqset';
import { targets } from '../targets';
import { defineCommand, ImapError, type ImapCommand, type ImapContext } from '../types';

/**
 * Copies the named messages to another mailbox, within the quota, and returns the COPYUID
 * response code (RFC 9051 §7.1, UIDPLUS). Shared by COPY and MOVE.
 */
export function copyMessages(ctx: ImapContext, set: SequenceSet, byUid: boolean, destination: string) {
  const selected = ctx.selected!;
  let target: Mailbox;
  try {
    target = mailboxOf(ctx, destination);
  } catch {
    // RFC 9051 §6.4.7: TRYCREATE tells the client it may create the mailbox and retry.
    throw new ImapError('NO', `Mailbox doesn't exist: ${destination.slice(0, 100)}`, 'TRYCREATE');
  }
  const sources = targets(selected, set, byUid).filter(({ message }) => !message.expunged);
  const account = ctx.account!;
  storeOp(() =>
    account.checkQuota(
      sources.reduce((sum, { message }) => sum + message.size, 0),
      sources.length,
    ),
  );
  const copies = sources.map(({ message }) =>
    target.append(message.raw, message.flags, message.internalDate, ctx.origin),
  );
  const code = copies.length
    ? `COPYUID ${target.uidValidity} ${SequenceSet.formatInOrder(sources.map((s) => s.message.uid))} ${SequenceSet.formatInOrder(copies.map((c) => c.uid))}`
    : undefined;
  return { sources, code };
}

function copyCommand(byUid: boolean): ImapCommand<{ set: SequenceSet; mailbox: string }> {
  const name = byUid ? 'UID COPY' : 'COPY';
  return defineCommand({
    name,
    states: ['Selected'],
    syntax: `${name} ${byUid ? 'uid-set' : 'sequence-set'} mailbox`,
    summary: 'Copy messages into another mailbox on the server (nothing is downloaded).',
    rfc: byUid ? 'RFC 9051 §6.4.9, §6.4.7' : 'RFC 9051 §6.4.7',
    parse(a) {
      const set = a.seqSet();
      const mailbox = a.mailbox();
      a.end();
      return { set, mailbox };
    },
    explain: ({ set, mailbox }) => `copy ${describeSet(set, byUid)} into "${mailbox}" on the server`,
    run(ctx, { set, mailbox }) {
      const { code } = copyMessages(ctx, set, byUid, mailbox);
      return { code, text: `${name} completed` };
    },
  });
}

export const copy = copyCommand(false);
export const uidCopy = copyCommand(true);
