/**
 * The event stream's compact form of a line event, both ways. It uses no Node APIs: the feed
 * encodes with it (event-feed.ts) and the Live page decodes with it in the browser. A line
 * event is most of what a busy room streams, and as an object its field names were about 40 %
 * of its JSON; as a tuple they are not sent at all.
 *
 *   ["l", session, seq, direction, text, bytes, command, outcome, state, explanation, rfc, flags]
 *
 * `direction` is "c" (client to server) or "s"; `flags` is 1 when the line was masked plus 2 when
 * it crossed inside TLS. Other events (session, store) travel as they are.
 */
import type { LiveEvent, LiveLine } from './view-types';

/** A line event as streamed. */
export type PackedLine = [
  'l',
  number,
  number,
  'c' | 's',
  string,
  number,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  number,
];

/** What one batch frame's JSON array holds. */
export type StreamedEvent = PackedLine | Exclude<LiveEvent, { type: 'line' }>;

/** A line event as its tuple. */
export function packLine(session: number, line: LiveLine): PackedLine {
  return [
    'l',
    session,
    line.seq,
    line.direction === 'c2s' ? 'c' : 's',
    line.text,
    line.bytes,
    line.command,
    line.outcome,
    line.state,
    line.explanation,
    line.rfc,
    (line.masked ? 1 : 0) | (line.tls ? 2 : 0),
  ];
}

/** A streamed event back as the hub's event. */
export function unpackEvent(event: StreamedEvent): LiveEvent {
  if (!Array.isArray(event)) return event;
  const [, session, seq, direction, text, bytes, command, outcome, state, explanation, rfc, flags] = event;
  return {
    type: 'line',
    session,
    line: {
      seq,
      direction: direction === 'c' ? 'c2s' : 's2c',
      text,
      bytes,
      command,
      outcome,
      state,
      explanation,
      rfc,
      masked: (flags & 1) !== 0,
      tls: (flags & 2) !== 0,
    },
  };
}

/**
 * An event's sequence number (see LiveEvent in hub.ts): here rather than in the hub, which the
 * browser cannot load, because the Live page skips events by it.
 */
export function eventSeq(event: LiveEvent): number {
  return event.type === 'line' ? event.line.seq : event.seq;
}
