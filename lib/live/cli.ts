/**
 * `npm run mail-server`: the lab's POP3, IMAP and SMTP submission servers on loopback TCP.
 * Flags: --host, --pop3-port, --imap-port, --smtp-port, --imaps-port, --pop3s-port, --submissions-port
 * (implicit TLS, RFC 8314), --tls-cert file --tls-key file (PEM; otherwise a self-signed one), --user name:password (repeatable), --seed default|empty,
 * --quota-bytes n (each account's storage limit, reported by GETQUOTAROOT), --allow-remote,
 * --pre-login-timeout seconds (60), --max-per-address n (20 with --allow-remote; lib/live/slow-clients.ts).
 * Port 0 picks a free port.
 */
import { parseArgs } from 'node:util';
import { seedAccount } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { startLiveServer } from './server';
import { certificateFromFiles, selfSignedCertificate, type LiveCertificate } from './tls';

export interface CliConfig {
  host: string;
  pop3Port: number;
  imapPort: number;
  /** SMTP submission (RFC 6409); 1587 by default (587 needs privileges). */
  smtpPort: number;
  /** Implicit-TLS ports (RFC 8314 §3.1–3.3): 1993, 1995 and 1465 by default. */
  imapsPort: number;
  pop3sPort: number;
  submissionsPort: number;
  /** PEM files of a real certificate and its key; both or neither. */
  tlsCert?: string;
  tlsKey?: string;
  users: { user: string; password: string }[];
  seed: 'default' | 'empty';
  allowRemote: boolean;
  /** Each account's storage limit in octets (QUOTA, RFC 9208); undefined for none. */
  quotaBytes?: number;
  /** Idle timeout before login, in seconds (server default 60). */
  preLoginTimeoutSeconds?: number;
  /** Connections per peer address (server default 20 with allowRemote, none on loopback). */
  maxPerAddress?: number;
}

/** Parses the command line; throws an Error with a message for the user on bad flags. */
export function parseCli(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      'pop3-port': { type: 'string', default: '1110' },
      'imap-port': { type: 'string', default: '1143' },
      'smtp-port': { type: 'string', default: '1587' },
      'imaps-port': { type: 'string', default: '1993' },
      'pop3s-port': { type: 'string', default: '1995' },
      'submissions-port': { type: 'string', default: '1465' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      user: { type: 'string', multiple: true },
      seed: { type: 'string', default: 'default' },
      'allow-remote': { type: 'boolean', default: false },
      'quota-bytes': { type: 'string' },
      'pre-login-timeout': { type: 'string' },
      'max-per-address': { type: 'string' },
    },
    strict: true,
  });
  const port = (name: string, text: string) => {
    if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
      throw new Error(`--${name} must be a port number (0 picks a free one)`);
    return Number(text);
  };
  const users = (values.user ?? ['student:secret']).map((spec) => {
    const colon = spec.indexOf(':');
    if (colon <= 0 || colon === spec.length - 1)
      throw new Error(`--user must look like name:password (got "${spec}")`);
    return { user: spec.slice(0, colon), password: spec.slice(colon + 1) };
  });
  const quota = values['quota-bytes'];
  if (quota !== undefined && !/^\d{1,12}$/.test(quota))
    throw new Error('--quota-bytes must be a number of octets');
  const count = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^\d{1,6}$/.test(text) || Number(text) === 0)
      throw new Error(`--${name} must be a whole number above 0`);
    return Number(text);
  };
  const preLoginTimeoutSeconds = count('pre-login-timeout', values['pre-login-timeout']);
  const maxPerAddress = count('max-per-address', values['max-per-address']);
  if (values.seed !== 'default' && values.seed !== 'empty')
    throw new Error('--seed must be default or empty');
  const tlsCert = values['tls-cert'];
  const tlsKey = values['tls-key'];
  if ((tlsCert === undefined) !== (tlsKey === undefined))
    throw new Error('--tls-cert and --tls-key go together');
  return {
    host: values.host!,
    pop3Port: port('pop3-port', values['pop3-port']!),
    imapPort: port('imap-port', values['imap-port']!),
    smtpPort: port('smtp-port', values['smtp-port']!),
    imapsPort: port('imaps-port', values['imaps-port']!),
    pop3sPort: port('pop3s-port', values['pop3s-port']!),
    submissionsPort: port('submissions-port', values['submissions-port']!),
    ...(tlsCert !== undefined && tlsKey !== undefined ? { tlsCert, tlsKey } : {}),
    users,
    seed: values.seed,
    allowRemote: values['allow-remote']!,
    ...(quota !== undefined ? { quotaBytes: Number(quota) } : {}),
    ...(preLoginTimeoutSeconds !== undefined ? { preLoginTimeoutSeconds } : {}),
    ...(maxPerAddress !== undefined ? { maxPerAddress } : {}),
  };
}

export function storeFor(config: CliConfig): MailStore {
  const store = new MailStore();
  for (const { user, password } of config.users) {
    const account = store.addAccount(user, password, { quotaBytes: config.quotaBytes ?? null });
    if (config.seed === 'default') seedAccount(account);
    else for (const name of ['Sent', 'Drafts', 'Trash'] as const) account.createMailbox(name, `\\${name}`);
  }
  return store;
}

async function main() {
  let config: CliConfig;
  try {
    config = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`mail-server: ${(error as Error).message}`);
    process.exit(2);
  }
  let certificate: LiveCertificate;
  try {
    certificate =
      config.tlsCert !== undefined && config.tlsKey !== undefined
        ? await certificateFromFiles(config.tlsCert, config.tlsKey)
        : await selfSignedCertificate();
  } catch (error) {
    console.error(`mail-server: ${(error as Error).message}`);
    process.exit(2);
  }
  const server = await startLiveServer({
    store: storeFor(config),
    host: config.host,
    pop3Port: config.pop3Port,
    imapPort: config.imapPort,
    smtpPort: config.smtpPort,
    imapsPort: config.imapsPort,
    pop3sPort: config.pop3sPort,
    submissionsPort: config.submissionsPort,
    tls: certificate,
    allowRemote: config.allowRemote,
    ...(config.preLoginTimeoutSeconds !== undefined
      ? { preLoginTimeoutMs: config.preLoginTimeoutSeconds * 1000 }
      : {}),
    ...(config.maxPerAddress !== undefined ? { maxSessionsPerAddress: config.maxPerAddress } : {}),
  }).catch((error: Error) => {
    console.error(`mail-server: ${error.message}`);
    process.exit(1);
  });
  // Handlers first: whoever reads the "listening" lines may signal at once.
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (const l of server.listeners) {
    console.log(`${l.name} listening on ${l.host}:${l.port}`);
  }
  console.log(
    `Certificate SHA-256 fingerprint: ${certificate.fingerprint256}${certificate.selfSigned ? ' (self-signed, made at start: compare it with what your client shows)' : ''}`,
  );
  console.log(
    `Accounts: ${config.users.map((u) => u.user).join(', ')} (a teaching server: plain-text login is allowed on loopback, TLS via STARTTLS/STLS or the TLS ports; mail to other domains stays in the outbox)`,
  );
}

if (process.argv[1] && /cli\.[cm]?[jt]s$/.test(process.argv[1])) void main();
