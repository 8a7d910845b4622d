import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

export interface MailServerProcess {
  pop3Port: number;
  imapPort: number;
  /** SMTP submission (lib/smtp). */
  smtpPort: number;
  /** Implicit-TLS ports (RFC 8314 §3.1–3.3). */
  imapsPort: number;
  pop3sPort: number;
  submissionsPort: number;
  /** The certificate's SHA-256 fingerprint as printed (`AB:CD:…`). */
  fingerprint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

/** Starts `npm run mail-server`'s program on free ports and waits for its "listening" lines. */
export async function startMailServerProcess(args: string[] = []): Promise<MailServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'lib/live/cli.ts'),
      '--pop3-port',
      '0',
      '--imap-port',
      '0',
      '--smtp-port',
      '0',
      '--imaps-port',
      '0',
      '--pop3s-port',
      '0',
      '--submissions-port',
      '0',
      ...args,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const ports = await new Promise<{ ports: Record<string, number>; fingerprint: string }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`mail server did not start: ${output}`)), 15_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const names = ['POP3', 'IMAP', 'SMTP', 'IMAPS', 'POP3S', 'SUBMISSIONS'];
        const found = names.map((n) => new RegExp(`^${n} listening on [^:]+:(\\d+)`, 'm').exec(output));
        const fingerprint = /^Certificate SHA-256 fingerprint: ([0-9A-F:]+)/m.exec(output);
        if (found.every(Boolean) && fingerprint) {
          clearTimeout(timer);
          const ports = Object.fromEntries(names.map((n, i) => [n, Number(found[i]![1])]));
          resolve({ ports, fingerprint: fingerprint[1]! });
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`mail server exited with ${code}: ${output}`)));
    },
  );
  return {
    pop3Port: ports.ports.POP3!,
    imapPort: ports.ports.IMAP!,
    smtpPort: ports.ports.SMTP!,
    imapsPort: ports.ports.IMAPS!,
    pop3sPort: ports.ports.POP3S!,
    submissionsPort: ports.ports.SUBMISSIONS!,
    fingerprint: ports.fingerprint,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Runs a program to completion; resolves with its output and exit code. */
export function run(
  command: string,
  args: string[],
  timeoutMs = 20_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} timed out: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('latin1')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const peersDir = path.join(root, 'lib/live/peers');
