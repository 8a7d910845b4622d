import type { ByteString } from '../wire/bytes';

/** What {@link SmtpLineReader.read} returns for a line longer than the buffer allows. */
export const TOO_LONG = Symbol('line too long');

/** One line off the wire, without its ending. */
export interface WireLine {
  readonly text: ByteString;
  /** True if it ended with CRLF; false for a bare LF (RFC 5321 §2.3.8 forbids those). */
  readonly crlf: boolean;
}

/**
 * SMTP's line framer. Unlike lib/wire's LineReader it tells a CRLF from a bare LF, because the
 * end of DATA is `CRLF . CRLF` and nothing else (RFC 5321 §4.1.1.4): taking `LF . LF` for it
 * is what lets one message smuggle another past a server ("SMTP smuggling"). Lines longer than
 * `maxBytes` (ending excluded) are dropped as they stream in, and reported once.
 */
export class SmtpLineReader {
  private buffer: ByteString = '';
  private discarding = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: ByteString): void {
    this.buffer += chunk;
  }

  /** The next line, `null` until one is complete, or {@link TOO_LONG} once per overlong line. */
  read(): WireLine | null | typeof TOO_LONG {
    for (;;) {
      const lf = this.buffer.indexOf('\n');
      if (this.discarding) {
        if (lf < 0) {
          this.buffer = '';
          return null;
        }
        this.buffer = this.buffer.slice(lf + 1);
        this.discarding = false;
        continue;
      }
      if (lf < 0) {
        if (this.buffer.length <= this.maxBytes + 1) return null;
        this.buffer = '';
        this.discarding = true;
        return TOO_LONG;
      }
      const crlf = lf > 0 && this.buffer.charCodeAt(lf - 1) === 13;
      const end = crlf ? lf - 1 : lf;
      if (end > this.maxBytes) {
        this.buffer = this.buffer.slice(lf + 1);
        return TOO_LONG;
      }
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(lf + 1);
      return { text, crlf };
    }
  }

  /** Forgets everything buffered (STARTTLS, RFC 3207 §4.2; or the session closed). */
  clear(): void {
    this.buffer = '';
    this.discarding = false;
  }
}
