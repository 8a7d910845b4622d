import { finalDevice, localMessage, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('one-laptop');

export const oneLaptop = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => {
    const popLaptop = finalDevice(pop3, 'laptop');
    const imapLaptop = finalDevice(imap, 'laptop');
    return [
      {
        statement: 'POP3 (delete after download): the laptop holds all six messages in full',
        holds: popLaptop.messages.length === 6 && popLaptop.messages.every((m) => m.hasBody),
      },
      {
        statement: 'POP3 (delete after download): the server INBOX is empty afterwards, after DELE and QUIT',
        holds: serverInbox(pop3.last).length === 0,
      },
      {
        statement: 'IMAP: the laptop lists all six but downloaded only the one opened',
        holds:
          imapLaptop.messages.length === 6 &&
          imapLaptop.messages
            .filter((m) => m.hasBody)
            .map((m) => m.uid)
            .join() === '2',
      },
      {
        statement: 'IMAP: all six stay on the server, message 2 marked \\Seen there',
        holds: serverInbox(imap.last).length === 6 && serverInbox(imap.last)[1]!.flags.includes('\\Seen'),
      },
      {
        statement: 'IMAP: the laptop shows message 2 read',
        holds: localMessage(imapLaptop, 2)?.seen === true,
      },
    ];
  },
  variants: [
    {
      id: 'leave-copy',
      takeaways: ({ pop3 }) => [
        {
          statement: 'POP3 with "leave a copy": the laptop holds all six, and the server keeps all six',
          holds: finalDevice(pop3, 'laptop').messages.length === 6 && serverInbox(pop3.last).length === 6,
        },
        {
          statement: 'POP3 with "leave a copy": the client sends no DELE',
          holds: !pop3.frames.some((f) => f.direction === 'c2s' && f.raw?.startsWith('DELE')),
        },
      ],
    },
  ],
});
