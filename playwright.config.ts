import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const HOST_PORT = PORT + 1;

/** Debian's Chromium when present (Playwright cannot download browsers on every machine). */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Generous limits: on a slow or busy 2-core machine a story played to its end, or axe over a
  // long page, takes tens of seconds; a limit is not an assertion (tests that time something say
  // so with their own, shorter timeout).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // Serves the production build made by `next build` (npm run test:e2e).
      command: `npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // The live mail server starts with the app; free ports, read back from /api/live/state.
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        LIVE_POP3_PORT: '0',
        LIVE_IMAP_PORT: '0',
        LIVE_SMTP_PORT: '0',
        LIVE_IMAPS_PORT: '0',
        LIVE_POP3S_PORT: '0',
        LIVE_SUBMISSIONS_PORT: '0',
      },
    },
    {
      // A third-party page on another origin that embeds the player (e2e/embed.spec.ts).
      command: `node e2e/host/serve.mjs ${HOST_PORT} http://127.0.0.1:${PORT}`,
      url: `http://127.0.0.1:${HOST_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
  ],
});
