/**
 * Node only (timers). What keeps slow or greedy clients from holding the live server's
 * connections: an idle timer that only a complete command restarts, a short limit before login,
 * and a cap on connections per peer address.
 */

/**
 * How long a connection may go without completing a command before it logs in, in ms: 60 s, as
 * a login takes a real client well under a second. After login each protocol's own autologout
 * applies (IMAP 30 min, RFC 9051 §5.4; POP3 10 min, RFC 1939 §3; SMTP 5 min). RFC 9051 §5.4
 * lets IMAP's timer before authentication be shorter; for POP3 (RFC 1939 §3: "at least 10
 * minutes", no exception before login) and SMTP (RFC 5321 §4.5.3.2.7: SHOULD be at least 5
 * minutes) this is a departure, the live server's policy against connections held open without
 * logging in. `preLoginTimeoutMs` of 600000 keeps to both.
 */
export const DEFAULT_PRE_LOGIN_TIMEOUT_MS = 60_000;

/**
 * Connections one peer address may hold at once, over all listeners, when the server listens
 * beyond loopback (`allowRemote`). On loopback every peer is the same machine and no per-address
 * cap applies unless one is given.
 */
export const DEFAULT_MAX_SESSIONS_PER_ADDRESS = 20;

/**
 * An inactivity timer that restarts only when the client completes a command (RFC 9051 §5.4,
 * RFC 1939 §3): bytes of a partial line do not count, so a client sending one byte a minute is
 * closed like a silent one. `duration()` is read at each restart (it changes at login).
 */
export class CommandTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly duration: () => number,
    private readonly expire: () => void,
  ) {}

  /** (Re)starts the countdown from now. */
  restart(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.expire();
    }, this.duration());
  }

  /** Stops it for good (the connection closed). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Open connections per peer address, refusing past `max` (Infinity: no cap). */
export class AddressLimit {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts one more connection from `address`; false (and nothing counted) when it is full. */
  tryAdd(address: string): boolean {
    const n = this.counts.get(address) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(address, n + 1);
    return true;
  }

  /** A connection from `address` closed. */
  remove(address: string): void {
    const n = (this.counts.get(address) ?? 1) - 1;
    if (n <= 0) this.counts.delete(address);
    else this.counts.set(address, n);
  }
}
