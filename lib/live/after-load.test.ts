import { afterEach, describe, expect, it } from 'vitest';
import { AfterLoadCollector, fullGc } from './after-load';

describe('AfterLoadCollector', () => {
  let collector: AfterLoadCollector | null = null;
  afterEach(() => collector?.stop());

  const make = () => {
    const clock = { t: 0 };
    let runs = 0;
    collector = new AfterLoadCollector(
      () => clock.t,
      () => () => void runs++,
      { busyEvents: 10, quietMs: 1000 },
    );
    return { clock, collector, runs: () => runs };
  };

  it('collects once after a burst, when the room has been quiet for the quiet time', () => {
    const { clock, collector, runs } = make();
    for (let i = 0; i < 10; i++) collector.activity();
    clock.t = 999;
    collector.check();
    expect(runs()).toBe(0);
    clock.t = 1000;
    collector.check();
    expect(runs()).toBe(1);
    clock.t = 5000;
    collector.check();
    expect(runs()).toBe(1);
  });

  it('does not collect after a few events (a single client is not a crowd)', () => {
    const { clock, collector, runs } = make();
    for (let i = 0; i < 9; i++) collector.activity();
    clock.t = 60_000;
    collector.check();
    expect(runs()).toBe(0);
  });

  it('waits while the traffic goes on, and collects again after the next burst', () => {
    const { clock, collector, runs } = make();
    for (let i = 0; i < 10; i++) collector.activity();
    clock.t = 900;
    collector.activity();
    clock.t = 1500;
    collector.check();
    expect(runs()).toBe(0);
    clock.t = 1900;
    collector.check();
    expect(runs()).toBe(1);
    for (let i = 0; i < 10; i++) collector.activity();
    clock.t = 2900;
    collector.check();
    expect(runs()).toBe(2);
    expect(collector.collections).toBe(2);
  });
});

describe('fullGc', () => {
  it('returns a collector that frees unreachable objects', () => {
    const gc = fullGc();
    expect(gc).toBeTypeOf('function');
    let junk: object[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` }));
    const heavy = process.memoryUsage().heapUsed;
    junk = null;
    gc!();
    expect(junk).toBeNull();
    expect(process.memoryUsage().heapUsed).toBeLessThan(heavy - 5 * 1024 * 1024);
  });
});
