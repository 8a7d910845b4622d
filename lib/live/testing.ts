import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
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

/** A test's raw TCP conversation with a live server (converse). */
export interface Conversation {
  readonly socket: net.Socket;
  /** Everything the server has sent so far, as latin1 text. */
  said(): string;
  /** Waits (up to 2 s) until what the server said matches `reply`; false if it never did. */
  waitFor(reply: RegExp): Promise<boolean>;
  /** Sends `line` and CRLF, then waits for `reply`. */
  say(line: string, reply: RegExp): Promise<boolean>;
}

/** Opens a TCP connection to 127.0.0.1:`port` and waits for the server's first line. */
export async function converse(port: number): Promise<Conversation> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.setEncoding('latin1');
  let buffer = '';
  socket.on('data', (d: string) => (buffer += d));
  const waitFor = async (reply: RegExp) => {
    for (let i = 0; i < 400 && !reply.test(buffer); i++) await new Promise((r) => setTimeout(r, 5));
    return reply.test(buffer);
  };
  await waitFor(/\r\n/);
  return {
    socket,
    said: () => buffer,
    waitFor,
    say: (line, reply) => {
      socket.write(line + '\r\n');
      return waitFor(reply);
    },
  };
}
