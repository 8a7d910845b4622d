import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '../hub';
import { converse } from '../testing';
import { classLabelsFor, classStudentNumber, sessionLabel } from './live-labels';

describe('class labels on the Live page', () => {
  it('reads the number of a class account, and nothing from other names', () => {
    expect(classStudentNumber('student01')).toBe(1);
    expect(classStudentNumber('student03')).toBe(3);
    expect(classStudentNumber('student200')).toBe(200);
    for (const other of [
      'student',
      'student1',
      'student00',
      'student1000',
      'Student03',
      'xstudent03',
      'student03x',
    ])
      expect(classStudentNumber(other)).toBeNull();
  });

  it('labels a class session "student n" unless the trainer shows names', () => {
    const session = { user: 'student03', student: 3 };
    const roster = [{ user: 'student03', name: 'Ada Lovelace' }];
    expect(sessionLabel(session, null)).toBe('student 3');
    expect(sessionLabel(session, classLabelsFor(false, roster))).toBe('student 3');
    expect(sessionLabel(session, classLabelsFor(true, roster))).toBe('Ada Lovelace');
    // A student who joined after the labels were fetched: their number until the next fetch.
    expect(sessionLabel({ user: 'student04', student: 4 }, classLabelsFor(true, roster))).toBe('student 4');
  });

  it('gives no label to sessions that are not a class student’s', () => {
    const labels = classLabelsFor(true, [{ user: 'student03', name: 'Ada' }]);
    expect(sessionLabel({ user: 'student', student: null }, labels)).toBeNull();
    expect(sessionLabel({ user: null, student: null }, labels)).toBeNull();
    expect(sessionLabel({}, labels)).toBeNull();
  });

  it('sends no names while the trainer keeps the class anonymous', () => {
    expect(classLabelsFor(false, [{ user: 'student01', name: 'Ada' }]).names).toEqual({});
    expect(classLabelsFor(true, [{ user: 'student01', name: 'Ada' }]).names).toEqual({ student01: 'Ada' });
  });
});

describe('the live hub marks class sessions', () => {
  let hub: LiveHub | null = null;
  afterEach(async () => {
    await hub?.stop();
    hub = null;
  });

  async function login(port: number, lines: string[]) {
    const conversation = await converse(port);
    for (const [line, reply] of lines.map((l) => l.split(' => ') as [string, string]))
      await conversation.say(line, new RegExp(reply));
    return conversation.socket;
  }

  it('with the account and the student number once a session logs in to a class account', async () => {
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0 });
    hub.addClassAccount('student01', 'pw-one');
    const imap = await login(hub.info().imapPort!, ['a LOGIN student01 pw-one => a OK']);
    const pop3 = await login(hub.info().pop3Port!, [
      'USER student => \\+OK',
      'PASS secret => \\+OK[^\\r]*\\r\\n',
    ]);
    await new Promise((r) => setTimeout(r, 20));
    const [first, second] = hub.sessionViews();
    expect(first).toMatchObject({ protocol: 'imap', user: 'student01', student: 1 });
    // `student` is the lab's own account, not a class student's.
    expect(second).toMatchObject({ protocol: 'pop3', user: 'student', student: null });
    imap.destroy();
    pop3.destroy();
  });

  it('tells the page in a session event when a session logs in, without any name', async () => {
    hub = new LiveHub();
    await hub.start({ host: '127.0.0.1', pop3Port: 0, imapPort: 0 });
    hub.addClassAccount('student02', 'pw-two');
    const sessions: unknown[] = [];
    hub.subscribe((e) => {
      if (e.type === 'session') sessions.push(e.session);
    });
    const imap = await login(hub.info().imapPort!, [
      'a LOGIN student02 wrong => a NO',
      'b LOGIN student02 pw-two => b OK',
    ]);
    await new Promise((r) => setTimeout(r, 20));
    expect(sessions).toEqual([
      expect.objectContaining({ user: null, student: null }),
      expect.objectContaining({ user: 'student02', student: 2 }),
    ]);
    imap.destroy();
  });
});
