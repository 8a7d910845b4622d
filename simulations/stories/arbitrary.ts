/**
 * fast-check generators of stories, for the fuzz tests: well-formed stories over a few devices
 * and accounts (names that exist, messages 1 to 8), and the same with parts broken.
 */
import fc from 'fast-check';

const DEVICE_NAMES = ['laptop', 'phone', 'tablet', 'web'] as const;
const USERS = ['student', 'ann'] as const;

const anyPop3 = fc.record(
  {
    leaveCopy: fc.boolean(),
    deleteAfterDays: fc.integer({ min: 0, max: 30 }),
    deleteWhenDeletedHere: fc.boolean(),
    rememberUidls: fc.boolean(),
  },
  { requiredKeys: ['leaveCopy'] },
);
/** Mostly settings a client can have; sometimes "remove after n days" without "leave a copy" (refused). */
const pop3 = fc.oneof(
  {
    arbitrary: anyPop3.map(({ deleteAfterDays, deleteWhenDeletedHere, ...s }) =>
      s.leaveCopy ? { ...s, deleteAfterDays, deleteWhenDeletedHere } : s,
    ),
    weight: 4,
  },
  { arbitrary: anyPop3, weight: 1 },
);
const imap = fc.record(
  {
    idle: fc.boolean(),
    offline: fc.constantFrom('opened', 'all'),
    bodies: fc.constantFrom('whole', 'text'),
    deleteBy: fc.constantFrom('move', 'mark'),
    quota: fc.boolean(),
    resync: fc.constantFrom('full', 'qresync'),
  },
  { requiredKeys: [] },
);
const network = fc.record(
  { latencyMs: fc.integer({ min: 0, max: 500 }), bytesPerMs: fc.constantFrom(0.5, 10, 200, 1000) },
  { requiredKeys: [] },
);

function intent(devices: readonly string[], users: readonly string[]) {
  const device = fc.constantFrom(...devices);
  const message = fc.integer({ min: 1, max: 8 });
  const on = (type: string) => fc.record({ type: fc.constant(type), device });
  const onMessage = (type: string) => fc.record({ type: fc.constant(type), device, message });
  return fc.oneof(
    ...['openApp', 'checkMail', 'closeApp', 'expunge', 'goOffline', 'goOnline'].map(on),
    ...['openMessage', 'markRead', 'markUnread', 'flag', 'delete'].map(onMessage),
    fc.record(
      {
        type: fc.constant('dropConnection'),
        device,
        afterCommands: fc.record(
          { pop3: fc.integer({ min: 0, max: 20 }), imap: fc.integer({ min: 0, max: 20 }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['type', 'device'] },
    ),
    fc.record(
      {
        type: fc.constant('setLink'),
        device,
        latencyMs: fc.integer({ min: 0, max: 2000 }),
        bytesPerMs: fc.constantFrom(0.5, 2, 1000),
      },
      { requiredKeys: ['type', 'device'] },
    ),
    fc.record({ type: fc.constant('restartServer') }),
    fc.record(
      { type: fc.constant('fillQuota'), account: fc.constantFrom(...users) },
      { requiredKeys: ['type'] },
    ),
    fc.record({
      type: fc.constant('wait'),
      ms: fc.constantFrom(0, 1000, 11 * 60_000, 31 * 60_000, 8 * 86_400_000),
    }),
    fc.record(
      {
        type: fc.constant('newMail'),
        subject: fc.constantFrom('Hello', 'Room change'),
        from: fc.constantFrom('ana@example.org', 'Ben Trainer <ben@workshop.example>'),
        account: fc.constantFrom(...users),
        via: fc.constant('smtp'),
      },
      { requiredKeys: ['type', 'subject', 'from'] },
    ),
    fc.record(
      {
        type: fc.constant('send'),
        device,
        to: fc.constantFrom('chris@students.example', `${users[0]}@popvsimap.lab`, 'nobody@popvsimap.lab'),
        subject: fc.constant('Notes'),
        text: fc.constantFrom('Hi\n.\nBye', ''),
      },
      { requiredKeys: ['type', 'device', 'to', 'subject'] },
    ),
  );
}

/** A well-formed story: every name it uses exists. It may still be refused (e.g. a setting that needs leaveCopy). */
export const wellFormedStory = fc
  .record({
    deviceCount: fc.integer({ min: 1, max: 4 }),
    twoAccounts: fc.boolean(),
    kinds: fc.array(fc.constantFrom('laptop', 'phone', 'webmail'), { minLength: 4, maxLength: 4 }),
    settings: fc.array(fc.record({ pop3: pop3, imap: imap, network: network }, { requiredKeys: [] }), {
      minLength: 4,
      maxLength: 4,
    }),
    security: fc.constantFrom(undefined, 'none', 'starttls', 'implicit'),
    quotaBytes: fc.constantFrom(undefined, 3000, 20_000),
    mailbox: fc.constantFrom(
      'seed',
      { generated: 0 },
      { generated: 3 },
      {
        messages: [
          { from: 'ana@example.org', subject: 'Listed', seen: true },
          {
            from: 'Ben Trainer <ben@workshop.example>',
            subject: 'Also listed',
            text: 'Hi\n.\nBye',
            flagged: true,
          },
        ],
      },
    ),
    storyPop3: fc.option(pop3, { nil: undefined }),
    storyImap: fc.option(imap, { nil: undefined }),
  })
  .chain((s) => {
    const users = s.twoAccounts ? [...USERS] : ['student'];
    const devices = DEVICE_NAMES.slice(0, s.deviceCount).map((name, i) => ({
      name,
      kind: s.kinds[i]!,
      ...(s.kinds[i] === 'webmail' ? {} : s.settings[i]),
      ...(s.twoAccounts && s.kinds[i] !== 'webmail' && i % 2 === 1 ? { accounts: [...USERS] } : {}),
    }));
    return fc
      .array(
        intent(
          devices.map((d) => d.name),
          users,
        ),
        { maxLength: 12 },
      )
      .map((timeline) => ({
        version: 1,
        title: 'Fuzzed',
        summary: 'A generated story.',
        accounts: users.map((user) => ({
          user,
          password: 'secret',
          mailbox: s.mailbox,
          ...(s.quotaBytes ? { quotaBytes: s.quotaBytes } : {}),
        })),
        devices,
        ...(s.storyPop3 ? { pop3: s.storyPop3 } : {}),
        ...(s.storyImap ? { imap: s.storyImap } : {}),
        ...(s.security ? { security: s.security } : {}),
        timeline,
      }));
  });
