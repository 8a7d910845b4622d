/**
 * The untagged responses of URLAUTH (RFC 4467 §8): `* GENURLAUTH url…`, the authorized URLs, and
 * `* URLFETCH url data…`, each URL with what it names (a literal) or NIL. They cite RFC 4467 in
 * both revisions (IMAP4rev2 did not take URLAUTH in).
 */
import type { Said } from './imap-data';
import { valueOf, type Node } from './imap-syntax';
import { count, type Tokens } from './tokens';
import type { WireUnit } from './types';

const RFC = 'RFC 4467 §8';

/** What a URL's `;URLAUTH=` access identifier admits (§3). */
function accessWords(url: string): string {
  const m = /;URLAUTH=([^:;]+)/i.exec(url);
  const access = m?.[1] ?? '';
  const user = access.slice(access.indexOf('+') + 1);
  if (/^submit\+/i.test(access)) return `only a submission server sending mail for ${user} (BURL)`;
  if (/^user\+/i.test(access)) return `only ${user}, logged in`;
  if (/^authuser$/i.test(access)) return 'any user logged in to this server';
  if (/^anonymous$/i.test(access))
    return 'anyone with a session here, anonymous logins included (URLFETCH still needs a login)';
  return 'whoever its access identifier names';
}

/** `* GENURLAUTH …` or `* URLFETCH …`; null for other names. */
export function explainUrlauthData(
  u: WireUnit,
  at: number,
  name: string,
  nodes: readonly Node[],
  tokens: Tokens,
): Said | null {
  const key = name.toUpperCase();
  if (key === 'GENURLAUTH') {
    tokens.add(at, at + name.length, 'GENURLAUTH: the URLs the client asked for, now authorized.', RFC);
    for (const n of nodes) {
      const url = valueOf(u.raw, n);
      const token = /:([A-Za-z0-9.-]+):([0-9A-Fa-f]+)$/.exec(url);
      tokens.node(
        n,
        `${token ? `The URL with ":${token[1]}:" and a token appended: the token is computed from the URL and a secret key of its mailbox (mechanism ${token[1]!.toUpperCase()}, RFC 4467 §2.4.1), so nobody can change the URL or make one without the key. ` : ''}It may be used by ${accessWords(url)}.`,
        RFC,
      );
    }
    return {
      explanation: `The server authorized ${count(nodes.length, 'URL')}: whoever a URL names may now fetch that part with URLFETCH, without the owner's password, until the mailbox's key is reset (RESETKEY) or the URL expires.`,
      rfc: RFC,
    };
  }
  if (key === 'URLFETCH') {
    tokens.add(at, at + name.length, 'URLFETCH: each URL asked for, followed by what it names.', RFC);
    let found = 0;
    for (let i = 0; i < nodes.length; i += 2) {
      const url = nodes[i]!;
      const data = nodes[i + 1];
      tokens.node(url, 'An authorized URL the client asked for.', RFC);
      if (!data) continue;
      if (data.kind === 'literal') {
        found++;
        tokens.add(
          data.start,
          data.headerEnd,
          `{${data.size}}: the URL is valid; the ${data.size} octets it names follow, exactly as FETCH BODY.PEEK[section] would return them (this server sets no \\Seen).`,
          RFC,
        );
        tokens.add(data.contentStart, data.end, `The ${data.size} octets of the part.`, RFC);
      } else
        tokens.node(
          data,
          `${data.text}: the URL did not validate (a wrong or old token after RESETKEY, expired, not for this user, or no such message); the server does not say which (RFC 4467 §6).`,
          'RFC 4467 §6',
        );
    }
    const asked = Math.ceil(nodes.length / 2);
    return {
      explanation:
        found === asked
          ? `The server checked ${asked === 1 ? 'the URL' : `all ${asked} URLs`} and sends what ${asked === 1 ? 'it names' : 'they name'}.`
          : `${count(asked - found, 'URL')} of ${asked} did not validate (NIL); the server does not say why.`,
      rfc: RFC,
    };
  }
  return null;
}

/** What one IMAP URL names (RFC 5092, with RFC 4467 §3's parts), for a client's argument. */
function urlWords(url: string): string {
  const parts: string[] = [];
  const uid = /;UID=(\d+)/i.exec(url)?.[1];
  const section = /;SECTION=([^/;]+)/i.exec(url)?.[1];
  const box = /^imap:\/\/[^/]*\/([^;/]+)/i.exec(url)?.[1];
  parts.push(`${section ? `part ${section} of ` : ''}message UID ${uid ?? '?'}${box ? ` in ${box}` : ''}`);
  const expire = /;EXPIRE=([^;]+)/i.exec(url)?.[1];
  if (expire) parts.push(`valid until ${expire}`);
  if (/;URLAUTH=/i.test(url)) parts.push(`for ${accessWords(url)}`);
  return parts.join(', ');
}

/**
 * The arguments of GENURLAUTH (URL and mechanism pairs), URLFETCH (URLs) and RESETKEY's
 * mechanisms (RFC 4467 §7); RESETKEY's mailbox is the caller's, as other mailbox arguments are.
 */
export function explainUrlauthArgs(
  raw: string,
  command: string,
  args: readonly Node[],
  tokens: Tokens,
): void {
  const rfc = 'RFC 4467 §7';
  if (command === 'RESETKEY') {
    for (const m of args.slice(1))
      tokens.node(m, `${m.text}: the mechanism the new key is for (this server has INTERNAL).`, rfc);
    return;
  }
  args.forEach((a, i) => {
    if (command === 'GENURLAUTH' && i % 2 === 1) {
      tokens.node(
        a,
        `${a.text}: the authorization mechanism; INTERNAL is the one every server has (RFC 4467 §2.4.1).`,
        rfc,
      );
      return;
    }
    const url = valueOf(raw, a);
    tokens.node(
      a,
      command === 'GENURLAUTH'
        ? `A URL to authorize (no token yet): ${urlWords(url)}.`
        : `An authorized URL (its token ends it): ${urlWords(url)}.`,
      rfc,
    );
  });
}
