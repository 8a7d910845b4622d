import type { ByteString } from '../wire/bytes';
import type { WireLine } from './lines';

/** How a DATA transfer ended, once its terminating `.` line arrived. */
export interface DataResult {
  /** The message text, dot-unstuffed, each line ending CRLF; '' if it was too big. */
  readonly content: ByteString;
  /** Octets of the unstuffed message text, counted even past the limit. */
  readonly size: number;
  /** More than the size limit arrived (RFC 1870 §4, 552): nothing was kept. */
  readonly tooBig: boolean;
  /** Some line was longer than the text-line limit (RFC 5321 §4.5.3.1.6). */
  readonly lineTooLong: boolean;
}

/**
 * Collects the message text after `354` (RFC 5321 §4.1.1.4): a line holding only `.` after a
 * CRLF ends it, a leading dot is removed from every other line that has one (§4.5.2,
 * "transparency"), and nothing past `maxMessageBytes` is kept, though the transfer is read to
 * its end so that the next command is understood.
 */
export class DataCollector {
  private parts: ByteString[] = [];
  private size = 0;
  private tooBig = false;
  private lineTooLong = false;
  /** The previous line ended with CRLF (the start of the text counts as one: `DATA` CRLF). */
  private afterCrlf = true;

  constructor(
    private readonly maxMessageBytes: number,
    private readonly maxTextLineBytes: number,
  ) {}

  /** Takes one line; returns the result when it was the terminating `.`, else null. */
  line(line: WireLine): DataResult | null {
    if (line.text === '.' && line.crlf && this.afterCrlf) {
      return {
        content: this.tooBig ? '' : this.parts.join(''),
        size: this.size,
        tooBig: this.tooBig,
        lineTooLong: this.lineTooLong,
      };
    }
    this.afterCrlf = line.crlf;
    // The limit counts the line as sent, CRLF included, before the dot is removed.
    if (line.text.length + 2 > this.maxTextLineBytes) this.lineTooLong = true;
    const text = line.text.startsWith('.') ? line.text.slice(1) : line.text;
    this.add(text + '\r\n');
    return null;
  }

  /** A line too long even to buffer went by: it counts as overlong and as its limit in size. */
  overlong(): void {
    this.lineTooLong = true;
    this.afterCrlf = true;
    this.add('');
  }

  private add(bytes: ByteString): void {
    this.size += bytes.length;
    if (this.size > this.maxMessageBytes) {
      this.tooBig = true;
      this.parts = [];
    } else this.parts.push(bytes);
  }
}
