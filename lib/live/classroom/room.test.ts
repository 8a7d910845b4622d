import { describe, expect, it } from 'vitest';
import { summaryCsv } from './csv';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  CODE_TTL_MS,
  JOIN_FAILURES_PER_ADDRESS,
  JOIN_FAILURES_PER_ROOM,
  JOIN_WINDOW_MS,
  MAX_NAME_LENGTH,
  MAX_STUDENTS,
  Room,
  type Lesson,
} from './room';

const lesson: Lesson = {
  scenario: (id) => (id === 'demo' ? { title: 'Demo', steps: ['one', 'two', 'three', 'four'] } : null),
  promptAt: (id, step) =>
    id === 'demo' && step === 1
      ? {
          key: 'demo:1',
          question: 'What, then?',
          choices: [
            { text: 'A', correct: false, feedback: 'no' },
            { text: 'B', correct: true, feedback: 'yes' },
            { text: 'C', correct: false, feedback: 'no' },
          ],
        }
      : id === 'demo' && step === 3
        ? {
            key: 'demo:2',
            question: '=SUM(A1), "quoted", too',
            choices: [
              { text: 'X', correct: true, feedback: '' },
              { text: 'Y', correct: false, feedback: '' },
            ],
          }
        : null,
};

/** A room with a settable clock and seeded randomness (reproducible). */
function makeRoom(options: { failAccount?: string } = {}) {
  let now = 1_000_000;
  let state = 0x9e3779b9;
  const accounts: [string, string][] = [];
  const room = new Room({
    now: () => now,
    // xorshift32: reproducible, and not periodic within a test.
    randomBytes: (n) =>
      Uint8Array.from({ length: n }, () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return state & 0xff;
      }),
    lesson,
    createAccount: (user, password) => {
      if (user === options.failAccount) throw new Error('The lab holds at most 200 class accounts.');
      accounts.push([user, password]);
    },
  });
  return { room, accounts, advance: (ms: number) => (now += ms) };
}

describe('join codes', () => {
  it('are 6 characters of an alphabet without look-alikes, and a new one retires the old', () => {
    const { room } = makeRoom();
    expect(room.joinCode()).toBeNull();
    const code = room.newCode();
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(CODE_ALPHABET).not.toMatch(/[IO01]/);
    const next = room.newCode();
    expect(next).not.toBe(code);
    const old = room.join(code, 'Ada', '10.0.0.1');
    expect(old).toMatchObject({ ok: false, reason: 'expired-code' });
    expect(!old.ok && old.message).toMatch(/expired/);
    expect(room.join(next, 'Ada', '10.0.0.1').ok).toBe(true);
  });

  it('expire after CODE_TTL_MS; a closed class admits nobody', () => {
    const { room, advance } = makeRoom();
    const code = room.newCode();
    advance(CODE_TTL_MS - 1);
    expect(room.join(code, 'Ada', 'a').ok).toBe(true);
    advance(1);
    expect(room.joinCode()).toBeNull();
    expect(room.join(code, 'Bob', 'a')).toMatchObject({ ok: false, reason: 'closed' });
    const again = room.newCode();
    room.close();
    expect(room.join(again, 'Bob', 'a')).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('compare as read off a screen: any case, spaces and dashes ignored', () => {
    const { room } = makeRoom();
    const code = room.newCode();
    const typed = ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `;
    expect(room.join(typed, 'Ada', 'a').ok).toBe(true);
  });

  it('a wrong code is refused with a message, and creates no account', () => {
    const { room, accounts } = makeRoom();
    room.newCode();
    const result = room.join('ZZZZZZ', 'Ada', 'a');
    expect(result).toMatchObject({ ok: false, reason: 'wrong-code' });
    expect(!result.ok && result.message).toMatch(/not this class/);
    expect(accounts).toEqual([]);
    expect(room.studentCount).toBe(0);
  });
});

describe('failed joins are rate-limited like logins', () => {
  it(`refuses every join from an address after ${JOIN_FAILURES_PER_ADDRESS} wrong codes in a minute, the right code too`, () => {
    const { room, advance } = makeRoom();
    const code = room.newCode();
    for (let i = 0; i < JOIN_FAILURES_PER_ADDRESS; i++) room.join('WRONG1', 'x', '10.0.0.9');
    expect(room.join(code, 'Ada', '10.0.0.9')).toMatchObject({ ok: false, reason: 'rate-limited' });
    // Another address is not held up.
    expect(room.join(code, 'Bob', '10.0.0.8').ok).toBe(true);
    advance(JOIN_WINDOW_MS);
    expect(room.join(code, 'Ada', '10.0.0.9').ok).toBe(true);
  });

  it(`refuses everyone after ${JOIN_FAILURES_PER_ROOM} wrong codes in a minute from any addresses`, () => {
    const { room, advance } = makeRoom();
    const code = room.newCode();
    for (let i = 0; i < JOIN_FAILURES_PER_ROOM; i++) room.join('WRONG1', 'x', `10.0.${i}.1`);
    expect(room.join(code, 'Ada', '10.9.9.9')).toMatchObject({ ok: false, reason: 'rate-limited' });
    advance(JOIN_WINDOW_MS);
    expect(room.join(code, 'Ada', '10.9.9.9').ok).toBe(true);
  });
});

describe('students', () => {
  it('get student01, student02 … with their own password and a token', () => {
    const { room, accounts } = makeRoom();
    const code = room.newCode();
    const a = room.join(code, '  Ada  ', 'a');
    const b = room.join(code, 'Ada', 'b');
    if (!a.ok || !b.ok) throw new Error('join failed');
    expect(a.student).toMatchObject({ number: 1, name: 'Ada', user: 'student01' });
    expect(b.student).toMatchObject({ number: 2, user: 'student02' });
    expect(a.student.password).toMatch(/^[a-z2-9]{12}$/);
    expect(a.student.password).not.toBe(b.student.password);
    expect(a.student.token).toMatch(/^[0-9a-f]{32}$/);
    expect(accounts).toEqual([
      ['student01', a.student.password],
      ['student02', b.student.password],
    ]);
    expect(room.student(a.student.token)).toBe(a.student);
    expect(room.student('nope')).toBeUndefined();
    expect(room.student(null)).toBeUndefined();
  });

  it(`names are 1 to ${MAX_NAME_LENGTH} characters without control characters`, () => {
    const { room } = makeRoom();
    const code = room.newCode();
    for (const bad of ['', '   ', 'x'.repeat(MAX_NAME_LENGTH + 1), 'a\nb', 'tab\there'])
      expect(room.join(code, bad, 'a'), JSON.stringify(bad)).toMatchObject({ ok: false, reason: 'bad-name' });
    expect(room.join(code, 'é'.repeat(MAX_NAME_LENGTH), 'a').ok).toBe(true);
    expect(room.join(code, '😀'.repeat(MAX_NAME_LENGTH), 'a').ok).toBe(true);
  });

  it(`holds at most ${MAX_STUDENTS}`, () => {
    const { room, accounts } = makeRoom();
    const code = room.newCode();
    for (let i = 0; i < MAX_STUDENTS; i++) expect(room.join(code, `s${i}`, `a${i}`).ok).toBe(true);
    expect(accounts.at(-1)?.[0]).toBe('student200');
    expect(room.join(code, 'late', 'z')).toMatchObject({ ok: false, reason: 'full' });
    expect(room.studentCount).toBe(MAX_STUDENTS);
  });

  it('is not admitted when the mail account cannot be made', () => {
    const { room } = makeRoom({ failAccount: 'student01' });
    const result = room.join(room.newCode(), 'Ada', 'a');
    expect(result).toMatchObject({ ok: false, reason: 'no-account' });
    expect(!result.ok && result.message).toMatch(/at most 200 class accounts/);
    expect(room.studentCount).toBe(0);
  });
});

describe('steps and prompts', () => {
  function classOfThree() {
    const made = makeRoom();
    const code = made.room.newCode();
    const tokens = ['Ada', 'Bob', 'Cy'].map((n) => {
      const r = made.room.join(code, n, n);
      if (!r.ok) throw new Error(r.message);
      return r.student.token;
    });
    return { ...made, tokens };
  }

  it('refuses unknown scenarios and steps out of range, and keeps the step', () => {
    const { room } = makeRoom();
    expect(room.setStep('nope', 0)).toMatch(/No scenario/);
    expect(room.setStep('demo', 4)).toMatch(/0 to 3/);
    expect(room.setStep('demo', -1)).toMatch(/0 to 3/);
    expect(room.setStep('demo', 1.5)).toMatch(/0 to 3/);
    expect(room.step()).toBeNull();
    expect(room.setStep('demo', 2)).toBeNull();
    expect(room.step()).toEqual({ scenario: 'demo', step: 2 });
  });

  it('opens a prompt at its step; one answer per student; counts without names; reveal closes it', () => {
    const { room, tokens } = classOfThree();
    const [ada, bob, cy] = tokens as [string, string, string];
    room.setStep('demo', 0);
    expect(room.currentPrompt()).toBeNull();
    expect(room.answer(ada, 'demo:1', 1)).toEqual({ ok: false, message: 'That question is not open now.' });
    room.setStep('demo', 1);
    expect(room.currentPrompt()).toMatchObject({ prompt: { key: 'demo:1' }, revealed: false });
    expect(room.counts('demo:1')).toEqual([0, 0, 0]);
    expect(room.answer(ada, 'demo:1', 1)).toEqual({ ok: true });
    expect(room.answer(ada, 'demo:1', 0)).toEqual({ ok: false, message: 'You have answered this question.' });
    expect(room.answer(bob, 'demo:1', 3)).toEqual({ ok: false, message: 'No such choice.' });
    expect(room.answer(bob, 'demo:1', 0)).toEqual({ ok: true });
    expect(room.answer('not-a-student', 'demo:1', 0)).toEqual({
      ok: false,
      message: 'Join the class first.',
    });
    expect(room.counts('demo:1')).toEqual([1, 1, 0]);
    // Who chose what, for the trainer who asks to see it: names per choice, by student number.
    expect(room.answerNames('demo:1')).toEqual([['Bob'], ['Ada'], []]);
    expect(room.answerNames('demo:9')).toEqual([]);
    expect(room.answerOf(ada, 'demo:1')).toBe(1);
    expect(room.answerOf(bob, 'demo:1')).toBe(0);
    expect(room.answerOf(cy, 'demo:1')).toBeNull();
    expect(room.reveal()).toBe(true);
    expect(room.answer(cy, 'demo:1', 1)).toMatchObject({ ok: false, message: /revealed/ });
    expect(room.counts('demo:1')).toEqual([1, 1, 0]);
    // Moving on closes the prompt; coming back shows it revealed, answers kept.
    room.setStep('demo', 2);
    expect(room.currentPrompt()).toBeNull();
    room.setStep('demo', 1);
    expect(room.currentPrompt()).toMatchObject({ revealed: true });
    expect(room.counts('demo:1')).toEqual([1, 1, 0]);
    // Asked again: the answers go, the prompt is open again.
    expect(room.askAgain()).toBe(true);
    expect(room.currentPrompt()).toMatchObject({ revealed: false });
    expect(room.counts('demo:1')).toEqual([0, 0, 0]);
    expect(room.answer(ada, 'demo:1', 2)).toEqual({ ok: true });
    room.setStep('demo', 0);
    expect(room.reveal()).toBe(false);
    expect(room.askAgain()).toBe(false);
  });

  it('summarises each prompt asked: answers, right, share right; and exports it as CSV', () => {
    const { room, tokens } = classOfThree();
    const [ada, bob, cy] = tokens as [string, string, string];
    room.setStep('demo', 1);
    room.answer(ada, 'demo:1', 1);
    room.answer(bob, 'demo:1', 1);
    room.answer(cy, 'demo:1', 2);
    room.setStep('demo', 3);
    expect(room.summary()).toEqual([
      {
        scenario: 'demo',
        step: 1,
        key: 'demo:1',
        question: 'What, then?',
        students: 3,
        answers: 3,
        right: 2,
        shareRight: 2 / 3,
      },
      {
        scenario: 'demo',
        step: 3,
        key: 'demo:2',
        question: '=SUM(A1), "quoted", too',
        students: 3,
        answers: 0,
        right: 0,
        shareRight: null,
      },
    ]);
    expect(summaryCsv(room.summary())).toBe(
      'scenario,step,prompt,question,students,answers,right,share_right_percent\r\n' +
        'demo,2,demo:1,"What, then?",3,3,2,67\r\n' +
        `demo,4,demo:2,"'=SUM(A1), ""quoted"", too",3,0,0,\r\n`,
    );
  });
});
