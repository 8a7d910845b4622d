import { describe, expect, it } from 'vitest';
import { EventFeed, STREAMED_LINE_CHARS, streamedLine } from './event-feed';
import type { LiveEvent } from './view-types';
import { unpackEvent, type StreamedEvent } from './line-codec';

function source() {
  const listeners = new Set<(e: LiveEvent) => void>();
  return {
    listeners,
    subscribe(l: (e: LiveEvent) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(e: LiveEvent) {
      for (const l of listeners) l(e);
    },
  };
}

const store = (n: number): LiveEvent =>
  ({ type: 'store', store: { accounts: [] }, n }) as unknown as LiveEvent;

describe('event feed', () => {
  it('encodes each batch once and hands every reader the same frame', () => {
    const hub = source();
    const feed = new EventFeed(hub, 60_000);
    const a: Uint8Array[] = [];
    const b: Uint8Array[] = [];
    const removeA = feed.add((f) => a.push(f));
    const removeB = feed.add((f) => b.push(f));
    hub.emit({
      type: 'session',
      seq: 1,
      session: { id: 1, protocol: 'imap', client: 'c', state: 's', open: true, lines: [] },
    });
    hub.emit(store(1));
    hub.emit(store(2));
    feed.flush();
    expect(a).toHaveLength(1);
    expect(b[0]).toBe(a[0]);
    const text = new TextDecoder().decode(a[0]);
    expect(text.startsWith('event: batch\ndata: ')).toBe(true);
    // Only the latest store picture of a batch is sent.
    const events = JSON.parse(text.slice('event: batch\ndata: '.length)) as { type: string; n?: number }[];
    expect(events.map((e) => e.n ?? e.type)).toEqual(['session', 2]);
    feed.flush();
    expect(a).toHaveLength(1);
    removeA();
    removeB();
  });

  it('listens to the hub only while it has readers', () => {
    const hub = source();
    const feed = new EventFeed(hub, 60_000);
    expect(hub.listeners.size).toBe(0);
    const remove = feed.add(() => undefined);
    expect(hub.listeners.size).toBe(1);
    remove();
    expect(hub.listeners.size).toBe(0);
    expect(feed.size).toBe(0);
  });

  it('streams the first line of each wire unit and counts the rest', () => {
    const line = (text: string) => ({
      seq: 1,
      direction: 's2c' as const,
      text,
      bytes: text.length,
      command: 'FETCH',
      outcome: null,
      state: 'Selected',
      explanation: null,
      rfc: null,
      masked: false,
      tls: false,
    });
    const reply = '* 2 FETCH (BODY[] {20}\r\nSubject: x\r\n\r\nhello)\r\n';
    expect(streamedLine(line(reply)).text).toBe('* 2 FETCH (BODY[] {20}\r\n… 22 more characters\r\n');
    const single = line('a1 OK done\r\n');
    expect(streamedLine(single)).toBe(single);
    const long = streamedLine(line('x'.repeat(STREAMED_LINE_CHARS + 10) + '\r\n')).text;
    expect(long).toBe(`${'x'.repeat(STREAMED_LINE_CHARS)}\r\n… 10 more characters\r\n`);

    const hub = source();
    const feed = new EventFeed(hub, 60_000);
    const frames: Uint8Array[] = [];
    const remove = feed.add((f) => frames.push(f));
    hub.emit({ type: 'line', session: 1, line: line(reply) });
    feed.flush();
    const text = new TextDecoder().decode(frames[0]);
    expect(text).toContain('* 2 FETCH (BODY[] {20}');
    expect(text).not.toContain('hello');
    remove();
  });

  it('streams line events as tuples that unpack to the same line', () => {
    const hub = source();
    const feed = new EventFeed(hub, 60_000);
    const frames: Uint8Array[] = [];
    const remove = feed.add((f) => frames.push(f));
    const line = {
      seq: 7,
      direction: 'c2s' as const,
      text: 'a1 LOGIN student ********\r\n',
      bytes: 27,
      command: 'LOGIN',
      outcome: null,
      state: 'Not Authenticated',
      explanation: 'log in',
      rfc: 'RFC 9051 §6.2.3',
      masked: true,
      tls: true,
    };
    hub.emit({ type: 'line', session: 3, line });
    hub.emit({
      type: 'line',
      session: 3,
      line: { ...line, seq: 8, direction: 's2c', masked: false, tls: false },
    });
    feed.flush();
    const text = new TextDecoder().decode(frames[0]);
    const events = (JSON.parse(text.slice('event: batch\ndata: '.length)) as StreamedEvent[]).map(
      unpackEvent,
    );
    expect(events).toEqual([
      { type: 'line', session: 3, line },
      { type: 'line', session: 3, line: { ...line, seq: 8, direction: 's2c', masked: false, tls: false } },
    ]);
    expect(text).not.toContain('"explanation"');
    remove();
  });
});
