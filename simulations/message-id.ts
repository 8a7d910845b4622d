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
  // Without an @ there is no domain to take (a lenient parse would invent a placeholder).
  const host = from.includes('@') ? parseAddressList(from).find((a) => a.host)?.host : undefined;
  return `${local}@${host ?? LAB_DOMAIN}`;
}
