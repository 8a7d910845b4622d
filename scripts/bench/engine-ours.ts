/**
 * Our server for `npm run bench:engine`: engine-server.ts bundled by esbuild into one CommonJS
 * file and run by plain node in a child process, as a deployment would run it, with the node
 * flags we ship (lib/live/node-flags.json) unless told otherwise. Driven over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import shipped from '../../lib/live/node-flags.json';

/** The node flags the lab's servers ship with (lib/live/node-flags.json). */
export const SHIPPED_NODE_FLAGS: readonly string[] = shipped.node;

/**
 * The server's memory: process.memoryUsage(), V8's heap spaces, resident bytes by kind of
 * mapping, the engine's cache sizes. After a forced collection it is read SETTLE_MS later
 * (engine-server.ts), when V8 has unmapped the pages the collection emptied.
 */
export interface Memory {
  usage: NodeJS.MemoryUsage;
  /** The RSS read at once after the forced collection, bytes (the same as usage.rss without one). */
  rssAtGc: number;
  /** Resident bytes: file, brk (malloc's main arena), v8Pages, anonymous; null without /proc. */
  mappings: Record<string, number> | null;
  /** V8 heap spaces: committed and used bytes. */
  spaces: { name: string; size: number; used: number }[];
  caches: Record<string, number>;
}

/** Options for the child: node flags, and V8 profiles written to `profileDir`. */
export interface ServerOptions {
  nodeFlags: readonly string[];
  cpuProfile: boolean;
  heapProfile: boolean;
  profileDir: string;
}

/** The server child: sends requests and waits for the reply of the given type. */
export class ServerProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** The child's process id (to read its /proc/<pid>/smaps). */
  get pid(): number {
    return this.child.pid!;
  }

  static async start(bundle: string, options: ServerOptions): Promise<ServerProcess> {
    const execArgv = ['--expose-gc', ...options.nodeFlags];
    if (options.cpuProfile) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
    if (options.heapProfile) execArgv.push('--heap-prof', `--heap-prof-dir=${options.profileDir}`);
    const child = fork(bundle, [], { execArgv });
    const server = new ServerProcess(child);
    await server.reply('ready');
    return server;
  }

  private reply<T>(type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number) => reject(new Error(`server exited (${code})`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }

  /** Fills a store (see engine-server.ts) and starts listening; resolves to its ports. */
  async start(request: object): Promise<{ imap: number; pop3: number }> {
    this.child.send({ type: 'start', ...request });
    return this.reply('ports');
  }

  /** The server's memory; `gc: false` reads it as it is, without collecting garbage first. */
  async memory(gc = true): Promise<Memory> {
    this.child.send({ type: 'memory', gc });
    return this.reply('memory');
  }

  /** CPU time the server has used so far (user + system), in ms. */
  async cpu(): Promise<number> {
    this.child.send({ type: 'cpu' });
    const { usage } = await this.reply<{ usage: NodeJS.CpuUsage }>('cpu');
    return (usage.user + usage.system) / 1000;
  }

  async stop(): Promise<void> {
    this.child.send({ type: 'stop' });
    await once(this.child, 'exit');
  }
}

/**
 * The server compiled to one CommonJS file (path returned; the caller removes it): under tsx,
 * its compiler and loader would add 20-30 MiB to the RSS that are not the server's.
 */
export function serverBundle(): string {
  const outfile = join(tmpdir(), `bench-engine-server-${process.pid}.cjs`);
  buildSync({
    entryPoints: [new URL('./engine-server.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Bytes as MiB with one decimal. */
export const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

/** Prints the RSS, the heap spaces of at least 1 MiB, resident memory by mapping, the cache sizes. */
export function printMemory(label: string, { usage, rssAtGc, spaces, mappings, caches }: Memory): void {
  const held = Object.entries(caches)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const space = spaces
    .filter((s) => s.size >= 1024 * 1024)
    .map((s) => `${s.name.replace(/_space$/, '')} ${mib(s.used)}/${mib(s.size)}`)
    .join(', ');
  const atGc = Math.abs(rssAtGc - usage.rss) >= 512 * 1024 ? ` (${mib(rssAtGc)} read in the GC's tick)` : '';
  console.log(`  ${label.padEnd(34)} RSS ${mib(usage.rss)}${atGc}`);
  console.log(
    `    heap used ${mib(usage.heapUsed)} of ${mib(usage.heapTotal)} (${space}), external ${mib(usage.external)}, array buffers ${mib(usage.arrayBuffers)}; cached entries: ${held}`,
  );
  if (mappings)
    console.log(
      `    resident: V8 pages ${mib(mappings.v8Pages!)}, other anonymous ${mib(mappings.anonymous!)}, malloc [heap] ${mib(mappings.brk!)}, files ${mib(mappings.file!)}`,
    );
}
