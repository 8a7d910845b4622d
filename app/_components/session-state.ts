import { smtpStateWords } from '@/lib/smtp/state-words';
import type { Frame } from '@/simulations/types';
import { accountsOf } from './scene-participants';

/** Commands whose reply ends the session: the server closes the connection after it. */
const CLOSING = new Set(['QUIT', 'LOGOUT']);

/**
 * Whether `frame` is the server's answer to QUIT or LOGOUT, after which it closes that session's
 * connection (RFC 1939 §6, RFC 9051 §6.1.3, RFC 5321 §4.1.1.10).
 */
export function closesSession(frame: Frame): boolean {
  return frame.direction === 's2c' && CLOSING.has((frame.command ?? '').toUpperCase());
}

/**
 * The session state a column shows at `frame`: the state after the latest line that set one, with
 * its device, e.g. "TRANSACTION (laptop)"; or "closed (laptop)" once the server has answered that
 * session's QUIT or LOGOUT (POP3 enters UPDATE, commits and closes, RFC 1939 §6; IMAP's LOGOUT,
 * RFC 9051 §6.1.3; SMTP's QUIT, RFC 5321 §4.1.1.10), from the step after that reply. An SMTP
 * session is named, its state in words (smtpStateWords): "SMTP after MAIL FROM (phone)", "SMTP
 * closed (phone)": the column is POP3's or IMAP's,
 * and the device's own session of that protocol may be open, or closed, meanwhile; once the SMTP
 * session has closed, an open one of those is named again ("Selected (phone)"). Null before
 * any session. With two accounts, the account is named too: "TRANSACTION (laptop, work)". A dropped link keeps its state: the server still holds the session until its timer.
 */
export function sessionState(frames: readonly Frame[], frame: Frame): string | null {
  const latest = latestState(frames, frame.step, frame.step);
  if (!latest) return null;
  // Once an SMTP session has closed, the device's own POP3/IMAP session, if still open, is named
  // again (an IMAP phone idles while it sends mail).
  if (latest.smtp && latest.closed) {
    const own = latestState(frames, latest.at - 1, frame.step, true);
    if (own && !own.closed) return own.text;
  }
  return latest.text;
}

/**
 * The latest line at or before `from` that set a state (with `mailOnly`, not an SMTP line): its
 * index, its text as `sessionState` shows it at step `now`, whether its session had closed then.
 */
function latestState(frames: readonly Frame[], from: number, now: number, mailOnly = false) {
  for (let i = from; i >= 0; i--) {
    const f = frames[i]!;
    if (!f.stateAfter || (mailOnly && f.wire === 'smtp')) continue;
    const closed = i < now && closesSession(f);
    const smtp = f.wire === 'smtp';
    // With two accounts a device runs a session per account: the account says which one.
    const who = !smtp && f.account && accountsOf(frames).length > 1 ? `${f.device}, ${f.account}` : f.device;
    return {
      at: i,
      smtp,
      closed,
      text: `${smtp ? 'SMTP ' : ''}${closed ? 'closed' : smtp ? smtpStateWords(f.stateAfter) : f.stateAfter} (${who})`,
    };
  }
  return null;
}
