import net from 'node:net';
import { once } from 'node:events';

/** How much of a reply's end is kept to find its end mark: a whole status line (Dovecot's LOGIN reply lists its capabilities in ~500 octets). */
const TAIL = 2048;

/**
 * A minimal client for benchmarks: sends a command and resolves when the reply is complete,
 * judged by the protocol's own end marks (IMAP: the tagged status; POP3: the status line, or
 * the "." line of a multi-line reply).
 */
export class LineClient {
  /** The reply so far, in chunks (joined once complete: concatenating 3 MiB per chunk is quadratic). */
  private chunks: string[] = [];
  /** The last TAIL characters, where end marks are looked for. */
  private tail = '';
  private waiter: {
    done: (b: string) => boolean;
    resolve: (reply: string) => void;
    reject: (e: Error) => void;
  } | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('latin1');
    socket.setNoDelay(true);
    socket.on('data', (d: string) => {
      this.chunks.push(d);
      this.tail = (this.tail + d).slice(-TAIL);
      this.check();
    });
    socket.on('close', () => this.waiter?.reject(new Error('connection closed')));
    socket.on('error', (e) => this.waiter?.reject(e));
  }

  static async connect(port: number): Promise<LineClient> {
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return new LineClient(socket);
  }

  /** Waits for the greeting (one line). */
  greeting(): Promise<string> {
    return this.wait((b) => b.includes('\r\n'));
  }

  imap(tag: string, command: string): Promise<string> {
    this.socket.write(`${tag} ${command}\r\n`, 'latin1');
    const end = new RegExp(`(^|\\r\\n)${tag} (OK|NO|BAD)[^\\r\\n]*\\r\\n$`);
    return this.wait((tail) => tail.endsWith('\r\n') && end.test(tail));
  }

  pop3(command: string, multiline: boolean): Promise<string> {
    this.socket.write(`${command}\r\n`, 'latin1');
    return this.wait((tail) =>
      !multiline || tail.startsWith('-ERR') ? tail.endsWith('\r\n') : tail.endsWith('\r\n.\r\n'),
    );
  }

  close(): void {
    this.socket.destroy();
  }

  private wait(done: (b: string) => boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiter = { done, resolve, reject };
      this.check();
    });
  }

  private check(): void {
    if (this.waiter && this.waiter.done(this.tail)) {
      const reply = this.chunks.join('');
      this.chunks = [];
      this.tail = '';
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve(reply);
    }
  }
}
