/**
 * A cache of at most `capacity` entries that drops the least recently used one first: what the
 * engine keeps of parsed mail (MIME trees, envelopes, decoded text, parsed addresses), so that
 * memory stays bounded however large the mailboxes grow. Keys are held strongly; values must be
 * recomputable from the key.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param capacity the most entries kept (at least 1). */
  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('LruCache capacity must be at least 1');
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, marking it most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map keeps insertion order: re-inserting moves the key to the young end.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores `value` as the most recently used entry, dropping the oldest beyond the capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached value, or `make(key)` stored and returned. */
  getOrSet(key: K, make: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make(key);
      this.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
