/**
 * Runs once when the Next.js server starts (`npm start`, `npm run dev`): starts the lab's
 * loopback mail server beside the app, sharing one in-memory store that the Live page shows.
 * LIVE_MAIL_SERVER=off disables it; LIVE_HOST, LIVE_POP3_PORT and LIVE_IMAP_PORT move it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.LIVE_MAIL_SERVER === 'off') return;
  const { startLiveHub } = await import('./lib/live/hub');
  const hub = await startLiveHub({
    host: process.env.LIVE_HOST ?? '127.0.0.1',
    pop3Port: Number(process.env.LIVE_POP3_PORT ?? 1110),
    imapPort: Number(process.env.LIVE_IMAP_PORT ?? 1143),
  });
  const info = hub.info();
  if (info.running) {
    console.log(`POP3 listening on ${info.host}:${info.pop3Port}`);
    console.log(`IMAP listening on ${info.host}:${info.imapPort}`);
  } else {
    console.warn(`The live mail server did not start: ${info.error}`);
  }
}
