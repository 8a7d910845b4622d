/**
 * Node only. The process's class: one {@link Room} (crypto randomness, the wall clock, the lab's
 * lesson, accounts made in the live hub's store) and the pages watching it. Every change is
 * pushed, at most every {@link PUSH_DELAY_MS}, as each page's whole view (so a page that missed
 * one loses nothing: the next replaces it).
 */
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { liveHub, type LiveHub } from '../hub';
import { LAB_LESSON, stepsShown } from './lesson';
import { Room, type Student } from './room';

/** Changes are pushed to pages together, this long after the first (milliseconds). */
export const PUSH_DELAY_MS = 50;

/** The trainer's step as pages show it. */
export interface StepView {
  readonly scenario: string;
  readonly title: string;
  /** 0-based. */
  readonly step: number;
  /** One sentence per step of the scenario. */
  readonly steps: readonly string[];
  /**
   * Per step, the step of the lab's player (0-based, as the embed's `?step=`) that shows it done,
   * so a student's device draws the scenario where the trainer is (lesson.ts `stepsShown`).
   */
  readonly shownAt: readonly number[];
}

/** A prompt's choice: the right answer and its feedback only once revealed. */
export interface ChoiceView {
  readonly text: string;
  readonly correct?: boolean;
  readonly feedback?: string;
}

/** What the presenter page shows: no student names unless the trainer shows them (`prompt.names`). */
export interface PresenterView {
  readonly open: boolean;
  readonly code: string | null;
  readonly codeExpiresAt: number | null;
  readonly students: number;
  readonly step: StepView | null;
  readonly prompt: {
    readonly key: string;
    readonly question: string;
    readonly choices: readonly ChoiceView[];
    /** Students per choice, in choice order. */
    readonly counts: readonly number[];
    /** Who chose each choice (display names), only while the trainer shows them; else null. */
    readonly names: readonly (readonly string[])[] | null;
    readonly revealed: boolean;
  } | null;
}

/** What one student's page shows: their account, the trainer's step, the open prompt. */
export interface StudentView {
  readonly me: {
    readonly number: number;
    readonly name: string;
    readonly user: string;
    readonly password: string;
  };
  readonly step: StepView | null;
  readonly prompt: {
    readonly key: string;
    readonly question: string;
    readonly choices: readonly ChoiceView[];
    /** The student's choice, or null. */
    readonly answered: number | null;
    readonly revealed: boolean;
  } | null;
}

type Push = () => void;

export class ClassHub {
  readonly room: Room;
  private readonly watchers = new Set<Push>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private qr: { url: string; svg: Promise<string> } | null = null;

  constructor(hub: LiveHub, now: () => number = Date.now) {
    this.room = new Room({
      now,
      randomBytes: (n) => randomBytes(n),
      lesson: LAB_LESSON,
      createAccount: (user, password) => hub.addClassAccount(user, password),
    });
  }

  /**
   * Whether the presenter's counts name who chose each answer: off until the trainer turns it on
   * (the projector shows no names by default); the trainer action `names`.
   */
  answerNamesShown = false;

  /** Something changed: every page gets its view again, within {@link PUSH_DELAY_MS}. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const push of this.watchers) push();
    }, PUSH_DELAY_MS);
  }

  /** Calls `push` after every change until the returned function is called. */
  watch(push: Push): () => void {
    this.watchers.add(push);
    return () => this.watchers.delete(push);
  }

  /** How many pages watch the class now. */
  get watcherCount(): number {
    return this.watchers.size;
  }

  presenterView(): PresenterView {
    const current = this.room.currentPrompt();
    return {
      open: this.room.isOpen,
      code: this.room.joinCode(),
      codeExpiresAt: this.room.codeExpiresAt(),
      students: this.room.studentCount,
      step: this.stepView(),
      prompt: current && {
        key: current.prompt.key,
        question: current.prompt.question,
        choices: current.prompt.choices.map((c) => choiceView(c, current.revealed)),
        counts: this.room.counts(current.prompt.key),
        names: this.answerNamesShown ? this.room.answerNames(current.prompt.key) : null,
        revealed: current.revealed,
      },
    };
  }

  /** The view of the student holding `token`, or null for no such student. */
  studentView(token: string | null): StudentView | null {
    const student: Student | undefined = this.room.student(token);
    if (!student) return null;
    const current = this.room.currentPrompt();
    return {
      me: { number: student.number, name: student.name, user: student.user, password: student.password },
      step: this.stepView(),
      prompt: current && {
        key: current.prompt.key,
        question: current.prompt.question,
        choices: current.prompt.choices.map((c) => choiceView(c, current.revealed)),
        answered: this.room.answerOf(token, current.prompt.key),
        revealed: current.revealed,
      },
    };
  }

  /** The QR code of `url` as an SVG document (qrcode), made once per address. */
  qrSvg(url: string): Promise<string> {
    if (this.qr?.url !== url)
      this.qr = { url, svg: QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
    return this.qr.svg;
  }

  private stepView(): StepView | null {
    const position = this.room.step();
    const scenario = position && LAB_LESSON.scenario(position.scenario);
    return position && scenario
      ? {
          scenario: position.scenario,
          title: scenario.title,
          step: position.step,
          steps: scenario.steps,
          shownAt: stepsShown(position.scenario),
        }
      : null;
  }
}

function choiceView(c: { text: string; correct: boolean; feedback: string }, revealed: boolean): ChoiceView {
  return revealed ? { text: c.text, correct: c.correct, feedback: c.feedback } : { text: c.text };
}

const KEY = Symbol.for('pop-vs-imap-lab.class-hub');

/** The process's class, made on first use; null when the live mail server is not running. */
export function classHub(): ClassHub | null {
  const slot = globalThis as Record<symbol, ClassHub | undefined>;
  const existing = slot[KEY];
  if (existing) return existing;
  const hub = liveHub();
  if (!hub) return null;
  const made = new ClassHub(hub);
  slot[KEY] = made;
  return made;
}
