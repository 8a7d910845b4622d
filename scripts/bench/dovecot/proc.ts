/**
 * A process and its descendants, read from Linux's /proc: Dovecot is a master with one process
 * per service and per session, so its memory and CPU are sums over that tree.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second for /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS = 100;

/** One process: resident and proportional set size (bytes), CPU used (ms). */
export interface ProcessFigures {
  pid: number;
  ppid: number;
  /** VmRSS: pages it has resident, shared pages counted in full. */
  rss: number;
  /** Pss: shared pages divided among the processes sharing them (sums to what the tree uses). */
  pss: number;
  /** utime + stime, ms. */
  cpu: number;
  /** cutime + cstime: children it has waited for, ms. */
  childrenCpu: number;
}

/** The fields of /proc/<pid>/stat after the command name (the first is field 3, the state). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // it exited
  }
}

function read(pid: number, fields: string[]): ProcessFigures | null {
  try {
    const ticks = (i: number) => (Number(fields[i - 3]) * 1000) / TICKS;
    const kib = (text: string, key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    let rollup = '';
    try {
      rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    } catch {
      // Older kernels: no rollup, PSS reads 0.
    }
    return {
      pid,
      ppid: Number(fields[1]),
      rss: kib(status, 'VmRSS'),
      pss: kib(rollup, 'Pss'),
      cpu: ticks(14) + ticks(15),
      childrenCpu: ticks(16) + ticks(17),
    };
  } catch {
    return null; // it exited while we read
  }
}

/** `root` and every process descended from it, as they are now. */
export function processTree(root: number): ProcessFigures[] {
  const stats = new Map<number, string[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields) stats.set(Number(name), fields);
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, fields] of stats) {
      if (!inTree.has(pid) && inTree.has(Number(fields[1]))) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return [...inTree]
    .map((pid) => (stats.has(pid) ? read(pid, stats.get(pid)!) : null))
    .filter((p): p is ProcessFigures => p !== null);
}
