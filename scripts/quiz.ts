/**
 * Exports the lab's prediction prompts as a quiz for a learning platform (docs/CLASSROOM.md,
 * "Quizzes"):
 *
 *   npm run quiz -- --format moodle --out predictions.xml [--base URL] [--scenario ID ...]
 *   npm run quiz -- --format qti --out predictions.zip [--base URL] [--story FILE.json]
 *
 * `moodle` writes Moodle XML (Question bank → Import → Moodle XML format); `qti` an IMS QTI 2.1
 * content package (a zip) that Canvas, Blackboard, ILIAS, Sakai and OpenOLAT import. Every
 * question links to the step where the lab asks it, under BASE (where the lab is served; default
 * http://127.0.0.1:3000). Without --scenario or --story, every built-in scenario's prompts.
 * Exits 2 on a wrong argument, an unknown scenario or an invalid story (with its problems).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeStoryParam } from '../app/_components/story-link';
import { moodleXml } from '../simulations/quiz/moodle';
import { qtiPackage } from '../simulations/quiz/qti';
import { quizQuestions, xmlName, type QuizSource } from '../simulations/quiz/questions';
import { builtinQuizSources } from '../simulations/quiz/sources';
import { runStory } from '../simulations/stories/play';
import { formatProblems, parseStoryText } from '../simulations/stories/validate';

function fail(message: string): never {
  console.error(`quiz: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string', default: 'http://127.0.0.1:3000' },
      scenario: { type: 'string', multiple: true, default: [] },
      story: { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
const { format, out, base, scenario, story } = values;
if (format !== 'moodle' && format !== 'qti') fail('--format must be moodle or qti');
if (!out) fail('--out FILE is required');
try {
  new URL(base!);
} catch {
  fail(`--base must be an absolute URL, such as https://lab.example.org (got ${base})`);
}

let sources: QuizSource[];
let name = 'pop-vs-imap-lab';
let title = 'POP vs IMAP Lab: predictions';
if (story) {
  const parsed = parseStoryText(readFileSync(story, 'utf8'));
  if (!parsed.ok) fail(`${story} is not a valid story:\n${formatProblems(parsed.problems)}`);
  const run = runStory(parsed.story);
  if (!run.ok) fail(`${story} does not run:\n${formatProblems(run.problems)}`);
  const param = encodeStoryParam(parsed.story);
  sources = [
    {
      scenarioTitle: parsed.story.title,
      timeline: run.timeline,
      predictions: parsed.story.predictions ?? [],
      stepUrl: (step) => `${new URL('/', base).href}?story=${param}&step=${step}`,
    },
  ];
  name = xmlName(run.scenario.id);
  title = `POP vs IMAP Lab: ${parsed.story.title}`;
} else {
  const picked = builtinQuizSources(base!, scenario);
  if (picked.unknown.length > 0)
    fail(`no built-in scenario with predictions is called ${picked.unknown.join(', ')}`);
  sources = picked.sources;
}
const questions = quizQuestions(sources);
if (questions.length === 0) fail('there are no prediction prompts to export');
writeFileSync(out!, format === 'moodle' ? moodleXml(questions) : qtiPackage(questions, name, title));
console.log(`quiz: ${questions.length} question${questions.length === 1 ? '' : 's'} written to ${out}`);
