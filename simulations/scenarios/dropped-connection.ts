import { afterIntent, finalDevice, localMessage, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

/** The POP3 replies of one intent that refused something. */
const refusals = (
  frames: readonly { intent: number; outcome: string | null; raw: string | null }[],
  intent: number,
) => frames.filter((f) => f.intent === intent && f.outcome === 'err').map((f) => f.raw ?? '');

const story = builtinStory('dropped-connection');

export const droppedConnection = builtinScenario(story, {
  expectedErrors: [/^-ERR \[IN-USE\]/],
  takeaways: ({ pop3, imap }) => [
    {
      statement: 'POP3: after the drop all six messages are still on the server: three DELEs, but no QUIT',
      holds: serverInbox(afterIntent(pop3, 1)).length === 6,
    },
    {
      statement:
        'POP3: reconnecting at once is refused with -ERR [IN-USE]: the vanished session still holds the lock',
      holds: refusals(pop3.frames, 4).some((r) => r.startsWith('-ERR [IN-USE]')),
    },
    {
      statement: 'POP3: after the idle timer, the client downloads only what it lacks and deletes all six',
      holds:
        finalDevice(pop3, 'laptop').messages.length === 6 &&
        pop3.frames.filter((f) => f.intent === 6 && f.raw?.startsWith('RETR')).length === 0 &&
        serverInbox(pop3.last).length === 0,
    },
    {
      statement: 'IMAP: the flag set before the drop is on the server',
      holds: serverInbox(imap.last)[1]!.flags.includes('\\Flagged'),
    },
    {
      statement: 'IMAP: reconnecting at once works (no lock); the laptop has six messages, message 2 flagged',
      holds:
        refusals(imap.frames, 4).length === 0 &&
        finalDevice(imap, 'laptop').messages.length === 6 &&
        localMessage(finalDevice(imap, 'laptop'), 2)?.flagged === true,
    },
  ],
  variants: [
    {
      id: 'naive',
      takeaways: ({ pop3 }) => [
        {
          statement: 'POP3, a client that keeps no UIDLs: it downloads the six again (twelve copies)',
          holds: finalDevice(pop3, 'laptop').messages.length === 12,
        },
      ],
    },
  ],
});
