/**
 * The classroom's room model: join codes, students, the trainer's step, the prediction prompts
 * asked at that step, the answers, their counts and the class summary. Pure: the clock, the
 * randomness, the lesson (scenarios and prompts) and the account creation are injected, so the
 * same inputs give the same room, and no Node or DOM API is used (docs/CLASSROOM.md).
 *
 * Every collection is bounded: at most {@link MAX_STUDENTS} students, one answer per student per
 * prompt, prompts only from the lesson, and a bounded record of failed joins per address.
 */

/** Students a class holds; the 201st join is refused. */
export const MAX_STUDENTS = 200;
/** A display name's length, in characters (Unicode code points), after trimming. */
export const MAX_NAME_LENGTH = 40;
/** Join codes: 6 characters from an alphabet without look-alikes (no I, O, 0, 1): 32⁶ ≈ 10⁹ codes. */
export const CODE_LENGTH = 6;
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A code stops admitting students this long after it was made (a new one can be made at any time). */
export const CODE_TTL_MS = 4 * 60 * 60 * 1000;
/** Failed joins (wrong or expired code) one address may make per minute before every join of it is refused. */
export const JOIN_FAILURES_PER_ADDRESS = 10;
/** Failed joins the whole room accepts per minute, whatever addresses they claim. */
export const JOIN_FAILURES_PER_ROOM = 120;
/** The window of the two limits above, in milliseconds. */
export const JOIN_WINDOW_MS = 60_000;
/** Addresses whose failures are remembered; beyond it the oldest is forgotten. */
const ADDRESSES_KEPT = 1_000;
/** Expired codes remembered, to say "expired" rather than "wrong". */
const EXPIRED_CODES_KEPT = 8;

/** One prediction prompt of the lesson, as the trainer and (after reveal) the students see it. */
export interface LessonPrompt {
  /** Stable id, `<scenario>:<n>` (n: its index among the scenario's prompts). */
  readonly key: string;
  readonly question: string;
  readonly choices: readonly {
    readonly text: string;
    readonly correct: boolean;
    readonly feedback: string;
  }[];
}

/** What the room needs to know of the scenarios: their steps and the prompt asked at a step. */
export interface Lesson {
  /** The scenario's title and its steps (one sentence each), or null for an unknown id. */
  scenario(id: string): { readonly title: string; readonly steps: readonly string[] } | null;
  /** The prompt asked before step `step` (0-based) of a scenario, or null. */
  promptAt(id: string, step: number): LessonPrompt | null;
}

export interface Student {
  /** 1-based, in join order; the account is `student` + two digits (`student01` … `student200`). */
  readonly number: number;
  readonly name: string;
  readonly user: string;
  readonly password: string;
  /** The secret the student's page sends with each request (header, never a URL). */
  readonly token: string;
}

export type JoinRefusal =
  'closed' | 'wrong-code' | 'expired-code' | 'full' | 'bad-name' | 'rate-limited' | 'no-account';

export type JoinResult =
  | { readonly ok: true; readonly student: Student }
  | { readonly ok: false; readonly reason: JoinRefusal; readonly message: string };

export type AnswerResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface RoomDeps {
  /** Milliseconds since the epoch. */
  now(): number;
  /** `n` uniformly random octets (crypto quality: codes, passwords and tokens come from it). */
  randomBytes(n: number): Uint8Array;
  lesson: Lesson;
  /** Creates the student's mail account; throws an Error (its message is shown) when it cannot. */
  createAccount(user: string, password: string): void;
}

interface Asked {
  readonly prompt: LessonPrompt;
  readonly scenario: string;
  readonly step: number;
  /** Student number → choice index. At most one per student. */
  readonly answers: Map<number, number>;
  revealed: boolean;
}

/** The trainer's position: a scenario and a 0-based step in it. */
export interface RoomStep {
  readonly scenario: string;
  readonly step: number;
}

const MESSAGES: Record<JoinRefusal, string> = {
  closed: 'No class is open on this server. Ask the trainer to start one.',
  'wrong-code': 'That code is not this class’s code. Check the code on the screen and try again.',
  'expired-code': 'That code has expired. Use the code on the screen now.',
  full: `The class is full (${MAX_STUDENTS} students).`,
  'bad-name': `Give a display name of 1 to ${MAX_NAME_LENGTH} characters, without control characters.`,
  'rate-limited': 'Too many wrong codes from here. Wait a minute, then try again.',
  'no-account': 'The mail server could not make your account.',
};

export class Room {
  private code: string | null = null;
  private codeMadeAt = 0;
  private readonly expired: string[] = [];
  private readonly students = new Map<string, Student>();
  private readonly failures = new Map<string, number[]>();
  private roomFailures: number[] = [];
  private position: RoomStep | null = null;
  /** Prompts asked so far, in the order asked; the current one is the last if `promptOpen`. */
  private readonly asked = new Map<string, Asked>();
  private current: Asked | null = null;

  constructor(private readonly deps: RoomDeps) {}

  /** Whether students can join (a code exists, and has not expired). */
  get isOpen(): boolean {
    return this.code !== null;
  }

  /** The join code, or null when the class is closed or the code expired. */
  joinCode(): string | null {
    if (this.code !== null && this.deps.now() - this.codeMadeAt >= CODE_TTL_MS) this.retireCode();
    return this.code;
  }

  /** When the current code stops admitting students (ms since the epoch), or null. */
  codeExpiresAt(): number | null {
    return this.joinCode() === null ? null : this.codeMadeAt + CODE_TTL_MS;
  }

  /** Opens the class (or replaces its code): a new random code; the old one is now "expired". */
  newCode(): string {
    this.retireCode();
    const bytes = this.deps.randomBytes(CODE_LENGTH);
    // 256 is a multiple of 32: every character is equally likely.
    this.code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    this.codeMadeAt = this.deps.now();
    return this.code;
  }

  /** Stops admitting students; those who joined stay. */
  close(): void {
    this.retireCode();
  }

  /**
   * A student asks to join with `code` and `name`, from `address` (for the failure limits).
   * Codes compare case-insensitively, ignoring spaces and dashes (as read off a projector).
   */
  join(code: string, name: string, address: string): JoinResult {
    const now = this.deps.now();
    if (this.limited(address, now)) return refuse('rate-limited');
    const current = this.joinCode();
    if (current === null) return refuse('closed');
    const typed = code.toUpperCase().replace(/[\s-]/g, '');
    if (typed !== current) {
      this.fail(address, now);
      return refuse(this.expired.includes(typed) ? 'expired-code' : 'wrong-code');
    }
    const display = name.trim();
    if ([...display].length < 1 || [...display].length > MAX_NAME_LENGTH || /\p{Cc}/u.test(display))
      return refuse('bad-name');
    if (this.students.size >= MAX_STUDENTS) return refuse('full');
    const number = this.students.size + 1;
    const user = `student${String(number).padStart(2, '0')}`;
    const password = this.randomText(12, 'abcdefghijkmnpqrstuvwxyz23456789');
    try {
      this.deps.createAccount(user, password);
    } catch (error) {
      return {
        ok: false,
        reason: 'no-account',
        message: `${MESSAGES['no-account']} ${(error as Error).message}`,
      };
    }
    let token = this.randomText(32, HEX);
    while (this.students.has(token)) token = this.randomText(32, HEX);
    const student: Student = { number, name: display, user, password, token };
    this.students.set(student.token, student);
    return { ok: true, student };
  }

  /** The student holding `token`, if any. */
  student(token: string | null): Student | undefined {
    return token === null ? undefined : this.students.get(token);
  }

  get studentCount(): number {
    return this.students.size;
  }

  /** Every student's account and display name, in join order (for the trainer's Live page). */
  roster(): { readonly number: number; readonly user: string; readonly name: string }[] {
    return [...this.students.values()].map(({ number, user, name }) => ({ number, user, name }));
  }

  /** The trainer's step, or null before the trainer picks a scenario. */
  step(): RoomStep | null {
    return this.position;
  }

  /**
   * The trainer moves to `step` of `scenario`. A step with a prompt opens it (a prompt asked
   * before keeps its answers); moving on closes the current one. Returns an error message, or null.
   */
  setStep(scenario: string, step: number): string | null {
    const found = this.deps.lesson.scenario(scenario);
    if (!found) return `No scenario "${scenario}".`;
    if (!Number.isInteger(step) || step < 0 || step >= found.steps.length)
      return `Steps of that scenario are 0 to ${found.steps.length - 1}.`;
    this.position = { scenario, step };
    const prompt = this.deps.lesson.promptAt(scenario, step);
    if (!prompt) {
      this.current = null;
      return null;
    }
    let asked = this.asked.get(prompt.key);
    if (!asked) {
      asked = { prompt, scenario, step, answers: new Map(), revealed: false };
      this.asked.set(prompt.key, asked);
    }
    this.current = asked;
    return null;
  }

  /** The prompt open at the trainer's step, or null. */
  currentPrompt(): { readonly prompt: LessonPrompt; readonly revealed: boolean } | null {
    return this.current ? { prompt: this.current.prompt, revealed: this.current.revealed } : null;
  }

  /** A student answers the open prompt `key` with choice `choice` (0-based); once per prompt. */
  answer(token: string | null, key: string, choice: number): AnswerResult {
    const student = this.student(token);
    if (!student) return { ok: false, message: 'Join the class first.' };
    const asked = this.current;
    if (!asked || asked.prompt.key !== key) return { ok: false, message: 'That question is not open now.' };
    if (asked.revealed) return { ok: false, message: 'The answer has been revealed: answers are closed.' };
    if (!Number.isInteger(choice) || choice < 0 || choice >= asked.prompt.choices.length)
      return { ok: false, message: 'No such choice.' };
    if (asked.answers.has(student.number)) return { ok: false, message: 'You have answered this question.' };
    asked.answers.set(student.number, choice);
    return { ok: true };
  }

  /** The choice `token`'s student gave to prompt `key`, or null. */
  answerOf(token: string | null, key: string): number | null {
    const student = this.student(token);
    return (student && this.asked.get(key)?.answers.get(student.number)) ?? null;
  }

  /** How many students chose each choice of prompt `key` (no names), in choice order. */
  counts(key: string): number[] {
    const asked = this.asked.get(key);
    if (!asked) return [];
    const counts = asked.prompt.choices.map(() => 0);
    for (const choice of asked.answers.values()) counts[choice]!++;
    return counts;
  }

  /**
   * Who chose each choice of prompt `key`: display names in choice order, each list by student
   * number. For the trainer's page only, and only when the trainer chooses to show names.
   */
  answerNames(key: string): string[][] {
    const asked = this.asked.get(key);
    if (!asked) return [];
    const names: string[][] = asked.prompt.choices.map(() => []);
    const byNumber = new Map([...this.students.values()].map((s) => [s.number, s.name]));
    for (const [number, choice] of [...asked.answers].sort((a, b) => a[0] - b[0]))
      names[choice]!.push(byNumber.get(number) ?? `student ${number}`);
    return names;
  }

  /** The trainer reveals the open prompt's answer: answers close. False when none is open. */
  reveal(): boolean {
    if (!this.current) return false;
    this.current.revealed = true;
    return true;
  }

  /**
   * The trainer asks the open prompt again (a second group, a second try): its answers are
   * cleared and it is open for answers. False when none is open.
   */
  askAgain(): boolean {
    if (!this.current) return false;
    this.current.answers.clear();
    this.current.revealed = false;
    return true;
  }

  /** Per prompt asked, in the order asked: answers, right answers, and the share right. */
  summary(): ClassSummaryRow[] {
    return [...this.asked.values()].map((a) => {
      const counts = this.counts(a.prompt.key);
      const answers = counts.reduce((n, c) => n + c, 0);
      const right = counts.reduce((n, c, i) => n + (a.prompt.choices[i]!.correct ? c : 0), 0);
      return {
        scenario: a.scenario,
        step: a.step,
        key: a.prompt.key,
        question: a.prompt.question,
        students: this.students.size,
        answers,
        right,
        shareRight: answers === 0 ? null : right / answers,
      };
    });
  }

  private retireCode(): void {
    if (this.code === null) return;
    this.expired.push(this.code);
    if (this.expired.length > EXPIRED_CODES_KEPT) this.expired.shift();
    this.code = null;
  }

  private limited(address: string, now: number): boolean {
    const recent = (list: number[] | undefined) => (list ?? []).filter((t) => now - t < JOIN_WINDOW_MS);
    this.roomFailures = recent(this.roomFailures);
    return (
      this.roomFailures.length >= JOIN_FAILURES_PER_ROOM ||
      recent(this.failures.get(address)).length >= JOIN_FAILURES_PER_ADDRESS
    );
  }

  private fail(address: string, now: number): void {
    const list = (this.failures.get(address) ?? []).filter((t) => now - t < JOIN_WINDOW_MS);
    list.push(now);
    this.failures.delete(address);
    this.failures.set(address, list);
    if (this.failures.size > ADDRESSES_KEPT) this.failures.delete(this.failures.keys().next().value!);
    this.roomFailures.push(now);
  }

  private randomText(length: number, alphabet: string): string {
    // Rejection sampling: only octets below the largest multiple of the alphabet's size count.
    const limit = 256 - (256 % alphabet.length);
    let out = '';
    while (out.length < length) {
      for (const b of this.deps.randomBytes(length)) {
        if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
      }
    }
    return out;
  }
}

const HEX = '0123456789abcdef';

function refuse(reason: JoinRefusal): JoinResult {
  return { ok: false, reason, message: MESSAGES[reason] };
}

/** One row of the class summary. `shareRight` is right / answers (0 to 1), null with no answers. */
export interface ClassSummaryRow {
  readonly scenario: string;
  readonly step: number;
  readonly key: string;
  readonly question: string;
  /** Students in the class when the summary was made. */
  readonly students: number;
  readonly answers: number;
  readonly right: number;
  readonly shareRight: number | null;
}
