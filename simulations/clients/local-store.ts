import { headerValue, parseHeaderBlock } from '../../lib/mail/mime';
import { parseAddressList } from '../../lib/mail/address';
import { bytesToDisplayText } from '../../lib/wire/bytes';
import type { LocalMessage } from '../types';

/** Subject and sender of a raw message, as a mail client lists them. */
export function summarize(raw: string): { subject: string; from: string } {
  const { headers } = parseHeaderBlock(raw, 0, raw.length);
  const subject = bytesToDisplayText(headerValue(headers, 'subject') ?? '(no subject)');
  const fromValue = headerValue(headers, 'from');
  const first = fromValue ? parseAddressList(fromValue)[0] : undefined;
  const from = first?.name ?? (first?.mailbox && first.host ? `${first.mailbox}@${first.host}` : '(unknown)');
  return { subject, from: bytesToDisplayText(from) };
}

/** Replaces one message (by UID and account) in a list, keeping order. */
export function updateMessage(
  list: readonly LocalMessage[],
  uid: number,
  account: string,
  change: Partial<LocalMessage>,
): LocalMessage[] {
  return list.map((m) => (m.uid === uid && m.account === account ? { ...m, ...change } : m));
}

export function localBytes(list: readonly LocalMessage[]): number {
  return list.reduce((sum, m) => sum + m.storedBytes, 0);
}
