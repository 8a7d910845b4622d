import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processTree } from './proc';

describe.runIf(process.platform === 'linux')(
  'processTree (Dovecot’s memory and CPU are sums over it)',
  () => {
    it('holds the root and a child it started, with their resident memory', async () => {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
      await once(child, 'spawn');
      try {
        const tree = processTree(process.pid);
        const pids = tree.map((p) => p.pid);
        expect(pids).toContain(process.pid);
        expect(pids).toContain(child.pid);
        const me = tree.find((p) => p.pid === process.pid)!;
        expect(me.rss).toBeGreaterThan(1024 * 1024);
        expect(me.pss).toBeGreaterThan(0);
        expect(me.pss).toBeLessThanOrEqual(me.rss);
        expect(me.cpu).toBeGreaterThan(0);
        expect(tree.find((p) => p.pid === child.pid)!.ppid).toBe(process.pid);
      } finally {
        child.kill();
      }
    });

    it('leaves out processes that are not descendants', () => {
      expect(processTree(process.pid).map((p) => p.pid)).not.toContain(1);
    });
  },
);
