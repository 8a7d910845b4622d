import { afterIntent, deviceAt, finalDevice, localMessage, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('delete-two-phases');

/** Deleting is two steps in both protocols: mark, then remove. */
export const deleteTwoPhases = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => {
    const marked = afterIntent(imap, 2);
    return [
      {
        statement: 'IMAP: after STORE +FLAGS (\\Deleted), message 3 is still on the server, marked',
        holds:
          serverInbox(marked)
            .find((m) => m.uid === 3)
            ?.flags.includes('\\Deleted') === true,
      },
      {
        statement: 'IMAP: the laptop, in IDLE, is told of the mark (FETCH FLAGS) and shows message 3 marked',
        holds: localMessage(deviceAt(marked, 'laptop'), 3)?.deleted === true,
      },
      {
        statement: 'IMAP: EXPUNGE removes it, and the laptop hears EXPUNGE',
        holds:
          serverInbox(imap.last).every((m) => m.uid !== 3) &&
          imap.frames.some(
            (f) => f.intent === 3 && f.device === 'laptop' && /^\* 3 EXPUNGE/.test(f.raw ?? ''),
          ),
      },
      {
        statement:
          'POP3: the deletion reaches the server as DELE 3 in the phone\u2019s next session, and QUIT removes it',
        holds:
          serverInbox(afterIntent(pop3, 2)).some((m) => m.uid === 3) &&
          pop3.frames.some((f) => f.intent === 3 && f.raw === 'DELE 3\r\n') &&
          serverInbox(pop3.last).every((m) => m.uid !== 3),
      },
      {
        statement: 'POP3: the laptop keeps the copy it downloaded',
        holds: localMessage(finalDevice(pop3, 'laptop'), 3) !== undefined,
      },
    ];
  },
  variants: [
    {
      id: 'move',
      takeaways: ({ imap }) => [
        {
          statement:
            'IMAP, delete = move: the phone asks which mailbox is Trash (LIST), then MOVEs message 3 there',
          holds:
            imap.frames.some((f) => f.intent === 2 && /^a\d+ LIST /.test(f.raw ?? '')) &&
            imap.frames.some((f) => f.intent === 2 && /^a\d+ UID MOVE 3 Trash/.test(f.raw ?? '')),
        },
        {
          statement: 'IMAP, delete = move: message 3 leaves INBOX at once, and the laptop hears EXPUNGE',
          holds: localMessage(deviceAt(afterIntent(imap, 2), 'laptop'), 3) === undefined,
        },
      ],
    },
  ],
});
