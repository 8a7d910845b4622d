/**
 * npm run bench:classroom — a class of 200 at full load (issue 19). Serves the production build
 * as `npm start` does (lib/live/start-app.mjs, on loopback), opens the class through the
 * trainer's API, joins N students through the join API with the code, and opens each student's
 * event stream (/api/class/events/). Then, for --seconds, at once:
 * - the trainer walks through every scenario with prediction prompts, one action every --pace
 *   ms (step; at a prompt, `again` if it was revealed before, then `reveal` once all answered);
 * - every student answers each open prompt (a random choice) as soon as its page shows it;
 * - every student runs a mail session on their own account, in a loop (half IMAP, half POP3,
 *   as bench:live: class-mail.ts).
 * Event delivery latency: from just before the trainer's request is sent to the moment each
 * student's stream brings a view showing that action (performance.now(), one process).
 * Prints delivery p50/p99 (target p99 < 500 ms), errors (target 0: refused or failed requests,
 * streams that ended, views not delivered within 5 s, mail commands not OK) and the server's
 * memory after the class joined and --after seconds after the load (target: RSS within 20 %).
 * Exits 1 on any error. Flags: --students N (200), --seconds N (30), --pace ms (400), --after N (10).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { imapLoop, pop3Loop, type MailTally } from './class-mail';
import { answer, follow, join, jsonHeaders, type BenchStudentView } from './class-student';
import { serveBuild } from './serve-build';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    pace: { type: 'string', default: '400' },
    after: { type: 'string', default: '10' },
  },
});
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const PACE = Number(values.pace);
const AFTER = Number(values.after);
const PORT = 3305;
const BASE = `http://127.0.0.1:${PORT}`;
const DELIVERY_TIMEOUT_MS = 5_000;

interface Memory {
  rss: number;
  heapUsed: number;
}
interface PresenterView {
  code: string | null;
  prompt: { key: string; revealed: boolean } | null;
}

const errors: string[] = [];
const fail = (what: string) => errors.push(what);

async function state(): Promise<{ imapPort: number; pop3Port: number; memory: Memory }> {
  return ((await (await fetch(`${BASE}/api/live/state/`)).json()) as { info: never }).info;
}

async function trainer(body: object): Promise<PresenterView | null> {
  const response = await fetch(`${BASE}/api/class/trainer/`, {
    method: 'POST',
    headers: jsonHeaders(BASE),
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; view?: PresenterView; error?: string };
  if (!json.ok || !json.view) {
    fail(`trainer ${JSON.stringify(body)}: ${response.status} ${json.error}`);
    return null;
  }
  return json.view;
}

/** The trainer's action being timed: which view shows it, when it was sent, who has seen it. */
interface Action {
  shows: (view: BenchStudentView) => boolean;
  sentAt: number;
  seen: Set<number>;
  all: () => void;
}
let action: Action | null = null;
const deliveries: number[] = [];
/** Incremented each time a prompt opens for answers; a student answers once per round. */
let round = 0;
let answersThisRound = 0;

/** Sends a trainer action and waits until every student's page shows it (or the timeout). */
async function timed(body: object, shows: Action['shows']): Promise<PresenterView | null> {
  let all = () => undefined as void;
  const allSeen = new Promise<void>((resolve) => (all = resolve));
  action = { shows, sentAt: performance.now(), seen: new Set(), all };
  const view = await trainer(body);
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), DELIVERY_TIMEOUT_MS));
  if (view && (await Promise.race([allSeen, timeout])) === 'timeout')
    fail(`${STUDENTS - action.seen.size} students did not see ${JSON.stringify(body)} within 5 s`);
  action = null;
  return view;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

async function main() {
  const { LESSON_SCENARIOS } = await import('../../lib/live/classroom/lesson');
  const lesson = LESSON_SCENARIOS.filter((s) => s.promptSteps.length > 0);
  const server = await serveBuild(PORT, {
    readyPath: '/api/live/state/',
    asNpmStart: true,
    env: Object.fromEntries(
      ['POP3', 'IMAP', 'SMTP', 'IMAPS', 'POP3S', 'SUBMISSIONS'].map((p) => [`LIVE_${p}_PORT`, '0']),
    ),
  });
  const streams: { close: () => Promise<void> }[] = [];
  try {
    const opened = await trainer({ action: 'open' });
    if (!opened?.code) throw new Error(`the class did not open: ${errors.join('; ')}`);
    const ports = await state();
    const students: { token: string; view: BenchStudentView | null; round: number }[] = [];
    for (let i = 0; i < STUDENTS; i++)
      students.push({ token: await join(BASE, opened.code, `Student ${i + 1}`), view: null, round: 0 });
    const ready = students.map(
      (s, i) =>
        new Promise<void>((resolve) => {
          streams.push(
            follow(
              BASE,
              s.token,
              (view, at) => {
                s.view = view;
                resolve();
                if (action && !action.seen.has(i) && action.shows(view)) {
                  action.seen.add(i);
                  deliveries.push(at - action.sentAt);
                  if (action.seen.size === STUDENTS) action.all();
                }
                const p = view.prompt;
                if (p && !p.revealed && p.answered === null && s.round !== round) {
                  s.round = round;
                  void answer(BASE, s.token, p.key, Math.floor(Math.random() * p.choices.length)).then(
                    (e) => {
                      answersThisRound++;
                      if (e) fail(`${view.me.user}: ${e}`);
                    },
                  );
                }
              },
              (why) => fail(`student ${i + 1}'s stream: ${why}`),
            ),
          );
        }),
    );
    await Promise.all(ready);
    await pause(1000);
    const before = await state();
    const peak = { ...before.memory };
    const sampler = setInterval(() => {
      state()
        .then((s) => {
          peak.rss = Math.max(peak.rss, s.memory.rss);
          peak.heapUsed = Math.max(peak.heapUsed, s.memory.heapUsed);
        })
        .catch(() => undefined);
    }, 2000);
    console.log(
      `Classroom load: ${STUDENTS} students following and answering, ${STUDENTS} mail sessions ` +
        `(${Math.ceil(STUDENTS / 2)} IMAP, ${Math.floor(STUDENTS / 2)} POP3), ${SECONDS} s, a trainer action every ${PACE} ms`,
    );
    const deadline = performance.now() + SECONDS * 1000;
    const tally: MailTally = { commands: 0, errors: 0, firstError: null };
    const mail = students.map((s, i) =>
      (i % 2 === 0 ? imapLoop : pop3Loop)(
        i % 2 === 0 ? ports.imapPort : ports.pop3Port,
        s.view!.me.user,
        s.view!.me.password,
        deadline,
        tally,
      ),
    );
    let actions = 0;
    let prompts = 0;
    walk: for (let n = 0; ; n++) {
      const scenario = lesson[n % lesson.length]!;
      for (let step = 0; step < scenario.steps.length; step++) {
        if (performance.now() >= deadline) break walk;
        // Before the step is sent: a page may show its prompt before the trainer hears back.
        if (scenario.promptSteps.includes(step)) {
          round++;
          answersThisRound = 0;
        }
        const view = await timed(
          { action: 'step', scenario: scenario.id, step },
          (v) => v.step?.scenario === scenario.id && v.step.step === step,
        );
        actions++;
        if (view?.prompt) {
          const key = view.prompt.key;
          if (view.prompt.revealed) {
            await pause(PACE);
            await timed({ action: 'again' }, (v) => v.prompt?.key === key && !v.prompt.revealed);
            actions++;
          }
          prompts++;
          const until = performance.now() + DELIVERY_TIMEOUT_MS;
          while (answersThisRound < STUDENTS && performance.now() < until) await pause(20);
          if (answersThisRound < STUDENTS) fail(`${STUDENTS - answersThisRound} answers to ${key} missing`);
          await pause(PACE);
          await timed({ action: 'reveal' }, (v) => v.prompt?.key === key && v.prompt.revealed);
          actions++;
        }
        await pause(PACE);
      }
    }
    await Promise.all(mail);
    clearInterval(sampler);
    await pause(AFTER * 1000);
    const after = (await state()).memory;
    deliveries.sort((a, b) => a - b);
    const p99 = pct(deliveries, 0.99);
    const all = errors.length + tally.errors;
    console.log(
      `  delivery   ${deliveries.length} views of ${actions} trainer actions (${prompts} prompts answered by all): ` +
        `p50 ${pct(deliveries, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${(deliveries.at(-1) ?? NaN).toFixed(0)} ms   ` +
        `(target p99 < 500 ms: ${verdict(p99 < 500)})`,
    );
    console.log(
      `  mail       ${tally.commands} commands (${(tally.commands / SECONDS).toFixed(0)}/s), ${tally.errors} not OK`,
    );
    console.log(`  errors     ${all}   (target 0: ${verdict(all === 0)})`);
    for (const e of [...errors.slice(0, 5), ...(tally.firstError ? [`mail: ${tally.firstError}`] : [])])
      console.log(`             ${e}`);
    const m = before.memory;
    console.log(
      `  server RSS after joining ${mib(m.rss)}, peak ${mib(peak.rss)}, ${AFTER} s after ${mib(after.rss)}   ` +
        `(target: within 20 %: ${verdict(after.rss <= m.rss * 1.2)}); heap used ${mib(m.heapUsed)} → ${mib(after.heapUsed)}`,
    );
    process.exitCode = all === 0 ? 0 : 1;
  } finally {
    await Promise.all(streams.map((s) => s.close()));
    server.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:classroom: ${error.message}`);
  process.exitCode = 1;
});
