// What each FETCH data item a client asks for means (RFC 9051 §6.4.5; RFC 3501 §6.4.5 for
// IMAP4rev1's RFC822 forms), and whether fetching it sets \\Seen as this server does.
import { itemSetsSeen } from './fetch-seen';
import { sectionMeaning } from './imap-fetch';

const RFC822_DEPRECATED =
  'an IMAP4rev1 item, deprecated in IMAP4rev2, RFC 9051 Appendix E, which asks clients to use BODY[…] instead; this server still answers it';

const FETCH_ATTS: Record<string, string> = {
  UID: 'UID: each message’s unique identifier',
  FLAGS: 'FLAGS: each message’s flags (read, flagged, deleted…)',
  'RFC822.SIZE': 'RFC822.SIZE: each message’s size in octets, without downloading it',
  ENVELOPE:
    'ENVELOPE: a parsed summary of some header fields (date, subject, from, to, cc, message-id…), enough for a message list; not the whole header',
  INTERNALDATE: 'INTERNALDATE: when the server received each message',
  BODYSTRUCTURE:
    'BODYSTRUCTURE: each message’s MIME structure (parts, types, sizes) without the content, so the client can choose which part to download',
  BODY: 'BODY: the MIME structure, without extension data',
  ALL: 'ALL: shorthand for FLAGS INTERNALDATE RFC822.SIZE ENVELOPE',
  FAST: 'FAST: shorthand for FLAGS INTERNALDATE RFC822.SIZE',
  FULL: 'FULL: shorthand for FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY',
  // CONDSTORE's item (RFC 7162 §3.1.4.2), not the base protocol's; asking for it is one of the
  // "CONDSTORE enabling commands" (RFC 7162 §3.1).
  MODSEQ:
    'MODSEQ: each message’s mod-sequence, the number of its last change (CONDSTORE, not the base protocol); asking for it also turns CONDSTORE on for this connection',
  // RFC 9051 Appendix E: "RFC822, RFC822.HEADER, and RFC822.TEXT FETCH data items were
  // deprecated. Clients should use the corresponding BODY[] variants instead." The engine
  // (fetch-item-core.ts) still answers them in either revision.
  RFC822: `RFC822: the whole message, as BODY[] (${RFC822_DEPRECATED})`,
  'RFC822.HEADER': `RFC822.HEADER: the header, as BODY.PEEK[HEADER] (${RFC822_DEPRECATED})`,
  'RFC822.TEXT': `RFC822.TEXT: the body, as BODY[TEXT] (${RFC822_DEPRECATED})`,
};

/** Whether a FETCH item is one of IMAP4rev1's RFC822 forms (not RFC822.SIZE), RFC 3501's only. */
export const isRfc822Item = (text: string) => /^RFC822(?:\.HEADER|\.TEXT)?$/i.test(text);

/** What fetching an item that carries message content does to \Seen, as this server does it. */
const SETS_SEEN =
  '; this also sets \\Seen (the message counts as read), unless the mailbox is open read-only';
const KEEPS_SEEN = ', without setting \\Seen';

/** A FETCH data item's meaning, as a phrase without its stop (RFC 9051 §6.4.5). */
export function fetchAtt(text: string): string {
  const upper = text.toUpperCase();
  if (upper.startsWith('BINARY.SIZE['))
    return `${text}: the size of ${sectionMeaning(text)} once its transfer encoding (base64, quoted-printable) is undone, without downloading it`;
  if (upper.startsWith('BINARY'))
    return `${fetchBody(text, upper)}. BINARY: the server undoes the part’s transfer encoding (base64, quoted-printable) and sends the octets themselves`;
  return fetchBody(text, upper);
}

/**
 * A FETCH item's meaning. Whether it sets \Seen is the engine's own reading of the item
 * (`setsSeen`, RFC 9051 §6.4.5 / RFC 3501 §6.4.5), so the words cannot say otherwise than the
 * server does: BODY[…] and BINARY[…] do, their .PEEK forms do not, nor does RFC822.HEADER;
 * IMAP4rev1's RFC822 and RFC822.TEXT do, like the BODY[] and BODY[TEXT] they stand for.
 */
function fetchBody(text: string, upper: string): string {
  const seen = itemSetsSeen(text);
  if (upper.startsWith('BODY.PEEK[') || upper.startsWith('BINARY.PEEK['))
    return `${text}: download ${sectionMeaning(text)}${seen ? SETS_SEEN : `${KEEPS_SEEN} (PEEK: reading it does not mark the message read)`}`;
  if (upper.startsWith('BODY[') || upper.startsWith('BINARY['))
    return `${text}: download ${sectionMeaning(text)}${seen ? SETS_SEEN : KEEPS_SEEN}`;
  const meaning = FETCH_ATTS[upper];
  if (!meaning) return `${text}: a FETCH data item`;
  if (!upper.startsWith('RFC822') || upper === 'RFC822.SIZE') return meaning;
  return `${meaning}${seen ? SETS_SEEN : KEEPS_SEEN}`;
}
