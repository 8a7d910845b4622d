import { IMAP, cite } from './cite';
import { explainCode } from './imap-codes';
import { explainData, explainMessageData } from './imap-data';
import { firstLine, readItems } from './imap-syntax';
import { sentence, Tokens } from './tokens';
import type { Explanation, WireUnit } from './types';

const STATUS = { OK: IMAP.ok, NO: IMAP.no, BAD: IMAP.bad, PREAUTH: IMAP.preauth, BYE: IMAP.bye } as const;
type Status = keyof typeof STATUS;

/**
 * One IMAP server response: a continuation request (`+`), an untagged response (`*`) or the
 * tagged completion of a command (RFC 9051 §7, RFC 3501 §7, for the session's revision).
 */
export function explainImapServer(u: WireUnit): Explanation {
  const raw = u.raw;
  const line = firstLine(raw);
  const tokens = new Tokens(raw);
  if (line.startsWith('+')) return continuation(u, tokens);
  const space = line.indexOf(' ');
  const tag = space < 0 ? line : line.slice(0, space);
  const at = space + 1;
  const rest = line.slice(at);
  if (tag === '*') {
    tokens.add(
      0,
      1,
      '*: an untagged response: data or news from the server, not the end of a command.',
      cite(IMAP.untagged, u.rev2),
    );
    const message = /^(\d+) ([A-Za-z0-9.-]+)/.exec(rest);
    if (message) return done(explainMessageData(u, at, message[1]!, message[2]!, tokens), tokens);
  } else {
    tokens.add(
      0,
      tag.length,
      `${tag}: the tag of the client’s command this line completes; the command is finished.`,
      cite(IMAP.tag, u.rev2),
    );
  }
  const name = /^[A-Za-z0-9.-]+/.exec(rest)?.[0] ?? '';
  const upper = name.toUpperCase() as Status;
  if (upper in STATUS) return done(status(u, tag, at, name, upper, tokens), tokens);
  const data = tag === '*' ? explainData(u, at, name, tokens) : null;
  if (data) return done(data, tokens);
  const rfc = cite(IMAP.untagged, u.rev2);
  tokens.add(
    at,
    at + name.length,
    `${name}: a response this explainer does not know. A client must accept any response at any time and may ignore what it does not understand.`,
    rfc,
  );
  return done({ explanation: `A ${name} response from the server.`, rfc }, tokens);
}

function done(said: { explanation: string; rfc: string }, tokens: Tokens): Explanation {
  return { ...said, tokens: tokens.list() };
}

/** OK / NO / BAD / PREAUTH / BYE, tagged or untagged, with an optional response code. */
function status(u: WireUnit, tag: string, at: number, word: string, upper: Status, tokens: Tokens) {
  const raw = u.raw;
  const line = firstLine(raw);
  const tagged = tag !== '*';
  const statusRfc = cite(STATUS[upper], u.rev2);
  // PREAUTH is always a greeting (RFC 9051 §7.1.4, RFC 3501 §7.1.4: "always untagged, and is
  // one of three possible greetings"); an untagged OK is one before any command.
  const greeting =
    upper === 'PREAUTH' || (!tagged && !u.command && upper === 'OK' && u.state === 'Not Authenticated');
  const meaning: Record<Status, string> = {
    OK: tagged
      ? 'OK: the command succeeded.'
      : greeting
        ? 'OK: the server is ready.'
        : 'OK: information from the server; untagged, so it does not complete a command.',
    NO: tagged
      ? 'NO: the command failed; the server did not carry it out.'
      : 'NO: a warning from the server.',
    BAD: tagged
      ? 'BAD: the server could not accept the command: a syntax error, an unknown command, or one not valid in this state.'
      : 'BAD: a protocol error the server cannot tie to one command.',
    PREAUTH: 'PREAUTH: the connection is already logged in (no LOGIN needed).',
    BYE: 'BYE: the server is about to close the connection.',
  };
  tokens.add(at, at + word.length, meaning[upper], statusRfc);
  let pos = at + word.length + 1;
  let code: { sentence: string; rfc: string } | null = null;
  if (line[pos] === '[') {
    const close = line.indexOf(']', pos);
    const end = close < 0 ? line.length : close;
    const name = /^[A-Za-z0-9.-]+/.exec(line.slice(pos + 1))?.[0] ?? '';
    const args = readItems(line.slice(0, end), pos + 1 + name.length).nodes;
    code = explainCode(raw, pos, end, name, args, u.rev2, tokens, u.command);
    pos = end + 2;
  }
  tokens.add(pos, line.length, 'Text for people; clients do not interpret it.', statusRfc);
  const text = line.slice(pos);
  // "The SELECT command"; when the transcript does not say which, just "The command".
  const command = u.command ? `${u.command} command` : 'command';
  const extra = code ? ` ${capitalize(code.sentence)}.` : '';
  // The server's own text, quoted as the end of a sentence; IMAP4rev2 lets it be empty.
  const said = sentence(text.trim() || 'no reason given');
  let explanation: string;
  if (greeting && upper === 'PREAUTH')
    // RFC 9051 §7.1.4 (RFC 3501 §7.1.4): "It indicates that the connection has already been
    // authenticated by external means; thus, no LOGIN/AUTHENTICATE command is needed."
    explanation = `The server’s greeting: the connection has already been authenticated by external means, so it starts in the Authenticated state and needs no LOGIN or AUTHENTICATE.${extra}`;
  else if (greeting)
    explanation = `The server’s greeting: it is ready, and the connection starts in the Not Authenticated state.${extra}`;
  else if (upper === 'BYE')
    explanation =
      u.command === 'LOGOUT'
        ? 'The server says goodbye, as the client asked with LOGOUT, and closes the connection.'
        : `The server is closing the connection: ${said}`;
  else if (!tagged)
    explanation = `${upper === 'OK' ? 'Information' : upper === 'NO' ? 'A warning' : 'An error report'} from the server${code ? `: ${code.sentence}.` : `: ${said}`}`;
  else if (upper === 'OK' && u.command === 'STARTTLS')
    // RFC 9051 §6.2.1 (RFC 3501 §6.2.1 alike): "A TLS negotiation begins immediately after the
    // CRLF at the end of the tagged OK response from the server." "Once TLS has been started,
    // the client MUST discard cached information about server capabilities and SHOULD reissue
    // the CAPABILITY command."
    explanation = `The ${command} (tag ${tag}) succeeded: TLS negotiation begins right after this line’s CRLF. Once TLS is up, the client must discard the capabilities it learnt before and should ask for them again with CAPABILITY (the server may list different ones).${extra}`;
  else if (upper === 'OK') explanation = `The ${command} (tag ${tag}) succeeded.${extra}`;
  else if (upper === 'NO') explanation = `The server refused the ${command} (tag ${tag}): ${said}${extra}`;
  else explanation = `The server rejected the ${command} (tag ${tag}) as a protocol error: ${said}${extra}`;
  const rfc =
    tagged && upper === 'OK' && u.command === 'STARTTLS'
      ? cite(IMAP.starttls, u.rev2)
      : code && (tagged || upper === 'OK') && !greeting
        ? code.rfc
        : statusRfc;
  return { explanation, rfc };
}

/** `+ …`: the server waits for more from the client (IDLE, a literal, AUTHENTICATE). */
function continuation(u: WireUnit, tokens: Tokens): Explanation {
  const line = firstLine(u.raw);
  if (u.command === 'IDLE') {
    const rfc = cite(IMAP.idle, u.rev2);
    tokens.add(0, 1, '+: a continuation request: the command goes on.', cite(IMAP.continuation, u.rev2));
    tokens.add(2, line.length, 'Text for people; any text will do.', rfc);
    return {
      explanation:
        'The server confirms it is idling: until the client sends DONE, the server is free to send changes (new mail, flags, removals) at any time, without waiting for a command; how soon is up to the server.',
      rfc,
      tokens: tokens.list(),
    };
  }
  const rfc = cite(IMAP.continuation, u.rev2);
  tokens.add(0, 1, '+: a continuation request: the server waits for more from the client.', rfc);
  if (u.command === 'AUTHENTICATE') {
    tokens.add(2, line.length, 'The server’s challenge (base64); empty for PLAIN.', rfc);
    return {
      explanation: 'The server is ready for the client’s credentials (base64).',
      rfc: cite({ rev1: 'RFC 3501 §6.2.2', rev2: 'RFC 9051 §6.2.2' }, u.rev2),
      tokens: tokens.list(),
    };
  }
  tokens.add(2, line.length, 'Text for people.', rfc);
  return {
    explanation:
      'Go ahead: the client announced a literal ({n}) and waited for this before sending its octets.',
    rfc,
    tokens: tokens.list(),
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
