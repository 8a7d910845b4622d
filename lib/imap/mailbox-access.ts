import type { Mailbox } from '../mailstore/mailbox';
import { MailStoreError } from '../mailstore/account';
import { ImapError, no, type ImapContext } from './types';

/** The logged-in account's mailbox by name, or `NO [NONEXISTENT]`. */
export function mailboxOf(ctx: ImapContext, name: string): Mailbox {
  const box = ctx.account!.getMailbox(name);
  if (!box) throw no(`Mailbox doesn't exist: ${printableName(name)}`, 'NONEXISTENT');
  return box;
}

/**
 * Runs a store operation, turning its refusal into a tagged NO with the RFC 5530 code. The
 * store's message may hold a Unicode mailbox name; the response text keeps printable ASCII only
 * (resp-text is 7-bit in RFC 3501 §9), as `mailboxOf` does.
 */
export function storeOp<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof MailStoreError)
      throw new ImapError('NO', error.message.replace(/[^\x20-\x7e]/g, '?'), error.code);
    throw error;
  }
}

/** A name for a response text: printable ASCII (others as `?`), at most 100 characters. */
export function printableName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}
