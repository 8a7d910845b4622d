import { parseAddressList } from '../lib/mail/address';

/** The lab's own domain: its users' addresses, and the ids of messages its server makes. */
const LAB_DOMAIN = 'popvsimap.lab';

/**
 * A Message-ID (without the angle brackets) for a message written by `from`, an RFC 5322 From
 * value: `local@domain`, the domain being the sender's, since RFC 5322 §3.6.4 ties an id's
 * right-hand side to where the message was made (mail from ben@workshop.example gets
 * `…@workshop.example`, not the lab's domain). The lab's domain when `from` names no domain.
 */
export function messageIdFrom(local: string, from: string): string {
  return `${local}@${senderDomain(from) ?? LAB_DOMAIN}`;
}

/**
 * The domain of an RFC 5322 From value's address, by the RFC 5322 parser (`Ben <ben@x.example>`
 * and `ben@x.example (Ben)` both give `x.example`), or null when it names none.
 */
export function senderDomain(from: string): string | null {
  // Without an @ there is no domain to take (a lenient parse would invent a placeholder).
  if (!from.includes('@')) return null;
  return parseAddressList(from).find((a) => a.host)?.host ?? null;
}
