import { describe, expect, it } from 'vitest';
import { LiveHub, MAX_ACCOUNTS, MAX_CLASS_ACCOUNTS } from '../hub';

const inbox = (hub: LiveHub, user: string) =>
  hub
    .snapshot()
    .accounts.find((a) => a.user === user)
    ?.mailboxes.find((b) => b.name === 'INBOX')?.messages;

describe('class accounts in the live hub', () => {
  it('are seeded like student, with their own password, and counted apart from the trainer’s accounts', () => {
    const hub = new LiveHub();
    hub.addClassAccount('student01', 'pw-one');
    hub.addClassAccount('student02', 'pw-two');
    expect(inbox(hub, 'student01')).toHaveLength(inbox(hub, 'student')!.length);
    expect(hub.store.getAccount('student01')?.password).toBe('pw-one');
    expect(hub.store.getAccount('student02')?.password).toBe('pw-two');
    for (let i = 2; i <= MAX_ACCOUNTS; i++) hub.addAccount(`user${i}`, 'pw');
    expect(() => hub.addAccount('more', 'pw')).toThrow(/at most/);
    expect(() => hub.addClassAccount('student01', 'x')).toThrow(/exists already/);
    for (let i = 3; i <= MAX_CLASS_ACCOUNTS; i++) hub.addClassAccount(`class${i}`, 'pw');
    expect(() => hub.addClassAccount('class-too-many', 'pw')).toThrow(
      new RegExp(`at most ${MAX_CLASS_ACCOUNTS} class accounts`),
    );
  });

  it('survive a reset with the seed mailbox again; the trainer’s added accounts do not', () => {
    const hub = new LiveHub();
    hub.addClassAccount('student01', 'pw');
    hub.addAccount('extra', 'pw');
    hub.deliver('student01', 'T <t@lab>', 'hello', 'hi');
    const seeded = inbox(hub, 'student')!.length;
    expect(inbox(hub, 'student01')).toHaveLength(seeded + 1);
    hub.reset();
    expect(hub.info().accounts).toEqual(['student', 'student01']);
    expect(inbox(hub, 'student01')).toHaveLength(seeded);
  });
});
