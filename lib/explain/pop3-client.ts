import { Tokens } from './tokens';
import type { Explanation, WireUnit } from './types';

/** A POP3 command line: the keyword and each argument (RFC 1939 §3: keyword, then arguments). */
export function explainPop3Client(u: WireUnit): Explanation {
  const raw = u.raw;
  const t = new Tokens(raw);
  const text = raw.replace(/\r\n$/, '');
  const [keyword = '', ...args] = text.split(' ');
  // QUIT is in §4 (before login) and §6 (after it, the UPDATE state): each line cites its own.
  const quit = u.command === 'QUIT';
  const rfc =
    quit && u.state === 'AUTHORIZATION'
      ? 'RFC 1939 §4'
      : quit && u.state
        ? 'RFC 1939 §6'
        : (u.commandRfc ?? 'RFC 1939 §3');
  t.add(
    0,
    keyword.length,
    u.command
      ? `${keyword}: the ${u.command} command.`
      : `${keyword}: not a command this server knows; it answers -ERR.`,
    rfc,
  );
  let pos = keyword.length + 1;
  const argText: Record<string, string[]> = {
    USER: ['the name of the mailbox (user) to log in to'],
    PASS: ['the password (masked here); without TLS it crosses the network as plain text'],
    APOP: [
      'the user name',
      'the MD5 digest of the greeting’s timestamp and the shared secret: the password itself is not sent',
    ],
    TOP: ['the message number', 'how many lines of the body to send after the header'],
  };
  // RFC 1939 §4: the number each message gets when the maildrop is opened, for the session.
  const messageNumber =
    'the message number: its place in this session’s list, fixed for the whole session (even after DELE)';
  const numbered = new Set(['LIST', 'RETR', 'DELE', 'UIDL']);
  args.forEach((a, i) => {
    const command = u.command ?? '';
    const what =
      argText[command]?.[i] ??
      (numbered.has(command) && i === 0
        ? messageNumber
        : u.command
          ? `an argument ${command} does not take (the server answers -ERR)`
          : 'an argument of that unknown command');
    const at = numbered.has(command) && i === 0 ? 'RFC 1939 §4' : rfc;
    t.add(pos, pos + a.length, `${a}: ${what}.`, at);
    pos += a.length + 1;
  });
  const explanation =
    u.commandExplanation ??
    (u.command ? `the ${u.command} command` : 'a line the server does not recognise as a POP3 command');
  return { explanation, rfc, tokens: t.list() };
}
