import { explainPop3Client } from './pop3-client';
import { CAPABILITIES, CODES } from './pop3-words';
import { sentence, Tokens, count } from './tokens';
import type { Explanation, WireUnit } from './types';

/**
 * POP3 lines, both directions (RFC 1939; RFC 2449 for CAPA and response codes; RFC 3206 for
 * [AUTH] and [SYS/…]). A multi-line response is one unit: the status line, the dot-stuffed
 * lines, and the terminating "." line.
 */
export function explainPop3(u: WireUnit): Explanation {
  return u.direction === 'c2s' ? explainPop3Client(u) : server(u);
}

/** RFC 1939 §9: but for STAT, LIST and UIDL, "Any text occurring after this reply may be ignored". */
const TEXT_FOR_PEOPLE = 'Text for people: clients need not read it (only +OK or -ERR counts).';

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function lines(raw: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < raw.length) {
    const crlf = raw.indexOf('\r\n', start);
    const end = crlf < 0 ? raw.length : crlf + 2;
    out.push({ text: raw.slice(start, crlf < 0 ? raw.length : crlf), start, end });
    start = end;
  }
  return out;
}

function server(u: WireUnit): Explanation {
  const raw = u.raw;
  const t = new Tokens(raw);
  const [status, ...rest] = lines(raw);
  const line = status?.text ?? '';
  const ok = line.startsWith('+OK');
  const word = ok ? '+OK' : '-ERR';
  const code0 = /^-ERR \[([^\]]*)\]/.exec(line)?.[1]?.toUpperCase();
  // A QUIT refused by the UPDATE state (RFC 1939 §6: "-ERR some deleted messages not removed"):
  // the session ends all the same, and some marked messages may have been removed. A QUIT
  // refused before that (a stray argument, say) is any other -ERR: the session goes on.
  const quit =
    (u.command ?? '').toUpperCase() === 'QUIT' &&
    u.state !== 'AUTHORIZATION' &&
    (code0?.startsWith('SYS/') === true || /not removed/i.test(line));
  t.add(
    0,
    word.length,
    ok
      ? u.command
        ? '+OK: the command succeeded.'
        : '+OK: a positive greeting; the server is ready.'
      : quit
        ? '-ERR: not every message marked with DELE could be removed (some may have been); the session ends all the same.'
        : '-ERR: the command failed.',
    ok && !u.command ? 'RFC 1939 §4' : ok || !quit ? 'RFC 1939 §3' : 'RFC 1939 §6',
  );
  let pos = word.length + 1;
  const code = /^\[([^\]]*)\]/.exec(line.slice(pos));
  let codeRfc: string | undefined;
  if (code) {
    const [text, rfc] = CODES[code[1]!.toUpperCase()] ?? [
      `[${code[1]}]: a response code, machine-readable.`,
      'RFC 2449 §8',
    ];
    t.add(pos, pos + code[0].length, text, rfc);
    codeRfc = rfc;
    pos += code[0].length + 1;
  }
  const text = line.slice(pos);
  const multi = rest.length > 0;
  const said = ok ? success(u, raw, text, pos, line.length, rest, t) : null;
  if (!said) t.add(pos, line.length, TEXT_FOR_PEOPLE, 'RFC 1939 §9');
  if (multi) body(u.command, rest, t);
  const why = code ? CODES[code[1]!.toUpperCase()]?.[0].replace(/^\[[^\]]*\]: /, '') : undefined;
  const failure = `The ${u.command ?? 'command'} failed: ${sentence(text || 'no reason given')}${why ? ` ${why.charAt(0).toUpperCase()}${why.slice(1)}` : ''}`;
  return {
    explanation: said?.explanation ?? failure,
    rfc: said?.rfc ?? codeRfc ?? 'RFC 1939 §3',
    tokens: t.list(),
  };
}

/** A +OK status line: what it says for each command. */
function success(
  u: WireUnit,
  raw: string,
  text: string,
  from: number,
  to: number,
  rest: readonly Line[],
  t: Tokens,
) {
  const cmd = u.command;
  const free = (why: string, rfc: string) => t.add(from, to, why, rfc);
  if (!cmd) {
    const stamp = /<[^>]*>/.exec(text);
    if (stamp)
      t.add(
        from + stamp.index,
        from + stamp.index + stamp[0].length,
        `${stamp[0]}: the APOP timestamp, new for every connection. A client may log in with APOP by sending an MD5 digest of this timestamp and its secret, so the password itself never crosses the network. (This server takes USER and PASS for the same user too, with the same secret, which RFC 1939 §13 advises against: its policy, so that every client can log in; a client that uses PASS sends that secret in the clear.)`,
        'RFC 1939 §7',
      );
    return {
      explanation:
        'The server’s greeting: it is ready, and the session is in the AUTHORIZATION state: the client must log in first.',
      rfc: 'RFC 1939 §4',
    };
  }
  const nums = /^(\d+) (\S+)/.exec(text);
  if (cmd === 'STAT' && nums) {
    t.add(
      from,
      from + nums[1]!.length,
      `${nums[1]}: messages in the maildrop (not counting those marked with DELE).`,
      'RFC 1939 §5',
    );
    t.add(
      from + nums[1]!.length + 1,
      from + nums[0].length,
      `${nums[2]}: their total size in octets.`,
      'RFC 1939 §5',
    );
    return {
      explanation: `The maildrop holds ${count(nums[1]!, 'message')}, ${nums[2]} octets in all.`,
      rfc: 'RFC 1939 §5',
    };
  }
  if ((cmd === 'LIST' || cmd === 'UIDL') && nums && rest.length === 0) {
    const what = cmd === 'LIST' ? `is ${nums[2]} octets` : `has the unique-id ${nums[2]}`;
    free(`Message ${nums[1]} ${what}.`, cmd === 'LIST' ? 'RFC 1939 §5' : 'RFC 1939 §7');
    return {
      explanation: `Message ${nums[1]} ${what}.`,
      rfc: cmd === 'LIST' ? 'RFC 1939 §5' : 'RFC 1939 §7',
    };
  }
  if (cmd === 'RETR') {
    const octets = /^(\d+) octets/.exec(text);
    if (octets)
      t.add(
        from,
        from + octets[0].length,
        `${octets[0]}: the message's size with CRLF line ends, as it is sent before dot-stuffing (a server storing LF line ends counts each as two octets). This server's wording, as in RFC 1939's example; the protocol asks only for +OK, and clients need not read the rest (§9).`,
        'RFC 1939 §11',
      );
    return { explanation: retrSentence(raw, octets?.[1], rest), rfc: 'RFC 1939 §5' };
  }
  const said: Record<string, [string, string]> = {
    USER: ['The server accepts the name and waits for the password (PASS).', 'RFC 1939 §7'],
    PASS: [
      'Logged in: the server has locked the maildrop for this session and entered the TRANSACTION state.',
      'RFC 1939 §4',
    ],
    APOP: [
      'Logged in: the server has locked the maildrop for this session and entered the TRANSACTION state.',
      'RFC 1939 §4',
    ],
    LIST: [
      'The scan listing follows: one line per message, its number and its size in octets.',
      'RFC 1939 §5',
    ],
    UIDL: [
      'The unique-id listing follows: one line per message, its number and its unique-id.',
      'RFC 1939 §7',
    ],
    TOP: [
      'The header of the message follows, then the blank line and the first lines of its body.',
      'RFC 1939 §7',
    ],
    DELE: [
      'The message is marked for deletion. It is removed only if the session ends with QUIT (the UPDATE state); RSET or a dropped connection keeps it.',
      'RFC 1939 §5',
    ],
    RSET: ['Every deletion mark of this session is undone.', 'RFC 1939 §5'],
    NOOP: ['The server is still there; nothing else happens.', 'RFC 1939 §5'],
    CAPA: ['The capability list follows, one capability per line.', 'RFC 2449 §5'],
    STLS: [
      'Go ahead: the TLS handshake starts right after this line. Once it is done the client asks CAPA again: what it learned before TLS cannot be trusted.',
      'RFC 2595 §4',
    ],
    QUIT:
      u.state === 'AUTHORIZATION'
        ? ['The server closes the session; the client never logged in, so nothing changes.', 'RFC 1939 §4']
        : [
            'The server has entered the UPDATE state: it removed the messages marked with DELE (if any), released the maildrop lock, and closes the connection. This server also marks \\Seen each message retrieved in this session that stays, so IMAP clients and webmail show it read: its policy, not POP3’s (RFC 1939 has no flags). Dovecot does the same, though whether or not the session ends with QUIT.',
            'RFC 1939 §6',
          ],
  };
  const [explanation, rfc] = said[cmd] ?? [`The ${cmd} command succeeded.`, 'RFC 1939 §3'];
  free(TEXT_FOR_PEOPLE, 'RFC 1939 §9');
  return { explanation, rfc };
}

/** Why the bytes on the wire differ from the octet count of "+OK n octets". */
function retrSentence(raw: string, stated: string | undefined, rest: readonly Line[]): string {
  const content = rest.slice(0, -1);
  const stuffed = content.filter((l) => l.text.startsWith('..')).length;
  const sent = content.reduce((n, l) => n + l.end - l.start, 0);
  const statusBytes = rest[0] ? rest[0].start : raw.length;
  const parts = [`the status line (${statusBytes} octets)`, `the message (${sent - stuffed} octets)`];
  if (stuffed)
    parts.push(
      `${count(stuffed, 'extra dot')} of dot-stuffing (${stuffed === 1 ? 'a line' : 'lines'} that began with "." got a second one)`,
    );
  parts.push('the 3-octet ".\\r\\n" line that ends the response');
  const size = stated ? `${stated} octets` : 'its size';
  return `The message follows: ${size}. The bytes on the wire are ${raw.length}: ${parts.join(', ')}.`;
}

/** Tokens for the lines of a multi-line response. */
function body(command: string | undefined, rest: readonly Line[], t: Tokens): void {
  const last = rest[rest.length - 1];
  const content = last && last.text === '.' ? rest.slice(0, -1) : rest;
  if (last && last.text === '.')
    t.add(
      last.start,
      last.end,
      '.: a line holding a single dot ends the multi-line response.',
      'RFC 1939 §3',
    );
  if (command === 'LIST' || command === 'UIDL' || command === 'CAPA') {
    for (const l of content) {
      const [first = '', second = ''] = l.text.split(' ');
      if (command === 'CAPA') {
        const [text, rfc] = CAPABILITIES[first.toUpperCase()] ?? [
          `${first}: a capability of this server.`,
          'RFC 2449 §5',
        ];
        t.add(l.start, l.start + l.text.length, text, rfc);
      } else if (command === 'LIST')
        t.add(l.start, l.start + l.text.length, `Message ${first} is ${second} octets.`, 'RFC 1939 §5');
      else
        t.add(
          l.start,
          l.start + l.text.length,
          `Message ${first} has the unique-id ${second}: it never changes, so a client that remembers it can skip a message it already downloaded.`,
          'RFC 1939 §7',
        );
    }
    return;
  }
  let i = 0;
  let inHeader = true;
  while (i < content.length) {
    const l = content[i]!;
    if (l.text.startsWith('..')) {
      t.add(
        l.start,
        l.end,
        `This line of the message begins with ".", so the server sent ".." (dot-stuffing), so that it cannot be mistaken for the final "." line. The client removes the first dot; the octet count does not include it.`,
        'RFC 1939 §3',
      );
      i++;
      continue;
    }
    let j = i;
    while (
      j < content.length &&
      !content[j]!.text.startsWith('..') &&
      !(inHeader && content[j]!.text === '' && j > i)
    )
      j++;
    if (inHeader && content[j]?.text === '') j++;
    const header = inHeader;
    if (header && content[j - 1]?.text === '') inHeader = false;
    t.add(
      l.start,
      content[j - 1]!.end,
      header
        ? 'The message’s header fields, then the empty line that ends them.'
        : 'Lines of the message body.',
      header ? 'RFC 5322 §2.2' : 'RFC 5322 §2.3',
    );
    i = j;
  }
}
