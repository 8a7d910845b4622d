/**
 * A throw-away Dovecot for `npm run bench:engine -- --dovecot`: its own configuration, state,
 * logs and Maildirs in a temporary directory, IMAP and POP3 on loopback ports picked free, no
 * TLS, passwd-file users with plaintext passwords (plaintext login allowed: loopback only), mail
 * stored and served as the unprivileged user `nobody`. Otherwise Dovecot's built-in defaults
 * (one imap or pop3 process per session, `service_count = 1` login processes), except that one
 * user may hold 1,000 sessions from one address (the default, 10, would refuse the benchmark's
 * 25 IMAP sessions of one user). `stop()` ends the master, which ends its children, and removes
 * the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOVECOT } from './install';
import type { BenchMessage } from '../mailboxes';
import { writeMaildir } from './maildir';
import { processTree } from './proc';

/** The user the mail is stored and served as (Debian's `nobody`/`nogroup`). */
const MAIL_OWNER = { uid: 65534, gid: 65534 };

/** A free loopback port (free when asked; Dovecot binds it a moment later). */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

function config(dir: string, imap: number, pop3: number): string {
  return `# Written by scripts/bench/dovecot/instance.ts for one benchmark run.
instance_name = bench-dovecot-${process.pid}
base_dir = ${dir}/run
state_dir = ${dir}/state
protocols = imap pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${MAIL_OWNER.uid} gid=${MAIL_OWNER.gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imap}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${pop3}
  }
  inet_listener pop3s {
    port = 0
  }
}
protocol imap {
  mail_max_userip_connections = 1000
}
protocol pop3 {
  mail_max_userip_connections = 1000
}
`;
}

/** A running Dovecot: its ports, its processes' memory and CPU, and how to stop it. */
export class DovecotInstance {
  private constructor(
    private readonly dir: string,
    private readonly master: ChildProcess,
    readonly imapPort: number,
    readonly pop3Port: number,
  ) {}

  /**
   * Writes the configuration and the users' Maildirs (`mailboxes`: user → INBOX messages, every
   * password `secret`), then starts `dovecot -F` and waits until its IMAP port answers (at most
   * 10 s). Throws, after cleaning up, if Dovecot does not come up; the error holds its log.
   */
  static async start(mailboxes: ReadonlyMap<string, readonly BenchMessage[]>): Promise<DovecotInstance> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-dovecot-'));
    // Dovecot's processes run as other users (nobody, dovenull, dovecot) and must reach their dirs.
    chmodSync(dir, 0o755);
    for (const [user, messages] of mailboxes) writeMaildir(join(dir, 'home', user), messages, MAIL_OWNER);
    mkdirSync(join(dir, 'home'), { recursive: true });
    writeFileSync(
      join(dir, 'passwd'),
      [...mailboxes.keys()].map((user) => `${user}:{PLAIN}secret::::::\n`).join(''),
    );
    const [imap, pop3] = [await freePort(), await freePort()];
    writeFileSync(join(dir, 'dovecot.conf'), config(dir, imap, pop3));
    const master = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    master.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const instance = new DovecotInstance(dir, master, imap, pop3);
    // If this process ends without stop() (an uncaught error), take Dovecot and its files along.
    const cleanUp = () => {
      master.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', cleanUp);
    master.once('exit', () => process.off('exit', cleanUp));
    const deadline = Date.now() + 10_000;
    while (!(await answers(imap))) {
      if (master.exitCode !== null || Date.now() > deadline) {
        const log = instance.log();
        await instance.stop();
        throw new Error(`Dovecot did not start: ${stderr}${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return instance;
  }

  /** RSS and PSS summed over the master and all its descendants, bytes (see proc.ts). */
  memory(): { rss: number; pss: number; processes: number } {
    const tree = processTree(this.master.pid!);
    return {
      rss: tree.reduce((s, p) => s + p.rss, 0),
      pss: tree.reduce((s, p) => s + p.pss, 0),
      processes: tree.length,
    };
  }

  /**
   * CPU time used so far, ms: the live processes' own, plus what the master has collected from
   * children that exited (a session's process ends with its session).
   */
  cpu(): number {
    return processTree(this.master.pid!).reduce(
      (s, p) => s + p.cpu + (p.pid === this.master.pid ? p.childrenCpu : 0),
      0,
    );
  }

  /** Dovecot's log so far (errors of a failed start or of refused sessions). */
  log(): string {
    try {
      return readFileSync(join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops the master (SIGTERM; SIGKILL after 5 s), which stops its children; removes the directory. */
  async stop(): Promise<void> {
    if (this.master.exitCode === null && this.master.signalCode === null) {
      const exited = once(this.master, 'exit');
      this.master.kill('SIGTERM');
      const timer = setTimeout(() => this.master.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function answers(port: number): Promise<boolean> {
  const socket = net.connect(port, '127.0.0.1');
  try {
    await Promise.race([once(socket, 'data'), new Promise((_, reject) => setTimeout(reject, 1000))]);
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}
