/**
 * npm run simulate -- --scenario <id> [--protocol pop3|imap|both] [--format text|json]
 * npm run simulate -- --story <file.json> [--protocol …] [--format …]   (docs/STORIES.md)
 *   either with [--variant <id>]: one of the scenario's or story's variants
 * npm run simulate -- --list
 * JSON Lines: one frame a line; every wire line carries its `explanation` and `rfc` (lib/explain),
 * server replies as well as commands. Unknown scenarios, bad flags and a story file that is not
 * valid (every problem with its JSON path): a message on stderr and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bytesToDisplayText } from '../lib/wire/bytes';
import type { Scenario } from './scenario';
import { variantsOf } from './catalog';
import { findScenario, SCENARIOS } from './scenarios';
import { storyToScenario, type StoryScenario } from './stories/convert';
import { playStory, type StoryPlay } from './stories/play';
import { formatProblems, parseStoryText, type StoryProblem } from './stories/validate';
import { applyVariant } from './stories/variants';
import { results, scenarioTimeline, type Timeline } from './timeline';
import type { Frame, Protocol } from './types';

export class UsageError extends Error {}

export interface CliOptions {
  list: boolean;
  scenario: Scenario | null;
  /** The story file `scenario` came from (--story), if any. */
  storyFile?: string;
  protocols: Protocol[];
  format: 'text' | 'json';
}

export function parseCli(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        list: { type: 'boolean', default: false },
        scenario: { type: 'string' },
        story: { type: 'string' },
        variant: { type: 'string' },
        protocol: { type: 'string', default: 'both' },
        format: { type: 'string', default: 'text' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!['pop3', 'imap', 'both'].includes(values.protocol!))
    throw new UsageError('--protocol must be pop3, imap or both');
  if (!['text', 'json'].includes(values.format!)) throw new UsageError('--format must be text or json');
  if (values.list) return { list: true, scenario: null, protocols: [], format: 'text' };
  if (values.scenario && values.story) throw new UsageError('give --scenario or --story, not both');
  const protocols: Protocol[] = values.protocol === 'both' ? ['pop3', 'imap'] : [values.protocol as Protocol];
  const format = values.format as 'text' | 'json';
  if (values.story)
    return {
      list: false,
      scenario: readStory(values.story, values.variant),
      storyFile: values.story,
      protocols,
      format,
    };
  if (!values.scenario)
    throw new UsageError('--scenario <id> or --story <file.json> is required (see --list)');
  const scenario = findScenario(values.scenario);
  if (!scenario)
    throw new UsageError(
      `unknown scenario "${values.scenario}"; known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
  return {
    list: false,
    scenario: values.variant ? withVariant(scenario, values.variant) : scenario,
    protocols,
    format,
  };
}

/** A built-in told as its variant `id`: that variant's setup and checks, its label in the title. */
function withVariant(scenario: Scenario, id: string): Scenario {
  const variant = scenario.variants?.find((v) => v.id === id);
  if (!variant) throw new UsageError(unknownVariant(scenario.id, id, scenario.variants ?? []));
  const label = variantsOf(scenario.id).find((v) => v.id === id)!.label;
  return {
    ...scenario,
    title: `${scenario.title} (${label})`,
    setup: variant.setup,
    takeaways: variant.takeaways,
  };
}

function unknownVariant(of: string, id: string, known: readonly { id: string }[]): string {
  return `${of} has no variant "${id}"; ${known.length > 0 ? `known: ${known.map((v) => v.id).join(', ')}` : 'it has none'}`;
}

/** A story file as a scenario; a file that cannot be read, or is not a valid story, is a usage error. */
function readStory(file: string, variant?: string): StoryScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the story ${file}: ${(error as Error).message}`);
  }
  const check = parseStoryText(text);
  if (!check.ok) throw new UsageError(notValid(file, check.problems));
  if (variant === undefined) return storyToScenario(check.story);
  const label = check.story.variants?.find((v) => v.id === variant)?.label;
  if (label === undefined) throw new UsageError(unknownVariant(file, variant, check.story.variants ?? []));
  const told = applyVariant(check.story, variant);
  return storyToScenario({ ...told, title: `${told.title} (${label})` });
}

/** A built-in's timeline; a throw is a simulator bug. */
function buildScenario(scenario: Scenario): StoryPlay {
  try {
    return { ok: true, timeline: scenarioTimeline(scenario) };
  } catch (error) {
    return {
      ok: false,
      kind: 'failed',
      problems: [{ path: 'story', message: `the simulator failed (a bug): ${String(error)}` }],
    };
  }
}

function isStory(scenario: Scenario): scenario is StoryScenario {
  return 'storyTakeaways' in scenario;
}

/** "FILE is not a valid story", then each problem on its own line. */
function notValid(file: string, problems: readonly StoryProblem[]): string {
  return `${file} is not a valid story (docs/STORIES.md):\n${formatProblems(problems).replace(/^/gm, '  ')}`;
}

/** A story's own takeaways: the author's words, which the simulator does not check. */
function storyTakeaways(scenario: Scenario): readonly string[] {
  return (scenario as Partial<StoryScenario>).storyTakeaways ?? [];
}

export function listScenarios(): string {
  return SCENARIOS.map((s) => `${s.id.padEnd(20)} ${s.title}\n${' '.repeat(21)}${s.claim}`).join('\n');
}

/** Frames in lockstep order, each with the lockstep step at which it first shows. */
function framesInOrder(timeline: Timeline, protocols: readonly Protocol[]): { step: number; frame: Frame }[] {
  const out: { step: number; frame: Frame }[] = [];
  const seen = { pop3: -1, imap: -1 };
  timeline.steps.forEach((s, step) => {
    for (const p of protocols) {
      if (s[p] > seen[p]) {
        seen[p] = s[p];
        out.push({ step, frame: timeline.tracks[p][s[p]]! });
      }
    }
  });
  return out;
}

export function toJsonLines(scenario: Scenario, timeline: Timeline, protocols: readonly Protocol[]): string {
  const lines = framesInOrder(timeline, protocols).map(({ step, frame }) =>
    JSON.stringify({
      step,
      t: frame.t,
      // What is on the wire: `smtp` for sending and delivery, shown in either column.
      protocol: frame.wire ?? frame.protocol,
      column: frame.protocol,
      device: frame.device,
      direction: frame.direction,
      raw: frame.raw === null ? null : bytesToDisplayText(frame.raw),
      narration: frame.narration,
      intent: frame.intent,
      command: frame.command,
      bytes: frame.bytes,
      explanation: frame.explanation,
      rfc: frame.rfc,
    }),
  );
  const runs = results(timeline);
  const summary: Record<string, unknown> = { type: 'summary', scenario: scenario.id, claim: scenario.claim };
  for (const p of protocols) {
    const last = runs[p].last;
    summary[p] = {
      server: last.server.accounts.map((a) => ({
        user: a.user,
        mailboxes: a.mailboxes.map((b) => ({
          name: b.name,
          messages: b.messages.map((m) => ({ uid: m.uid, flags: m.flags })),
        })),
      })),
      devices: last.devices.map((d) => ({
        id: d.id,
        messages: d.messages.map((m) => ({
          uid: m.uid,
          account: m.account,
          seen: m.seen,
          flagged: m.flagged,
          hasBody: m.hasBody,
        })),
      })),
      metrics: last.metrics,
    };
  }
  summary.takeaways = scenario.takeaways(runs);
  if (storyTakeaways(scenario).length > 0) summary.storyTakeaways = storyTakeaways(scenario);
  lines.push(JSON.stringify(summary));
  return lines.join('\n') + '\n';
}

/** A readable transcript: one column per protocol, C:/S: lines, notes in brackets. */
export function toText(scenario: Scenario, timeline: Timeline, protocols: readonly Protocol[]): string {
  const width = protocols.length === 2 ? 58 : 110;
  const cell = (frame: Frame | undefined) => {
    if (!frame) return '';
    const text =
      frame.direction === 'none'
        ? `[${frame.narration}]`
        : `${frame.device}> ${frame.wire ? 'SMTP ' : ''}${frame.direction === 'c2s' ? 'C' : 'S'}: ${bytesToDisplayText(frame.display ?? '').split('\r\n')[0]}`;
    return text.length > width ? text.slice(0, width - 1) + '…' : text;
  };
  const out = [
    `${scenario.title}`,
    `${scenario.claim}`,
    '',
    protocols.map((p) => p.toUpperCase().padEnd(width)).join(' | '),
  ];
  out.push(protocols.map(() => '-'.repeat(width)).join('-+-'));
  const seen = { pop3: -1, imap: -1 };
  for (const s of timeline.steps) {
    const cells = protocols.map((p) => {
      if (s[p] <= seen[p]) return '';
      seen[p] = s[p];
      return cell(timeline.tracks[p][s[p]]);
    });
    if (cells.some((c) => c !== ''))
      out.push(
        cells
          .map((c) => c.padEnd(width))
          .join(' | ')
          .trimEnd(),
      );
  }
  out.push('', 'Takeaways:');
  for (const t of scenario.takeaways(results(timeline))) out.push(`  ${t.holds ? '✓' : '✗'} ${t.statement}`);
  if (storyTakeaways(scenario).length > 0) {
    out.push("  (the story's own, not checked by the simulator:)");
    for (const t of storyTakeaways(scenario)) out.push(`  • ${t}`);
  }
  return out.join('\n') + '\n';
}

export function runCli(argv: string[]): { code: number; stdout: string; stderr: string } {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: '', stderr: `simulate: ${error.message}\n` };
    throw error;
  }
  if (options.list) return { code: 0, stdout: listScenarios() + '\n', stderr: '' };
  const scenario = options.scenario!;
  const built = isStory(scenario) ? playStory(scenario) : buildScenario(scenario);
  if (!built.ok)
    return built.kind === 'invalid'
      ? {
          code: 2,
          stdout: '',
          stderr: `simulate: ${notValid(options.storyFile ?? scenario.id, built.problems)}\n`,
        }
      : { code: 1, stdout: '', stderr: `simulate: ${built.problems[0]!.message}\n` };
  const timeline = built.timeline;
  const stdout =
    options.format === 'json'
      ? toJsonLines(scenario, timeline, options.protocols)
      : toText(scenario, timeline, options.protocols);
  return { code: 0, stdout, stderr: '' };
}

if (process.argv[1] && /simulations\/cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  const { code, stdout, stderr } = runCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
