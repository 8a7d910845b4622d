import type { ByteString } from '../wire/bytes';
import type { PeerAddress, ServerSession, SessionEvent, SessionIO } from './types';

/**
 * An in-process connection to a server session: what the simulator and the tests use instead of
 * TCP. `send` delivers bytes and returns what the server wrote in reply, synchronously.
 */
export class LoopbackConnection<S extends ServerSession = ServerSession> {
  readonly session: S;
  readonly events: SessionEvent[] = [];
  /** True once the server closed the connection. */
  serverClosed = false;
  private output: ByteString[] = [];

  constructor(
    create: (io: SessionIO) => S,
    options: {
      keepEvents?: boolean;
      onEvent?: (e: SessionEvent) => void;
      /** The client's IP address, as a TCP wrapper would give it (`SessionIO.peerAddress`). */
      peerAddress?: PeerAddress;
    } = {},
  ) {
    const keep = options.keepEvents ?? true;
    this.session = create({
      ...(options.peerAddress !== undefined ? { peerAddress: options.peerAddress } : {}),
      write: (bytes) => this.output.push(bytes),
      close: () => {
        this.serverClosed = true;
      },
      bug: (error) => {
        throw new Error('server bug: ' + String(error instanceof Error ? error.stack : error));
      },
      // Without a listener the session skips building events at all (benchmarks).
      event:
        keep || options.onEvent
          ? (e) => {
              if (keep) this.events.push(e);
              options.onEvent?.(e);
            }
          : undefined,
    });
    this.session.start();
  }

  /** Everything written since the last call (the greeting, or pushed untagged data). */
  take(): ByteString {
    const out = this.output.join('');
    this.output = [];
    return out;
  }

  /** Sends raw bytes and returns the server's reply bytes. */
  sendRaw(bytes: ByteString): ByteString {
    this.session.receive(bytes);
    return this.take();
  }

  /** Sends one command line (CRLF added) and returns the server's reply bytes. */
  send(line: string): ByteString {
    return this.sendRaw(line + '\r\n');
  }

  /** The client drops the connection. */
  drop(): void {
    this.session.disconnect();
  }
}
