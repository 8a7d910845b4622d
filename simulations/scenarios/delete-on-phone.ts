import { finalDevice, localMessage, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('delete-on-phone');

export const deleteOnPhone = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => [
    {
      statement: 'IMAP: message 3 left the laptop too',
      holds: localMessage(finalDevice(imap, 'laptop'), 3) === undefined,
    },
    {
      statement: 'IMAP: the laptop was told by an EXPUNGE',
      holds: imap.frames.some(
        (f) => f.intent === 2 && f.device === 'laptop' && f.raw?.includes('EXPUNGE') === true,
      ),
    },
    {
      statement: 'IMAP: message 3 moved to Trash on the server',
      holds: serverInbox(imap.last).every((m) => m.uid !== 3),
    },
    {
      statement: 'POP3: the phone deleted its copy only; the laptop still has message 3',
      holds:
        localMessage(finalDevice(pop3, 'phone'), 3) === undefined &&
        localMessage(finalDevice(pop3, 'laptop'), 3) !== undefined,
    },
    {
      statement: 'POP3 ("leave a copy", no "until I delete it"): the server still has message 3',
      holds: serverInbox(pop3.last).some((m) => m.uid === 3),
    },
  ],
  variants: [
    {
      id: 'until-deleted',
      takeaways: ({ pop3 }) => [
        {
          statement: 'POP3 "until I delete it here": the phone sends DELE 3 at its next session',
          holds: pop3.frames.some((f) => f.intent === 3 && f.device === 'phone' && f.raw === 'DELE 3\r\n'),
        },
        {
          statement: 'POP3 "until I delete it here": the server no longer has message 3 after QUIT',
          holds: serverInbox(pop3.last).every((m) => m.uid !== 3),
        },
        {
          statement: 'POP3: the laptop still has the copy it downloaded',
          holds: localMessage(finalDevice(pop3, 'laptop'), 3) !== undefined,
        },
      ],
    },
  ],
});
