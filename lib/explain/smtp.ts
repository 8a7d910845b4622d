import { Tokens } from './tokens';
import type { Explanation, WireUnit } from './types';

/**
 * SMTP lines, both directions (RFC 5321; RFC 6409 submission; RFC 4954 AUTH; RFC 3207
 * STARTTLS; RFC 1870 SIZE; RFC 2920 PIPELINING; RFC 2034/3463 enhanced status codes; RFC 6531
 * SMTPUTF8). A reply is one unit, all its lines (`250-…` then `250 …`, RFC 5321 §4.2.1).
 * Grammar-driven: the reply code by its digits, the enhanced code by its class and subject,
 * EHLO keywords by name; never throws.
 */
export function explainSmtp(u: WireUnit): Explanation {
  return u.direction === 'c2s' ? client(u) : server(u);
}

/** What each command word means (RFC 5321 §4.1.1 and the extensions' sections). */
const COMMANDS: Record<string, [string, string]> = {
  EHLO: ['EHLO: hello, with the client’s name; the server lists its extensions.', 'RFC 5321 §4.1.1.1'],
  HELO: ['HELO: hello without extensions (the old form).', 'RFC 5321 §4.1.1.1'],
  MAIL: [
    'MAIL FROM: starts a transaction and names the sender (the envelope’s reverse-path).',
    'RFC 5321 §4.1.1.2',
  ],
  RCPT: ['RCPT TO: names one recipient (a forward-path); one command per recipient.', 'RFC 5321 §4.1.1.3'],
  DATA: ['DATA: the message text follows, ended by a line with a single dot.', 'RFC 5321 §4.1.1.4'],
  RSET: ['RSET: forget the transaction in progress.', 'RFC 5321 §4.1.1.5'],
  VRFY: ['VRFY: asks whether an address exists.', 'RFC 5321 §4.1.1.6'],
  EXPN: ['EXPN: asks to expand a mailing list.', 'RFC 5321 §4.1.1.7'],
  HELP: ['HELP: asks for help text.', 'RFC 5321 §4.1.1.8'],
  NOOP: ['NOOP: does nothing; the server answers 250.', 'RFC 5321 §4.1.1.9'],
  QUIT: ['QUIT: the client says goodbye; the server answers 221 and closes.', 'RFC 5321 §4.1.1.10'],
  AUTH: ['AUTH: log in with a SASL mechanism.', 'RFC 4954 §4'],
  STARTTLS: [
    'STARTTLS: switch this connection to TLS; after the handshake the client starts over with EHLO, and forgets what it learned before.',
    'RFC 3207 §4, §4.2',
  ],
  BURL: [
    'BURL: the server fetches a piece of the message from a URL (an IMAP URL authorized with URLAUTH) instead of the client sending it; LAST ends the message.',
    'RFC 4468 §3.2',
  ],
};

/** EHLO keywords (RFC 5321 §4.1.1.1: one per line after the greeting line). */
const KEYWORDS: Record<string, [string, string]> = {
  PIPELINING: [
    'PIPELINING: the client may send several commands without waiting for each reply.',
    'RFC 2920 §3',
  ],
  SIZE: [
    'SIZE: the largest message the server accepts, in octets, when it names one (0: no fixed limit; no number: the server says nothing of its limit); MAIL may declare a size.',
    'RFC 1870 §3',
  ],
  STARTTLS: ['STARTTLS: the connection can be switched to TLS.', 'RFC 3207 §3'],
  AUTH: ['AUTH: the SASL mechanisms the client may log in with.', 'RFC 4954 §3'],
  ENHANCEDSTATUSCODES: ['ENHANCEDSTATUSCODES: replies carry a class.subject.detail code.', 'RFC 2034 §3'],
  '8BITMIME': ['8BITMIME: message text may contain 8-bit octets.', 'RFC 6152 §2'],
  SMTPUTF8: ['SMTPUTF8: addresses and headers may be UTF-8.', 'RFC 6531 §3.1'],
  HELP: ['HELP: the server answers the HELP command.', 'RFC 5321 §4.1.1.8'],
  BURL: [
    'BURL imap: the client may send BURL with an IMAP URL (URLAUTH) instead of the message data; the server fetches it from the IMAP server.',
    'RFC 4468 §3.3',
  ],
};

/** RFC 5321 §4.2.1: what the first digit says. */
const SEVERITY: Record<string, string> = {
  '2': 'done',
  '3': 'go on: the server waits for more',
  '4': 'failed for now: the client may try again later',
  '5': 'failed: trying again the same way will fail again',
};

/** RFC 3463 §3: the subject digit of an enhanced code. */
const SUBJECT: Record<string, string> = {
  '0': 'other or undefined',
  '1': 'addressing',
  '2': 'the mailbox',
  '3': 'the mail system',
  '4': 'network and routing',
  '5': 'the mail delivery protocol',
  '6': 'message content',
  '7': 'security or policy',
};

/** Codes worth naming, with the section that gives them. */
const REPLIES: Record<string, [string, string]> = {
  '220': ['The server is ready (greeting), or ready to start TLS after STARTTLS.', 'RFC 5321 §4.2.3'],
  '221': ['The server closes the connection.', 'RFC 5321 §4.2.3'],
  '235': ['Logged in.', 'RFC 4954 §6'],
  '250': ['Done.', 'RFC 5321 §4.2.3'],
  '252': ['Cannot verify the address, but will take mail for it.', 'RFC 5321 §3.5.3'],
  '334': ['A SASL challenge: the client sends the next step of the login.', 'RFC 4954 §4'],
  '354': ['Send the message text now; end it with a line holding a single dot.', 'RFC 5321 §4.2.3'],
  '421': ['The server is closing the connection.', 'RFC 5321 §4.2.3'],
  '501': ['Syntax error in the arguments.', 'RFC 5321 §4.2.3'],
  '503': ['Bad sequence of commands.', 'RFC 5321 §4.2.3'],
  '504': ['Command parameter not implemented.', 'RFC 5321 §4.2.3'],
  '530': ['Authentication required first: log in with AUTH before this command.', 'RFC 4954 §6'],
  '535': ['The user name or password is wrong.', 'RFC 4954 §6'],
  '550': ['Refused: the mailbox is unavailable (e.g. no such user).', 'RFC 5321 §4.2.3'],
  '552': ['Refused: storage allocation exceeded (over quota, or too big).', 'RFC 5321 §4.2.3'],
};

function client(u: WireUnit): Explanation {
  const raw = u.raw;
  const t = new Tokens(raw);
  const line = raw.replace(/\r?\n$/, '');
  if (u.command === 'DATA' && !/^DATA$/i.test(line)) {
    // The message text: RFC 5322 header and body, dot-stuffed, ended by "." (RFC 5321 §4.5.2).
    const end = raw.lastIndexOf('\r\n.\r\n');
    if (end >= 0)
      t.add(end + 2, end + 5, 'The end of the message: a line with a single dot.', 'RFC 5321 §4.1.1.4');
    return {
      explanation:
        u.commandExplanation ?? 'The message text, header then body, ended by a line with a single dot.',
      rfc: u.commandRfc ?? 'RFC 5321 §4.5.2',
      tokens: t.list(),
    };
  }
  if (u.command === 'AUTH' && !/^AUTH\b/i.test(line))
    return {
      explanation: u.commandExplanation ?? 'The next step of the login, in base64.',
      rfc: u.commandRfc ?? 'RFC 4954 §4',
      tokens: [],
    };
  const space = line.indexOf(' ');
  const word = (space < 0 ? line : line.slice(0, space)).toUpperCase();
  const known = COMMANDS[word];
  if (known) t.add(0, space < 0 ? line.length : space, known[0], known[1]);
  if (word === 'AUTH' && space >= 0) {
    const parts = line.slice(space + 1).split(' ');
    const mech = space + 1;
    t.add(mech, mech + parts[0]!.length, `${parts[0]}: the SASL mechanism.`, 'RFC 4954 §4');
    if (parts[1]) t.add(mech + parts[0]!.length + 1, line.length, initialResponse(parts[0]!), 'RFC 4954 §4');
  }
  return {
    explanation: u.commandExplanation ?? known?.[0] ?? 'A command the server does not know.',
    rfc: u.commandRfc ?? known?.[1] ?? 'RFC 5321 §4.2.4',
    tokens: t.list(),
  };
}

function server(u: WireUnit): Explanation {
  const raw = u.raw;
  const t = new Tokens(raw);
  let start = 0;
  let first = '';
  let enhancedFirst = '';
  let index = 0;
  while (start < raw.length) {
    const crlf = raw.indexOf('\r\n', start);
    const end = crlf < 0 ? raw.length : crlf;
    const text = raw.slice(start, end);
    const m = /^(\d{3})([ -]?)(?:(\d\.\d{1,3}\.\d{1,3}) )?/.exec(text);
    if (m) {
      const code = m[1]!;
      if (index === 0) first = code;
      t.add(start, start + 3, codeText(code), 'RFC 5321 §4.2.1');
      if (m[2] === '-')
        t.add(start + 3, start + 4, 'A hyphen: more lines of this reply follow.', 'RFC 5321 §4.2.1');
      let pos = start + m[0].length;
      if (m[3]) {
        if (index === 0) enhancedFirst = m[3];
        t.add(pos - m[3].length - 1, pos - 1, enhancedText(m[3]), 'RFC 3463 §2');
      }
      // EHLO: each line after the first names one extension (RFC 5321 §4.1.1.1).
      if (u.command === 'EHLO' && index > 0 && code === '250') {
        const keyword = text
          .slice(pos - start)
          .split(' ')[0]!
          .toUpperCase();
        const k = KEYWORDS[keyword];
        if (k) t.add(pos, end, k[0], k[1]);
        pos = end;
      }
      t.add(
        pos,
        end,
        'The text: mostly for people; clients act on the code (but the text of 220, 221, 251, 421 and 551 replies is read by machines too).',
        'RFC 5321 §4.2',
      );
    }
    index++;
    start = crlf < 0 ? raw.length : crlf + 2;
  }
  const known = REPLIES[first];
  const greeting = !u.command && first === '220';
  const explanation = greeting
    ? 'The greeting: the server is ready and names itself.'
    : u.command === 'STARTTLS' && first === '220'
      ? 'Ready to start TLS: everything after this is encrypted, and the session starts over.'
      : u.command === 'EHLO' && first === '250'
        ? 'Hello, and the list of extensions this server supports, one per line.'
        : u.command === 'AUTH' && first === '530'
          ? 'Refused: this server takes a login only inside TLS (its policy, which RFC 4954 §4 recommends), so the client must send STARTTLS first. The server did not check the credentials, but if the AUTH line carried them they have already crossed the network readable by anyone on the path.'
          : u.command === 'AUTH' && first === '504'
            ? 'Refused: the server does not offer this login mechanism here (one it does not know, or one it allows only inside TLS, which this connection cannot have).'
            : enhancedFirst === '5.2.2'
              ? u.command === 'RCPT'
                ? 'Refused for this recipient: its mailbox is at its quota, or has no room for the size the client declared (SIZE). Other recipients may still get the message.'
                : 'Refused: the message would take the recipient’s mailbox over its quota. Nothing was delivered; the sender learns of it.'
              : (known?.[0] ?? codeText(first || '000'));
  const rfc = greeting
    ? 'RFC 5321 §3.1'
    : u.command === 'STARTTLS' && first === '220'
      ? 'RFC 3207 §4, §4.2'
      : u.command === 'EHLO' && first === '250'
        ? 'RFC 5321 §4.1.1.1'
        : u.command === 'AUTH' && first === '530'
          ? 'RFC 3207 §4'
          : u.command === 'AUTH' && first === '504'
            ? 'RFC 4954 §4'
            : enhancedFirst
              ? (known?.[1] ?? 'RFC 3463 §2')
              : (known?.[1] ?? 'RFC 5321 §4.2.1');
  return { explanation, rfc, tokens: t.list() };
}

function codeText(code: string): string {
  const severity = SEVERITY[code[0] ?? ''] ?? 'an unknown class';
  return `${code}: ${severity}.`;
}

function enhancedText(code: string): string {
  const [klass, subject] = code.split('.');
  const k = klass === '2' ? 'success' : klass === '4' ? 'temporary failure' : 'permanent failure';
  return `${code}: ${k}, about ${SUBJECT[subject ?? ''] ?? 'something else'}.`;
}

/**
 * What the initial response of AUTH `mechanism` holds (RFC 4954 §4): PLAIN's is the user name and
 * password (RFC 4616 §2), LOGIN's the user name, each in base64, which anyone can decode.
 */
export function initialResponse(mechanism: string): string {
  const mech = mechanism.toUpperCase();
  if (mech === 'PLAIN')
    return 'The initial response: PLAIN’s user name and password (RFC 4616 §2) in base64, which anyone can decode: not encryption.';
  if (mech === 'LOGIN') return 'The initial response: LOGIN’s user name in base64, which anyone can decode.';
  return `The initial response of ${mechanism}, in base64.`;
}
