import type { Prediction } from '../predictions';
import type { Timeline } from '../seek';

/*
 * A scenario's prediction prompts as quiz questions for a learning platform (issue 19): the same
 * question, choices and feedback the page asks, each with the address of the step it is asked at,
 * so a student can watch the answer happen. The writers (moodle.ts, qti.ts) turn these into files.
 */

/** One multiple-choice question: exactly one choice is right. */
export interface QuizQuestion {
  /** A stable identifier, `<scenario>-<n>` (n from 1, in the order the story asks them; see xmlName). */
  readonly id: string;
  /** The scenario's title, shown with the link ("Laptop and phone, step 9"). */
  readonly scenarioTitle: string;
  /** The step the page pauses at to ask it: 0-based, as in `?step=`. */
  readonly step: number;
  /** The absolute address of that step in the lab. */
  readonly url: string;
  readonly question: string;
  readonly choices: Prediction['choices'];
}

/** What one scenario brings to a quiz. */
export interface QuizSource {
  readonly scenarioTitle: string;
  readonly timeline: Timeline;
  readonly predictions: readonly Prediction[];
  /** The address of a step (0-based), absolute: e.g. `https://lab.example/?scenario=x&step=8`. */
  readonly stepUrl: (step: number) => string;
}

/**
 * The questions of `sources`, in order. A prediction is asked at the first step of the intent it
 * precedes (as the page does); one whose intent has no step, or that has not exactly one right
 * choice, is left out rather than exported wrong.
 */
export function quizQuestions(sources: readonly QuizSource[]): QuizQuestion[] {
  const out: QuizQuestion[] = [];
  for (const source of sources) {
    let n = 0;
    for (const prediction of source.predictions) {
      const step = source.timeline.steps.findIndex((s) => s.intent === prediction.beforeIntent);
      if (step < 0 || prediction.choices.filter((c) => c.correct).length !== 1) continue;
      n += 1;
      out.push({
        id: `${xmlName(source.timeline.scenario)}-${n}`,
        scenarioTitle: source.scenarioTitle,
        step,
        url: source.stepUrl(step),
        question: prediction.question,
        choices: prediction.choices,
      });
    }
  }
  return out;
}

/**
 * `name` as an XML name that QTI identifiers and file names accept: letters, digits, `-`, `_`, `.`,
 * starting with a letter ("laptop-and-phone" stays; "2 phones!" becomes "s-2-phones-").
 */
export function xmlName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z_]/.test(safe) ? safe : `s-${safe}`;
}

/** The link text under each question: where in the lab the answer can be watched (step from 1). */
export function watchLabel(question: QuizQuestion): string {
  return `Watch it in POP vs IMAP Lab: ${question.scenarioTitle}, step ${question.step + 1}`;
}
