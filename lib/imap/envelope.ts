import { parseAddressList, type Address } from '../mail/address';
import { headerValue, type HeaderField } from '../mail/mime';
import { nstring } from './format';

/**
 * ENVELOPE (RFC 9051 §7.5.2): date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to,
 * message-id. Sender and Reply-To default to From when absent or empty. Strings are as sent
 * (encoded words stay encoded); addresses come from an RFC 5322 parser (mail/address.ts),
 * each `(name adl mailbox host)`, a group as `(NIL NIL "group" NIL)` … `(NIL NIL NIL NIL)`.
 */
export function envelope(headers: readonly HeaderField[]): string {
  const h = (name: string) => headerValue(headers, name);
  const from = addresses(h('from'));
  const sender = h('sender') ? addresses(h('sender')) : from;
  const replyTo = h('reply-to') ? addresses(h('reply-to')) : from;
  return (
    '(' +
    [
      nstring(h('date')),
      nstring(h('subject')),
      from,
      sender,
      replyTo,
      addresses(h('to')),
      addresses(h('cc')),
      addresses(h('bcc')),
      nstring(h('in-reply-to')),
      nstring(h('message-id')),
    ].join(' ') +
    ')'
  );
}

function addresses(value: string | null): string {
  if (!value) return 'NIL';
  const list = parseAddressList(value);
  if (list.length === 0) return 'NIL';
  return '(' + list.map(address).join('') + ')';
}

function address(a: Address): string {
  if (a.groupEnd) return '(NIL NIL NIL NIL)';
  if (a.groupStart) return `(NIL NIL ${nstring(a.mailbox)} NIL)`;
  return `(${nstring(a.name)} NIL ${nstring(a.mailbox)} ${nstring(a.host)})`;
}
