/**
 * `npm start` / `npm run dev`: runs `next start` (or `next dev`) on loopback, unless network
 * mode is asked for. Node only, plain JavaScript so that it needs nothing but Node to run.
 *
 *   npm start                                  → http://127.0.0.1:3000, this machine only
 *   npm start -- --network trainer-laptop.local
 *   LAB_NETWORK=192.168.1.20 npm start         → listens on every interface; the app answers
 *                                                only for that name (and loopback), and the
 *                                                trainer's controls need the trainer key that
 *                                                the server prints at start.
 *
 * Flags: --network <name> (or LAB_NETWORK), --port <n> (default 3000), --dev (next dev).
 * The name is the host students type in their address bar: an IP address or a DNS name.
 *
 * Next runs with the node flags of lib/live/node-flags.json added to NODE_OPTIONS (so that any
 * process Next starts has them too): the live mail server runs inside it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    network: { type: 'string' },
    port: { type: 'string', default: '3000' },
    dev: { type: 'boolean', default: false },
  },
  strict: true,
});

const network = (values.network ?? process.env.LAB_NETWORK ?? '').trim();
if (network && !/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253})$/.test(network)) {
  console.error(`start: --network must be a host name or an IP address (got "${network}")`);
  process.exit(2);
}
if (!/^\d{1,5}$/.test(values.port)) {
  console.error('start: --port must be a port number');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const next = require.resolve('next/dist/bin/next');
/** @type {string[]} Node/V8 flags the lab's servers ship with; why: docs/PROTOCOLS.md, Speed and memory. */
const nodeFlags = require('./node-flags.json').node;
// Ours first: a flag the user puts in NODE_OPTIONS comes later and wins.
const nodeOptions = [...nodeFlags, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
const child = spawn(
  process.execPath,
  [next, values.dev ? 'dev' : 'start', '-H', network ? '0.0.0.0' : '127.0.0.1', '-p', values.port],
  {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LAB_NETWORK: network, NODE_OPTIONS: nodeOptions },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
