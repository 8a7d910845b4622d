import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

export interface MailServerProcess {
  pop3Port: number;
  imapPort: number;
  /** SMTP submission (lib/smtp). */
  smtpPort: number;
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
      ...args,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const ports = await new Promise<{ pop3: number; imap: number; smtp: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mail server did not start: ${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const pop3 = /POP3 listening on [^:]+:(\d+)/.exec(output);
      const imap = /IMAP listening on [^:]+:(\d+)/.exec(output);
      const smtp = /SMTP listening on [^:]+:(\d+)/.exec(output);
      if (pop3 && imap && smtp) {
        clearTimeout(timer);
        resolve({ pop3: Number(pop3[1]), imap: Number(imap[1]), smtp: Number(smtp[1]) });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`mail server exited with ${code}: ${output}`)));
  });
  return {
    pop3Port: ports.pop3,
    imapPort: ports.imap,
    smtpPort: ports.smtp,
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
