import type { ByteString } from '../wire/bytes';
import type { LineReader } from '../wire/line-reader';
import { trailingLiteral } from './parser';

/**
 * What to do with a line just added to the command being assembled:
 * - `command`: the command is whole (its lines and literals joined), run it;
 * - `continue`: a synchronizing literal is announced and allowed, send `+` and wait for it
 *   (RFC 9051 §7.5, the command continuation request);
 * - `wait`: a non-synchronizing literal (RFC 7888 §3, `{n+}`) follows without a `+`;
 * - `reject`: answer the whole command with one tagged status, without running it.
 */
export type AssemblyStep =
  | { kind: 'command'; text: ByteString }
  | { kind: 'continue' }
  | { kind: 'wait' }
  | { kind: 'reject'; text: ByteString; status: 'NO' | 'BAD'; code: string; message: string };

/** Limits for one command, in octets (server policy: RFC 9051 §4.3 sets no size). */
export interface AssemblyLimits {
  /** The largest literal accepted now (smaller before login). */
  maxLiteralBytes: number;
  /** The longest line; a command may hold eight lines besides its literals. */
  maxLineBytes: number;
}

/**
 * Assembles one IMAP command from its lines and literals (RFC 9051 §4.3: a literal is `{n}`
 * then CRLF then n octets; RFC 7888: `{n+}` is sent without waiting for `+`). A literal over the
 * limit is refused at once when synchronizing (`NO [TOOBIG]`, the client has not sent it); a
 * non-synchronizing one arrives anyway, so it is read and thrown away and the command is then
 * answered `BAD [TOOBIG]`: this server's choice for every command, as RFC 7888 §5 has a LITERAL-
 * server do for APPEND (the code is RFC 4469 §4.2's).
 */
export class CommandAssembly {
  private segments: ByteString[] = [];
  private bytes = 0;
  /** Octets of a literal still to read into the command, or to throw away when too large. */
  private literal = 0;
  private discarding = false;
  private active = false;

  /** True while a command's later lines or literals are still awaited. */
  get inProgress(): boolean {
    return this.active;
  }

  /** True while a literal's octets, rather than a line, come next. */
  get awaitingLiteral(): boolean {
    return this.active && this.literal > 0;
  }

  /** The command's first line so far (for its tag), or '' when none is in progress. */
  get firstLine(): ByteString {
    return this.active ? (this.segments[0] ?? '') : '';
  }

  /**
   * Reads the awaited literal's octets from `reader`, as many as have arrived.
   * @returns true when the literal is complete (a line comes next), false when more must arrive.
   */
  readLiteral(reader: LineReader): boolean {
    if (this.discarding) {
      const n = Math.min(this.literal, reader.buffered);
      reader.readBytes(n);
      this.literal -= n;
      return this.literal === 0;
    }
    const data = reader.readBytes(this.literal);
    if (data === null) return false;
    this.segments.push(data);
    this.bytes += data.length;
    this.literal = 0;
    return true;
  }

  /** Adds a line (without its CRLF) to the command and says what happens next. */
  acceptLine(line: ByteString, limits: AssemblyLimits): AssemblyStep {
    this.active = true;
    this.segments.push(line);
    this.bytes += line.length;
    const literal = trailingLiteral(line);
    if (!literal) {
      const text = this.segments.join('');
      const discarded = this.discarding;
      this.reset();
      if (discarded)
        return { kind: 'reject', text, status: 'BAD', code: 'TOOBIG', message: 'Literal too large' };
      return { kind: 'command', text };
    }
    const { maxLiteralBytes, maxLineBytes } = limits;
    if (literal.size > maxLiteralBytes || this.bytes + literal.size > maxLiteralBytes + 8 * maxLineBytes) {
      if (!literal.nonSync) {
        // The client waits for "+" before sending a synchronizing literal: refuse now.
        const text = this.segments.join('');
        this.reset();
        const message = `Literal too large (limit ${maxLiteralBytes} octets)`;
        return { kind: 'reject', text, status: 'NO', code: 'TOOBIG', message };
      }
      // RFC 7888: a non-synchronizing literal arrives anyway; read past it without keeping it.
      this.discarding = true;
      this.literal = literal.size;
      return { kind: 'wait' };
    }
    this.segments.push('\r\n');
    this.literal = literal.size;
    return this.discarding || literal.nonSync ? { kind: 'wait' } : { kind: 'continue' };
  }

  /** Forgets the command in progress (sent, refused, or cut short by an overlong line). */
  reset(): void {
    this.segments = [];
    this.bytes = 0;
    this.literal = 0;
    this.discarding = false;
    this.active = false;
  }
}
