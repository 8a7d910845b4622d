import { describe, expect, it } from 'vitest';
import { LruCache } from './lru';

describe('LruCache', () => {
  it('never holds more than its capacity, dropping the least recently used first', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('replaces a value without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('getOrSet computes once per key while it is held', () => {
    const cache = new LruCache<number, string>(1);
    let made = 0;
    const make = (n: number) => `${n}:${++made}`;
    expect(cache.getOrSet(1, make)).toBe('1:1');
    expect(cache.getOrSet(1, make)).toBe('1:1');
    expect(cache.getOrSet(2, make)).toBe('2:2');
    expect(cache.getOrSet(1, make)).toBe('1:3');
  });

  it('refuses a capacity below 1', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
