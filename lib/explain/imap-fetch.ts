import { IMAP, cite } from './cite';
import { flagMeaning } from './imap-words';
import { valueOf, type Node } from './imap-syntax';
import type { Tokens } from './tokens';

/** What a BODY[section] names (RFC 9051 §6.4.5, RFC 3501 §6.4.5). */
export function sectionMeaning(spec: string): string {
  const inner = spec.replace(/^[^[]*\[/, '').replace(/\].*$/, '');
  const m = /^((?:\d+\.)*\d+)?\.?(.*)$/.exec(inner)!;
  const part = m[1] ? `part ${m[1]} of the message’s MIME structure` : 'the message';
  const what = m[2]!.toUpperCase();
  if (what === '') return m[1] ? part : 'the whole message, header and body';
  if (what === 'HEADER') return `the header of ${part}`;
  if (what === 'TEXT') return `the body of ${part}, without its header`;
  if (what === 'MIME') return `the MIME header fields of ${part}`;
  if (what.startsWith('HEADER.FIELDS.NOT')) return `the header of ${part}, except the fields named`;
  if (what.startsWith('HEADER.FIELDS')) return `only the header fields named, of ${part}`;
  return `a section of ${part}`;
}

const ENVELOPE_FIELDS: readonly [string, string][] = [
  ['date: the Date header field, as the sender wrote it', 'RFC 5322 §3.6.1'],
  ['subject: the Subject header field', 'RFC 5322 §3.6.5'],
  [
    'from: the From field, as a list of addresses; each is (display name, source route, mailbox, host), so "ada" and "example.org" make ada@example.org',
    'RFC 5322 §3.6.2',
  ],
  ['sender: the Sender field (the server repeats From when there is none)', 'RFC 5322 §3.6.2'],
  ['reply-to: the Reply-To field (the server repeats From when there is none)', 'RFC 5322 §3.6.2'],
  ['to: the To field', 'RFC 5322 §3.6.3'],
  ['cc: the Cc field', 'RFC 5322 §3.6.3'],
  ['bcc: the Bcc field', 'RFC 5322 §3.6.3'],
  ['in-reply-to: the In-Reply-To field, the Message-ID this one answers', 'RFC 5322 §3.6.4'],
  ['message-id: the Message-ID field, the message’s unique identifier', 'RFC 5322 §3.6.4'],
];

/**
 * Tokens for the items of a FETCH response's list, and a short summary of each for the line's
 * explanation (RFC 9051 §7.5.2, RFC 3501 §7.4.2).
 */
export function explainFetchItems(
  raw: string,
  items: readonly Node[],
  rev2: boolean | undefined,
  tokens: Tokens,
): string[] {
  const rfc = cite(IMAP.fetch, rev2);
  const said: string[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const name = items[i]!;
    const value = items[i + 1];
    const key = name.text.toUpperCase().replace(/[[<].*$/, '');
    if (key === 'UID' && value) {
      tokens.node(name, 'UID: the message’s unique identifier in this mailbox.', cite(IMAP.uid, rev2));
      tokens.node(
        value,
        `${value.text}: the UID. Unlike the sequence number, it does not change when other messages are removed, so a client can remember it.`,
        cite(IMAP.uid, rev2),
      );
      said.push(`UID ${value.text}`);
    } else if (key === 'FLAGS' && value?.kind === 'list') {
      tokens.node(name, 'FLAGS: the message’s flags as they are now.', cite(IMAP.flags, rev2));
      if (value.children.length === 0)
        tokens.node(value, '(): no flags at all: unread, not flagged, not deleted.', cite(IMAP.flags, rev2));
      for (const flag of value.children) {
        const m = flagMeaning(flag.text, rev2);
        tokens.node(flag, m.text, m.rfc);
      }
      said.push(value.children.length ? `flags ${value.children.map((f) => f.text).join(' ')}` : 'no flags');
    } else if (key === 'MODSEQ' && value?.kind === 'list') {
      const rfc = 'RFC 7162 §3.1.4.2';
      tokens.node(
        name,
        'MODSEQ: the message’s mod-sequence: the number of its last change (CONDSTORE).',
        rfc,
      );
      tokens.node(
        value,
        `${value.text}: higher than before whenever the message changes; the client keeps the highest it has seen.`,
        rfc,
      );
      said.push(`mod-sequence ${value.children[0]?.text ?? value.text}`);
    } else if (key === 'RFC822.SIZE' && value) {
      tokens.node(
        name,
        'RFC822.SIZE: the size of the whole message as stored (RFC 5322 format), in octets.',
        cite(IMAP.size, rev2),
      );
      // RFC 9051 §2.3.4: "This size SHOULD match the result of a "FETCH BODY[]" command";
      // RFC 3501 §2.3.4 says nothing of BODY[]. This server's match exactly (both are the stored
      // text).
      tokens.node(
        value,
        `${value.text}: octets; this server’s BODY[] of the message returns exactly this many${rev2 ? ' (RFC 9051 §2.3.4 asks only that the two SHOULD match)' : ' (RFC 3501 §2.3.4 does not tie the two together)'}.`,
        cite(IMAP.size, rev2),
      );
      said.push(`size ${value.text} octets`);
    } else if (key === 'ENVELOPE' && value?.kind === 'list') {
      tokens.node(
        name,
        'ENVELOPE: a parsed summary of some header fields (date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id), not the header itself: enough for a message list.',
        cite(IMAP.envelope, rev2),
      );
      value.children.forEach((field, n) => {
        const [text, fieldRfc] = ENVELOPE_FIELDS[n] ?? ['an envelope field', cite(IMAP.envelope, rev2)];
        tokens.node(
          field,
          field.text.toUpperCase() === 'NIL'
            ? `NIL: the message has no ${text.split(':')[0]} field.`
            : `${text}.`,
          fieldRfc,
        );
      });
      said.push('its envelope');
    } else if (key === 'INTERNALDATE' && value) {
      tokens.node(
        name,
        'INTERNALDATE: when the server received the message (not its Date: field).',
        cite(IMAP.internalDate, rev2),
      );
      tokens.node(value, `${value.text}: the date and time of arrival.`, cite(IMAP.internalDate, rev2));
      said.push('its arrival time');
    } else if ((key === 'BODYSTRUCTURE' || (key === 'BODY' && !name.text.includes('['))) && value) {
      tokens.node(
        name,
        `${name.text}: the message’s MIME structure: each part’s type, encoding and size, without the content, so a client can fetch only the part it needs.`,
        cite(IMAP.bodyStructure, rev2),
      );
      tokens.node(
        value,
        'The structure: for each part, its media type and subtype, parameters, encoding and size in octets (RFC 2045 §5).',
        cite(IMAP.bodyStructure, rev2),
      );
      said.push('its MIME structure');
    } else if (key === 'BINARY.SIZE' && value) {
      const what = sectionMeaning(name.text);
      const binaryRfc = rev2 ? 'RFC 9051 §7.5.2' : 'RFC 3516 §4.3';
      tokens.node(name, `${name.text}: the size of ${what} once its transfer encoding is undone.`, binaryRfc);
      tokens.node(
        value,
        `${value.text}: octets; a FETCH of ${name.text.replace('.SIZE', '')} returns exactly this many.`,
        binaryRfc,
      );
      said.push(`the decoded size of ${what}: ${value.text} octets`);
    } else if (/^RFC822(?:\.HEADER|\.TEXT)?$/.test(key) && value) {
      // RFC 3501's forms (§7.4.2); RFC 9051 Appendix E: "RFC822, RFC822.HEADER, and RFC822.TEXT
      // FETCH data items were deprecated." The engine still answers them in either revision.
      const what =
        key === 'RFC822'
          ? 'the whole message, header and body'
          : key === 'RFC822.HEADER'
            ? 'the header of the message'
            : 'the body of the message, without its header';
      tokens.node(
        name,
        `${name.text}: ${what}, as BODY[${key === 'RFC822' ? '' : key.slice(7)}] would send it; an IMAP4rev1 item, deprecated in IMAP4rev2 (RFC 9051 Appendix E), which this server still answers when asked.`,
        'RFC 3501 §7.4.2',
      );
      explainString(raw, value, what, rev2, tokens);
      said.push(value.kind === 'literal' ? `${what} (${value.size} octets)` : what);
    } else if ((key === 'BODY' || key === 'BINARY') && value) {
      const what =
        key === 'BINARY'
          ? `${sectionMeaning(name.text)}, with its transfer encoding (base64, quoted-printable) undone`
          : sectionMeaning(name.text);
      tokens.node(
        name,
        `${name.text}: ${what}.${/<\d+>$/.test(name.text) ? ' The number in <…> is the octet where this piece starts.' : ''}`,
        // BINARY is RFC 3516's in an IMAP4rev1 session, the base protocol's in IMAP4rev2.
        key === 'BINARY' && !rev2 ? 'RFC 3516 §4.3' : rfc,
      );
      explainString(raw, value, what, rev2, tokens);
      said.push(value.kind === 'literal' ? `${what} (${value.size} octets)` : what);
    } else {
      tokens.node(name, `${name.text}: a FETCH data item.`, rfc);
      if (value) tokens.node(value, `The value of ${name.text}.`, rfc);
      said.push(name.text);
    }
  }
  return said;
}

/** A string value: a literal's announced size and content, a quoted string, or NIL. */
function explainString(
  raw: string,
  value: Node,
  what: string,
  rev2: boolean | undefined,
  tokens: Tokens,
): void {
  const literal = cite(IMAP.literal, rev2);
  if (value.kind !== 'literal') {
    tokens.node(
      value,
      value.text.toUpperCase() === 'NIL' ? 'NIL: there is no such data.' : `${what}, as a quoted string.`,
      literal,
    );
    return;
  }
  if (value.binary) {
    const binaryRfc = rev2 ? 'RFC 9051 §4.3.1' : 'RFC 3516 §4.3';
    tokens.add(
      value.start,
      value.headerEnd,
      `~{${value.size}}: a literal8: exactly ${value.size} octets follow, starting after this line’s CRLF. The server uses ~ instead of a plain {n} literal because these octets include NUL, which only a literal8 may carry.`,
      binaryRfc,
    );
    tokens.add(value.contentStart, value.end, `The ${value.size} octets: ${what}.`, binaryRfc);
    return;
  }
  tokens.add(
    value.start,
    value.headerEnd,
    `{${value.size}}: a literal: exactly ${value.size} octets follow, starting after this line’s CRLF. Because they are counted, not quoted, they may hold any octet but NUL (only a literal8 may carry NUL), even CRLFs and parentheses.`,
    literal,
  );
  const content = valueOf(raw, value);
  const blank = content.indexOf('\r\n\r\n');
  if (/^the whole message/.test(what) && blank >= 0) {
    tokens.add(
      value.contentStart,
      value.contentStart + blank + 4,
      'The message’s header fields (From, To, Subject, Date…), one per line, then the empty line that ends them.',
      'RFC 5322 §2.2',
    );
    tokens.add(
      value.contentStart + blank + 4,
      value.end,
      'The body of the message. Header, empty line and body together are the counted octets.',
      'RFC 5322 §2.3',
    );
  } else {
    tokens.add(value.contentStart, value.end, `The ${value.size} octets: ${what}.`, literal);
  }
}
