import { describe, expect, it } from 'vitest';
import { EventFeed } from './event-feed';
import type { LiveEvent } from './hub';

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
});
