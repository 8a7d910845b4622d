import { finalDevice, localMessage } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('laptop-and-phone');

export const laptopAndPhone = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => {
    const imapLaptop = finalDevice(imap, 'laptop');
    const popLaptop = finalDevice(pop3, 'laptop');
    return [
      {
        statement: 'IMAP: the laptop shows message 2 as read, because the phone read it',
        holds: localMessage(imapLaptop, 2)?.seen === true,
      },
      {
        statement: 'IMAP: the laptop shows the others unread',
        holds: imapLaptop.messages.filter((m) => m.seen).length === 1,
      },
      {
        statement:
          'POP3 (the phone deletes after download): the phone took everything; the laptop finds no mail',
        holds: popLaptop.messages.length === 0 && finalDevice(pop3, 'phone').messages.length === 6,
      },
      {
        statement: 'IMAP: the phone downloaded only the text part of message 2, not its whole',
        holds: imap.frames.some((f) => f.device === 'phone' && /BODY\.PEEK\[1\]/.test(f.raw ?? '')),
      },
    ];
  },
  variants: [
    {
      id: 'leave-copy',
      takeaways: ({ pop3 }) => {
        const copyLaptop = finalDevice(pop3, 'laptop');
        return [
          {
            statement: 'POP3 with "leave a copy": the laptop downloads all six too',
            holds: copyLaptop.messages.length === 6,
          },
          {
            statement:
              'POP3 with "leave a copy": message 2 is unread on the laptop: POP3 carries no read mark from one device to another',
            holds: localMessage(copyLaptop, 2)?.seen === false,
          },
        ];
      },
    },
  ],
});
