import { overhear } from '../eavesdropper';
import type { RunResult } from '../scenario';
import { builtinScenario, builtinStory } from './builtin';

/** Everything the eavesdropper could read in a run, in order. */
function readable(run: RunResult): string[] {
  return run.frames.flatMap((f) => {
    const o = overhear(f);
    return o?.kind === 'plain' ? [o.text] : [];
  });
}

function wire(run: RunResult) {
  return run.frames.filter((f) => f.direction !== 'none');
}

/** The password in any form a client sends it: as typed, or inside AUTH PLAIN's base64. */
function leaksPassword(run: RunResult): boolean {
  return readable(run).some((t) => /\bsecret\b/.test(t) || t.includes(btoa('\0student\0secret')));
}

/** After the server's go-ahead for TLS on each connection, is every unit encrypted? */
function encryptedAfterGoAhead(run: RunResult): boolean {
  const units = wire(run);
  const goAheads = units
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.direction === 's2c' && /^(STLS|STARTTLS)$/.test(f.command ?? ''));
  if (goAheads.length === 0) return false;
  return goAheads.every(({ f, i }) => {
    const next = units.slice(i + 1).find((u) => u.device === f.device && !u.raw?.match(/^(\+OK|\* OK|220) /));
    return next?.encrypted === true && !f.encrypted;
  });
}

/**
 * Is every request for TLS (a client line matching `request`) preceded, on its device and in the
 * clear, by a server line matching `offer`? A client learns that TLS is there before asking.
 */
function offeredFirst(run: RunResult, request: RegExp, offer: RegExp): boolean {
  const units = wire(run);
  const asks = units
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.direction === 'c2s' && request.test(f.raw ?? ''));
  return (
    asks.length > 0 &&
    asks.every(({ f, i }) =>
      units
        .slice(0, i)
        .some(
          (u) => u.device === f.device && u.direction === 's2c' && !u.encrypted && offer.test(u.raw ?? ''),
        ),
    )
  );
}

const story = builtinStory('cafe-wifi');

export const cafeWifi = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => [
    {
      statement:
        'Without TLS, someone on the café Wi-Fi reads the password: POP3’s PASS, IMAP’s LOGIN, SMTP’s AUTH PLAIN (base64 is not encryption)',
      holds: [pop3, imap].every(leaksPassword) && readable(imap).some((t) => t.startsWith('AUTH PLAIN ')),
    },
    {
      statement: 'Without TLS, they read the mail too: the message opened and the one sent',
      holds: [pop3, imap].every((run) => readable(run).some((t) => t.includes('See you at six'))),
    },
    {
      statement:
        'This story’s servers take a password without TLS on purpose, to show what leaks: that is a server setting, one that RFC 3501 §6.2.3 and RFC 4954 §4 tell sites not to use (a real provider’s IMAP server advertises LOGINDISABLED and refuses LOGIN, its submission server offers no AUTH before STARTTLS, and many listen only on implicit-TLS ports, RFC 8314)',
      holds: [pop3, imap].every((run) => readable(run).some((t) => /^250[ -]AUTH\b.*\bPLAIN\b/m.test(t))),
    },
  ],
  variants: [
    {
      id: 'starttls',
      takeaways: ({ pop3, imap }) => [
        {
          statement:
            'STARTTLS: only the greeting, the capabilities and the request for TLS travel in the clear; the password never does',
          holds: [pop3, imap].every(
            (run) =>
              !leaksPassword(run) &&
              readable(run).every((t) =>
                /^(\+OK|\* OK|220[ -]|250[ -]|CAPA|STLS|EHLO|STARTTLS\r|a\d+ STARTTLS|a\d+ OK Begin|\* CAPABILITY|TOP\r|USER\r)/.test(
                  t,
                ),
              ),
          ),
        },
        {
          statement:
            'STARTTLS: each client asks for TLS only after the server offered it in the clear: POP3’s CAPA lists STLS (RFC 2595 §4), the IMAP greeting’s capabilities list STARTTLS (RFC 3501 §6.2.1), and so does the reply to EHLO (RFC 3207 §3)',
          holds:
            offeredFirst(pop3, /^STLS\r\n$/, /^\+OK[^\r]*\r\n(?:[^\r]*\r\n)*STLS\r\n/) &&
            offeredFirst(imap, /^a\d+ STARTTLS\r\n$/, /^\* (OK \[|)CAPABILITY [^\r]*\bSTARTTLS\b/) &&
            [pop3, imap].every((run) =>
              offeredFirst(run, /^STARTTLS\r\n$/, /^250[ -]STARTTLS\r\n|\r\n250[ -]STARTTLS\r\n/),
            ),
        },
        {
          statement: 'STARTTLS: from the server’s go-ahead on, every unit on each connection is a TLS record',
          holds: [pop3, imap].every(encryptedAfterGoAhead),
        },
        {
          statement:
            'STARTTLS: inside TLS the client asks the capabilities again (CAPA, CAPABILITY, EHLO), and they no longer offer STARTTLS (RFC 2595 §4, RFC 3501 §6.2.1, RFC 3207 §4.2: SMTP MUST NOT offer it again, IMAP4rev2 SHOULD NOT (RFC 9051 §6.2.1), POP3 lists STLS only where it is permitted; this server drops it in all three)',
          holds:
            wire(pop3).some(
              (f) => f.encrypted && f.command === 'CAPA' && f.direction === 's2c' && !f.raw!.includes('STLS'),
            ) &&
            wire(imap).some(
              (f) =>
                f.encrypted &&
                f.command === 'CAPABILITY' &&
                f.direction === 's2c' &&
                !f.raw!.includes('STARTTLS'),
            ) &&
            wire(imap).some(
              (f) =>
                f.encrypted &&
                f.wire === 'smtp' &&
                f.command === 'EHLO' &&
                f.direction === 's2c' &&
                !f.raw!.includes('STARTTLS'),
            ),
        },
      ],
    },
    {
      id: 'implicit',
      takeaways: ({ pop3, imap }) => [
        {
          statement:
            'Implicit TLS (ports 995, 993, 465): every unit is a TLS record from the first octet, the greeting too; RFC 8314 §3 prefers it to STARTTLS',
          holds: [pop3, imap].every(
            (run) => wire(run).every((f) => f.encrypted === true) && readable(run).length === 0,
          ),
        },
      ],
    },
  ],
});
