/**
 * Runs once when the Next.js server starts (`npm start`, `npm run dev`): starts the lab's
 * loopback mail server beside the app, sharing one in-memory store that the Live page shows.
 * LIVE_MAIL_SERVER=off disables it; LIVE_HOST, LIVE_POP3_PORT, LIVE_IMAP_PORT and LIVE_SMTP_PORT
 * (SMTP submission, default 1587) move it, as LIVE_IMAPS_PORT (1993), LIVE_POP3S_PORT (1995) and
 * LIVE_SUBMISSIONS_PORT (1465) move the implicit-TLS ports (RFC 8314). LIVE_TLS_CERT and
 * LIVE_TLS_KEY name PEM files of a real certificate; otherwise a self-signed one is made at start.
 *
 * Network mode (LAB_NETWORK set, by `npm start -- --network <name>`): the trainer's controls
 * need a key, LAB_TRAINER_KEY or a fresh random one, printed here and nowhere else
 * (LAB_TRAINER_KEY alone asks for a key on loopback too).
 *
 * Classroom mode (LAB_CLASSROOM=1, by `npm start -- --classroom`; docs/CLASSROOM.md): the mail
 * server may listen off loopback (LIVE_HOST, 0.0.0.0 then), and a class opens with a join code.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.LIVE_MAIL_SERVER === 'off') return;
  const { startLiveHub, trainerKeyFor } = await import('./lib/live/hub');
  const network = process.env.LAB_NETWORK?.trim() || null;
  const trainerKey = trainerKeyFor(network, process.env.LAB_TRAINER_KEY);
  const hub = await startLiveHub({
    host: process.env.LIVE_HOST ?? '127.0.0.1',
    pop3Port: Number(process.env.LIVE_POP3_PORT ?? 1110),
    imapPort: Number(process.env.LIVE_IMAP_PORT ?? 1143),
    smtpPort: Number(process.env.LIVE_SMTP_PORT ?? 1587),
    imapsPort: Number(process.env.LIVE_IMAPS_PORT ?? 1993),
    pop3sPort: Number(process.env.LIVE_POP3S_PORT ?? 1995),
    submissionsPort: Number(process.env.LIVE_SUBMISSIONS_PORT ?? 1465),
    tlsCert: process.env.LIVE_TLS_CERT,
    tlsKey: process.env.LIVE_TLS_KEY,
    trainerKey,
    allowRemote: process.env.LAB_CLASSROOM === '1',
  });
  const info = hub.info();
  if (info.running) {
    console.log(`POP3 listening on ${info.host}:${info.pop3Port}`);
    console.log(`IMAP listening on ${info.host}:${info.imapPort}`);
    console.log(`SMTP listening on ${info.host}:${info.smtpPort}`);
    console.log(`IMAPS listening on ${info.host}:${info.imapsPort}`);
    console.log(`POP3S listening on ${info.host}:${info.pop3sPort}`);
    console.log(`SUBMISSIONS listening on ${info.host}:${info.submissionsPort}`);
    console.log(`Certificate SHA-256 fingerprint: ${info.tlsFingerprint}`);
  } else {
    console.warn(`The live mail server did not start: ${info.error}`);
  }
  if (network) console.log(`Network mode: the app answers for ${network} (and loopback).`);
  if (process.env.LAB_CLASSROOM === '1') {
    const { classHub } = await import('./lib/live/classroom/class-hub');
    const code = classHub()?.room.newCode();
    if (code) console.log(`Class open: join code ${code} (also on the presenter page, /class/present/)`);
  }
  if (hub.trainerKey) {
    console.log(`Trainer key: ${hub.trainerKey} (type it into the Live page's Trainer panel once)`);
  }
}
