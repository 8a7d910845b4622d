import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { finalDevice, localMessage, serverInbox } from './helpers';

export const oneLaptop = defineScenario({
  ...catalogEntry('one-laptop'),
  setup: { devices: [{ id: 'laptop', kind: 'laptop' }] },
  intents: [
    { type: 'openApp', device: 'laptop' },
    { type: 'openMessage', device: 'laptop', message: 2 },
    { type: 'closeApp', device: 'laptop' },
  ],
  takeaways: ({ pop3, imap }) => {
    const popLaptop = finalDevice(pop3, 'laptop');
    const imapLaptop = finalDevice(imap, 'laptop');
    return [
      {
        statement: 'POP3: the laptop holds all six messages in full',
        holds: popLaptop.messages.length === 6 && popLaptop.messages.every((m) => m.hasBody),
      },
      { statement: 'POP3: the server INBOX is empty afterwards', holds: serverInbox(pop3.last).length === 0 },
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
});
