/**
 * Node only. The Live page's event stream, batched and encoded once for every reader: each
 * `BATCH_MS`, the events since the last batch become one Server-Sent Events frame (bytes), and
 * every open stream is handed that same frame. Twenty open pages cost one JSON encoding, not
 * twenty. The feed listens to the hub only while it has readers.
 *
 * Lines are streamed as summaries: the first line of each wire unit (the status line of a reply,
 * the command), at most {@link STREAMED_LINE_CHARS} characters, and how much more there was; a
 * FETCH or RETR body is not pushed to every page many times a second. The Live page draws only
 * first lines; the state (`/api/live/state/`) keeps each unit's first 4 KiB. Line events travel
 * as tuples (line-codec.ts).
 */
import type { LiveEvent, LiveLine } from './view-types';
import { packLine, type StreamedEvent } from './line-codec';

/** Events are sent in batches at most this often: a busy room does not flood the pages. */
export const BATCH_MS = 50;

/** Characters of a streamed line's first line; the rest is counted, not sent. */
export const STREAMED_LINE_CHARS = 1024;

/**
 * A line as streamed: its first line (CRLF kept), cut to STREAMED_LINE_CHARS, then
 * `… n more characters` on a line of its own when anything was left out.
 */
export function streamedLine(line: LiveLine): LiveLine {
  const end = line.text.indexOf('\r\n');
  const first = end === -1 ? line.text : line.text.slice(0, end);
  const kept = first.slice(0, STREAMED_LINE_CHARS);
  const more = line.text.length - kept.length - (end === -1 ? 0 : 2);
  if (more <= 0) return line;
  return { ...line, text: `${kept}\r\n… ${more} more characters\r\n` };
}

const encoder = new TextEncoder();

/** What the feed needs of the hub. */
export interface EventSource {
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

export class EventFeed {
  private batch: StreamedEvent[] = [];
  private readonly readers = new Set<(frame: Uint8Array) => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly source: EventSource,
    private readonly batchMs = BATCH_MS,
  ) {}

  /** Adds a reader, called with each batch frame (shared: do not modify); returns its removal. */
  add(reader: (frame: Uint8Array) => void): () => void {
    this.readers.add(reader);
    if (!this.timer) {
      this.unsubscribe = this.source.subscribe((event) => this.push(event));
      this.timer = setInterval(() => this.flush(), this.batchMs);
    }
    return () => {
      this.readers.delete(reader);
      if (this.readers.size === 0) this.stop();
    };
  }

  /** Readers now. */
  get size(): number {
    return this.readers.size;
  }

  /** Sends what has gathered now (the timer does this every batchMs). */
  flush(): void {
    if (this.batch.length === 0) return;
    const frame = encoder.encode(`event: batch\ndata: ${JSON.stringify(this.batch)}\n\n`);
    this.batch = [];
    for (const reader of this.readers) reader(frame);
  }

  private push(event: LiveEvent): void {
    // Only the latest store picture matters within one batch.
    if (event.type === 'store') this.batch = this.batch.filter((e) => Array.isArray(e) || e.type !== 'store');
    this.batch.push(event.type === 'line' ? packLine(event.session, streamedLine(event.line)) : event);
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.batch = [];
  }
}
