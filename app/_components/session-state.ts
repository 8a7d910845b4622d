import type { Frame } from '@/simulations/types';

/** Commands whose reply ends the session: the server closes the connection after it. */
const CLOSING = new Set(['QUIT', 'LOGOUT']);

/**
 * The session state a column shows at `frame`: the state after the latest line that set one, with
 * its device, e.g. "TRANSACTION (laptop)"; or "closed (laptop)" once the server has answered that
 * session's QUIT or LOGOUT (POP3 enters UPDATE, commits and closes, RFC 1939 §6; IMAP's LOGOUT,
 * RFC 9051 §6.1.3; SMTP's QUIT, RFC 5321 §4.1.1.10), from the step after that reply. An SMTP
 * session is named, "SMTP Mail (phone)", "SMTP closed (phone)": the column is POP3's or IMAP's,
 * and the device's own session of that protocol may be open, or closed, meanwhile. Null before
 * any session. A dropped link keeps its state: the server still holds the session until its timer.
 */
export function sessionState(frames: readonly Frame[], frame: Frame): string | null {
  for (let i = frame.step; i >= 0; i--) {
    const f = frames[i]!;
    if (!f.stateAfter) continue;
    const closed = i < frame.step && f.direction === 's2c' && CLOSING.has((f.command ?? '').toUpperCase());
    return `${f.wire === 'smtp' ? 'SMTP ' : ''}${closed ? 'closed' : f.stateAfter} (${f.device})`;
  }
  return null;
}
