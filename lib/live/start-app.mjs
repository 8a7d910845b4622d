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
 *   npm start -- --classroom                   → a class (docs/CLASSROOM.md): network mode on this
 *                                                machine's address (or --network), the mail server
 *                                                on the room's network too, a join code open.
 *
 * Flags: --network <name> (or LAB_NETWORK), --port <n> (default 3000), --dev (next dev),
 * --classroom (or LAB_CLASSROOM=1).
 * The name is the host students type in their address bar: an IP address or a DNS name.
 *
 * Next runs with the node flags of lib/live/node-flags.json added to NODE_OPTIONS (so that any
 * process Next starts has them too): the live mail server runs inside it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    network: { type: 'string' },
    port: { type: 'string', default: '3000' },
    dev: { type: 'boolean', default: false },
    classroom: { type: 'boolean', default: false },
  },
  strict: true,
});

const classroom = values.classroom || process.env.LAB_CLASSROOM === '1';
/** This machine's first IPv4 address on a network (not loopback), or ''. */
function roomAddress() {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '';
}
const network = (values.network ?? process.env.LAB_NETWORK ?? (classroom ? roomAddress() : '')).trim();
if (classroom && !network) {
  console.error(
    'start: --classroom found no network address on this machine; give one with --network <name>',
  );
  process.exit(2);
}
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
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      LAB_NETWORK: network,
      NODE_OPTIONS: nodeOptions,
      // Classroom: the mail server listens on the room's network too (students' own clients).
      ...(classroom ? { LAB_CLASSROOM: '1', LIVE_HOST: process.env.LIVE_HOST ?? '0.0.0.0' } : {}),
    },
  },
);
if (classroom) {
  const site = `http://${network.includes(':') && !network.startsWith('[') ? `[${network}]` : network}:${values.port}`;
  console.log(`Classroom: students join at ${site}/class/`);
  console.log(`Classroom: the presenter page (join code, QR code, predictions) is ${site}/class/present/`);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
