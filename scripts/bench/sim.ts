/**
 * npm run bench:sim — prints figures, no pass/fail:
 *  - time to build each scenario's full timeline (both protocols);
 *  - seek time to random steps of a sandbox timeline of at least 1,000 steps (target < 16 ms).
 */
import { performance } from 'node:perf_hooks';
import { SCENARIOS, findScenario } from '../../simulations/scenarios';
import { scenarioTimeline, seek } from '../../simulations/timeline';
import type { Intent } from '../../simulations/types';

function main() {
  console.log('Build time per scenario (both protocols, median of 3):');
  for (const scenario of SCENARIOS) {
    const times: number[] = [];
    let steps = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      steps = scenarioTimeline(scenario).steps.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${scenario.id.padEnd(22)} ${times[1]!.toFixed(1).padStart(7)} ms  ${String(steps).padStart(5)} steps`,
    );
  }

  // A long sandbox session: the learner keeps acting on two devices.
  const cycle = (n: number): Intent[] => [
    { type: 'openApp', device: n % 2 ? 'phone' : 'laptop' },
    { type: 'openMessage', device: 'laptop', message: 1 + (n % 6) },
    { type: 'flag', device: 'phone', message: 1 + ((n + 2) % 6) },
    { type: 'newMail', subject: `Update ${n}`, from: 'Campus News <news@campus.example>' },
    { type: 'checkMail', device: 'phone' },
    { type: 'markUnread', device: 'laptop', message: 1 + ((n + 4) % 6) },
  ];
  const sandbox = findScenario('sandbox')!;
  const intents: Intent[] = [];
  let timeline = scenarioTimeline(sandbox, intents);
  const t0 = performance.now();
  for (let n = 0; timeline.steps.length < 1000; n++) {
    intents.push(...cycle(n));
    timeline = scenarioTimeline(sandbox, intents);
  }
  const buildMs = performance.now() - t0;
  console.log(
    `Sandbox timeline: ${timeline.steps.length} steps from ${intents.length} intents (built in ${buildMs.toFixed(0)} ms over the growth)`,
  );

  // Deterministic "random" steps: a linear congruential generator.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const step = Math.floor(next() * timeline.steps.length);
    const s0 = performance.now();
    const at = seek(timeline, step);
    // Touch what the UI reads so the work is not optimised away.
    if (at.pop3.devices.length + at.imap.devices.length < 0) throw new Error('unreachable');
    samples.push(performance.now() - s0);
  }
  samples.sort((a, b) => a - b);
  const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
  console.log(
    `Seek to a random step: median ${us(samples[5000]!)}, p99 ${us(samples[9900]!)}, max ${us(samples[9999]!)}   (target < 16 ms)`,
  );
}

main();
