import type { ByteString } from './bytes';

/** What {@link LineReader.readLine} returns when a line was longer than the limit. */
export const LINE_TOO_LONG = Symbol('line too long');

/** How much of an overlong line {@link LineReader.overlongHead} keeps, in octets. */
export const OVERLONG_HEAD_BYTES = 1024;

/**
 * Splits an incoming byte stream into CRLF-terminated lines, with a hard length limit so a client
 * can never make the server buffer without bound (RFC 2683 §3.2.1.5 suggests servers accept
 * lines of at least 8000 octets). A bare LF is accepted as a line end, as real servers do.
 *
 * An overlong line is dropped, but its first {@link OVERLONG_HEAD_BYTES} octets are kept in
 * {@link overlongHead}, so that an IMAP server can still answer with the line's tag.
 *
 * IMAP literals are read with {@link readBytes} between lines.
 */
export class LineReader {
  private buffer: ByteString = '';
  /** The start of the last line that was too long (see {@link OVERLONG_HEAD_BYTES}). */
  overlongHead: ByteString = '';
  /** True while discarding the rest of an overlong line, up to its LF. */
  private discarding = false;

  constructor(readonly maxLineBytes: number) {}

  push(chunk: ByteString): void {
    if (this.discarding) {
      const lf = chunk.indexOf('\n');
      if (lf < 0) return;
      this.discarding = false;
      chunk = chunk.slice(lf + 1);
    }
    this.buffer += chunk;
  }

  /** Bytes received and not yet consumed. */
  get buffered(): number {
    return this.buffer.length;
  }

  /**
   * The next complete line without its line ending; `null` when none is complete yet;
   * {@link LINE_TOO_LONG} once for each line that exceeded the limit (its bytes are dropped).
   */
  readLine(): ByteString | null | typeof LINE_TOO_LONG {
    const lf = this.buffer.indexOf('\n');
    if (lf < 0) {
      if (this.buffer.length > this.maxLineBytes) {
        this.overlongHead = this.buffer.slice(0, OVERLONG_HEAD_BYTES);
        this.buffer = '';
        this.discarding = true;
        return LINE_TOO_LONG;
      }
      return null;
    }
    const end = lf > 0 && this.buffer.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    if (end > this.maxLineBytes) {
      this.overlongHead = this.buffer.slice(0, Math.min(end, OVERLONG_HEAD_BYTES));
      this.buffer = this.buffer.slice(lf + 1);
      return LINE_TOO_LONG;
    }
    const line = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(lf + 1);
    return line;
  }

  /** Exactly `n` bytes (an IMAP literal), or `null` until that many have arrived. */
  readBytes(n: number): ByteString | null {
    if (this.buffer.length < n) return null;
    const out = this.buffer.slice(0, n);
    this.buffer = this.buffer.slice(n);
    return out;
  }

  /** Drops everything buffered (after a fatal error or when the session closes). */
  clear(): void {
    this.buffer = '';
    this.overlongHead = '';
    this.discarding = false;
  }
}
