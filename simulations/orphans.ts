import type { LoopbackConnection } from '../lib/session/loopback';

/**
 * Sessions whose client vanished with the network: the server was told nothing, so each lives
 * on until its idle timer fires (RFC 1939 §3, RFC 9051 §5.4), holding any maildrop lock.
 */
export class Orphans {
  private readonly list: { connection: LoopbackConnection; device: string; deadline: number }[] = [];

  /** Keeps `connection` alive until `deadline` (virtual ms). */
  add(connection: LoopbackConnection, device: string, deadline: number): void {
    this.list.push({ connection, device, deadline });
  }

  /** Whether the session's client is gone (nothing it writes reaches anyone). */
  has(connection: LoopbackConnection | null): boolean {
    return this.list.some((o) => o.connection === connection);
  }

  /**
   * Ends every orphaned session with `end` (a server restart) while it is still listed, so that
   * what it writes reaches no one, then forgets them all. Returns their devices' ids.
   */
  closeAll(end: (connection: LoopbackConnection) => void): string[] {
    for (const orphan of this.list) end(orphan.connection);
    const devices = this.list.map((o) => o.device);
    this.list.length = 0;
    return devices;
  }

  /**
   * Fires the idle timer of every session whose deadline is not after `t`, oldest first, and
   * calls `expired` for each (the runner narrates it).
   */
  expire(t: number, expired: (device: string, connection: LoopbackConnection) => void): void {
    for (const orphan of [...this.list]) {
      if (orphan.deadline > t) continue;
      this.list.splice(this.list.indexOf(orphan), 1);
      orphan.connection.session.timeout();
      expired(orphan.device, orphan.connection);
    }
  }
}
