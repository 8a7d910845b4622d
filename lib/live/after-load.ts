/**
 * Node only. Gives memory back after a crowd. What the hub keeps is bounded (hub.ts), but a busy
 * room makes hundreds of MiB of short-lived garbage (wire units, event batches, socket reads),
 * and V8 collects only when JavaScript allocates: once the room falls quiet nothing allocates,
 * so the garbage and the heap pages it fills stay resident (measured by `npm run bench:live`:
 * RSS 134 → 242 MiB under 200 sessions, still 245 MiB 30 s after). This watches the wire:
 * after at least {@link BUSY_EVENTS} events, once {@link QUIET_MS} pass with none, it runs one
 * full garbage collection, which frees the garbage and lets V8 return the emptied pages.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Wire events since the last collection that make a burst worth collecting after. */
export const BUSY_EVENTS = 2000;
/** Quiet time, in ms, after which the burst counts as over. */
export const QUIET_MS = 3000;

/** A full, synchronous garbage collection. */
export type FullGc = () => void;

/**
 * V8's `gc()`: the global one when Node runs with `--expose-gc`, otherwise one made on first use
 * (the flag set at run time exposes `gc` in contexts created after it; the process's own global
 * is unchanged). Null if neither works.
 */
export function fullGc(): FullGc | null {
  const global = (globalThis as { gc?: FullGc }).gc;
  if (typeof global === 'function') return global;
  try {
    setFlagsFromString('--expose-gc');
    const made = runInNewContext('gc') as unknown;
    return typeof made === 'function' ? (made as FullGc) : null;
  } catch {
    return null;
  }
}

export class AfterLoadCollector {
  private events = 0;
  private lastEvent = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private gc: FullGc | null | undefined;
  /** Collections run so far (for tests and the benchmark). */
  collections = 0;

  /**
   * @param now the clock, ms (injected for tests)
   * @param makeGc how to get a collector, called once at the first collection
   */
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly makeGc: () => FullGc | null = fullGc,
    private readonly options: { busyEvents: number; quietMs: number } = {
      busyEvents: BUSY_EVENTS,
      quietMs: QUIET_MS,
    },
  ) {}

  /** One wire event: cheap, called for every line. */
  activity(): void {
    this.events++;
    this.lastEvent = this.now();
    if (!this.timer && this.events >= this.options.busyEvents) {
      this.timer = setInterval(() => this.check(), Math.max(100, this.options.quietMs / 3));
      this.timer.unref?.();
    }
  }

  /** Collects if a burst has ended; the timer calls this. */
  check(): void {
    if (this.events < this.options.busyEvents || this.now() - this.lastEvent < this.options.quietMs) return;
    this.stop();
    this.events = 0;
    if (this.gc === undefined) this.gc = this.makeGc();
    if (!this.gc) return;
    this.gc();
    this.collections++;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
