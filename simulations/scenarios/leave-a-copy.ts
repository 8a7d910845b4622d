import { finalDevice, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const retrs = (frames: readonly { intent: number; raw: string | null }[], from: number) =>
  frames.filter((f) => f.intent >= from && f.raw?.startsWith('RETR')).length;

const story = builtinStory('leave-a-copy');

/** "Leave a copy on the server": what keeps a client from downloading the same mail twice. */
export const leaveACopy = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => [
    {
      statement: 'POP3 with remembered UIDLs: the laptop has each of the seven messages once',
      holds: finalDevice(pop3, 'laptop').messages.length === 7,
    },
    {
      statement: 'POP3 with remembered UIDLs: the check after the drop downloads nothing',
      holds: retrs(pop3.frames, 6) === 0,
    },
    {
      statement: 'POP3 with "leave a copy": the server keeps all seven',
      holds: serverInbox(pop3.last).length === 7,
    },
    {
      statement: 'IMAP: the laptop lists seven, each once: it knows messages by UID',
      holds: finalDevice(imap, 'laptop').messages.length === 7,
    },
  ],
  variants: [
    {
      id: 'naive',
      takeaways: ({ pop3 }) => [
        {
          statement: 'POP3, a client that keeps no UIDLs: every check downloads everything again',
          holds: retrs(pop3.frames, 6) === 7,
        },
        {
          statement:
            'POP3, a client that keeps no UIDLs: the laptop ends with duplicates (14 copies of 7 messages)',
          holds: finalDevice(pop3, 'laptop').messages.length === 14,
        },
      ],
    },
  ],
});
