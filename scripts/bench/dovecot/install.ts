/**
 * Dovecot for `npm run bench:engine -- --dovecot`: installed from Debian's apt (`dovecot-imapd`,
 * `dovecot-pop3d`, 2.3.19 on bookworm) when it is missing and this process runs as root. The
 * packages' own service is not started by the benchmark (only by apt, if the machine's
 * policy-rc.d lets it); if apt starts it, it is stopped again here so that nothing stays running.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Where Debian puts the master binary and the per-protocol binaries. */
export const DOVECOT = '/usr/sbin/dovecot';
const PROTOCOL_BINARIES = ['/usr/lib/dovecot/imap', '/usr/lib/dovecot/pop3'];
/** The system instance's pid file (the package's default base_dir). */
const SYSTEM_PID = '/run/dovecot/master.pid';

/** Either Dovecot's version (`dovecot --version`, e.g. "2.3.19.1 (9b53102964)"), or why not. */
export type DovecotAvailable = { ok: true; version: string } | { ok: false; why: string };

function installed(): boolean {
  return [DOVECOT, ...PROTOCOL_BINARIES].every((p) => existsSync(p));
}

function systemInstanceRunning(): boolean {
  try {
    const pid = Number(readFileSync(SYSTEM_PID, 'utf8').trim());
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * Makes sure Dovecot's IMAP and POP3 servers are installed: installs them with apt-get when they
 * are missing and we are root (`apt-get update` first only if the install fails without it).
 * Never throws; says why when Dovecot cannot be had.
 */
export function ensureDovecot(): DovecotAvailable {
  if (!installed()) {
    if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
      return { ok: false, why: 'Dovecot is not installed and this machine has no apt-get' };
    }
    if (process.getuid?.() !== 0) {
      return {
        ok: false,
        why: 'Dovecot is not installed and installing it needs root (apt-get install dovecot-imapd dovecot-pop3d)',
      };
    }
    const wasRunning = systemInstanceRunning();
    console.log('Installing Dovecot from apt (dovecot-imapd, dovecot-pop3d)…');
    const packages = ['install', '-y', '--no-install-recommends', 'dovecot-imapd', 'dovecot-pop3d'];
    if (!aptGet(packages) && !(aptGet(['update']) && aptGet(packages))) {
      return { ok: false, why: 'apt-get could not install dovecot-imapd and dovecot-pop3d' };
    }
    // Where apt may start services, it starts the system instance on ports 110/143: stop it.
    if (!wasRunning && systemInstanceRunning()) spawnSync(DOVECOT, ['stop'], { stdio: 'ignore' });
    if (!installed()) return { ok: false, why: 'apt-get ran but Dovecot’s binaries are missing' };
  }
  const version = spawnSync(DOVECOT, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return { ok: false, why: `${DOVECOT} --version failed: ${version.stderr}` };
  return { ok: true, version: version.stdout.trim() };
}
