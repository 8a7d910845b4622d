import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium where present (Playwright cannot download its own everywhere). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/**
 * Serves the production build on loopback for a benchmark and waits until `readyPath` answers.
 * `stop()` ends the server and everything it started.
 */
export async function serveBuild(
  port: number,
  options: {
    readyPath?: string;
    env?: Record<string, string>;
    /** Start as `npm start` does (lib/live/start-app.mjs, with its Node flags), not `next start`. */
    asNpmStart?: boolean;
  } = {},
) {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  const base = `http://127.0.0.1:${port}`;
  // Something already answering there would be measured instead of this build.
  const taken = await fetch(base).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new Error(
      `Port ${port} is in use: stop what listens there (it would be measured instead of this build).`,
    );
  const command = options.asNpmStart
    ? [process.execPath, 'lib/live/start-app.mjs', '--port', String(port)]
    : ['npx', 'next', 'start', '-H', '127.0.0.1', '-p', String(port)];
  const server = spawn(command[0]!, command.slice(1), {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + (options.readyPath ?? '/'))).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error('the app did not start');
}
