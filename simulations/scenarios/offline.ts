import { finalDevice } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('offline');

export const offline = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => {
    const imapNotes = imap.frames
      .filter((f) => f.intent === 4)
      .map((f) => f.narration)
      .join(' ');
    return [
      {
        statement: 'POP3: all six messages are readable offline',
        holds: finalDevice(pop3, 'laptop').messages.filter((m) => m.hasBody).length === 6,
      },
      {
        statement: 'IMAP (offline copies of opened messages only): only message 2 has a body on the laptop',
        holds:
          finalDevice(imap, 'laptop')
            .messages.filter((m) => m.hasBody)
            .map((m) => m.uid)
            .join() === '2',
      },
      {
        statement: 'IMAP: message 3 cannot be shown offline',
        holds: imapNotes.includes('cannot show message 3 offline'),
      },
      {
        statement: 'IMAP: nothing goes on the wire while offline',
        holds: imap.frames.filter((f) => f.intent >= 3 && f.direction !== 'none').length === 0,
      },
    ];
  },
  variants: [
    {
      id: 'offline-all',
      takeaways: ({ imap }) => [
        {
          statement: 'IMAP with offline copies of every message: all six are readable offline',
          holds: finalDevice(imap, 'laptop').messages.filter((m) => m.hasBody).length === 6,
        },
        {
          statement: 'IMAP with offline copies: the mail stays on the server too',
          holds: imap.last.metrics.serverMessages === 6,
        },
      ],
    },
  ],
});
