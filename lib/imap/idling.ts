/**
 * Whether an IMAP client idles after `line`, one POP3/IMAP line of its session, given whether it
 * idled before (RFC 9051 §6.3.13, RFC 2177): the server's "+" continuation to IDLE starts the
 * idling; the client's DONE (or any other line from the client) or IDLE's tagged reply ends it.
 * Untagged data the server sends meanwhile changes nothing. The session's state stays what it
 * was (Selected, or Authenticated): idling is a command in progress, not a state of the RFC.
 */
export function idlingAfter(
  line: {
    readonly direction: 'c2s' | 's2c' | 'none';
    readonly command: string | null;
    readonly outcome: string | null;
  },
  before: boolean,
): boolean {
  const idle = (line.command ?? '').toUpperCase() === 'IDLE';
  if (idle && line.direction === 's2c') return line.outcome === 'continue';
  // The client's IDLE itself comes before the "+"; any line after it ends the idling: DONE, or
  // another line the server refuses with BAD.
  if (line.direction === 'c2s') return false;
  return before;
}
