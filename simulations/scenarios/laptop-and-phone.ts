import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { buildTimeline, results } from '../timeline';
import { finalDevice, localMessage } from './helpers';

const setup = {
  devices: [
    { id: 'phone', kind: 'phone' as const, latencyMs: 60, bytesPerMs: 200 },
    { id: 'laptop', kind: 'laptop' as const },
  ],
};
const intents = [
  { type: 'openApp' as const, device: 'phone' },
  { type: 'openMessage' as const, device: 'phone', message: 2 },
  { type: 'openApp' as const, device: 'laptop' },
];

export const laptopAndPhone = defineScenario({
  ...catalogEntry('laptop-and-phone'),
  setup,
  intents,
  takeaways: ({ pop3, imap }) => {
    const imapLaptop = finalDevice(imap, 'laptop');
    const popLaptop = finalDevice(pop3, 'laptop');
    // The same story with the POP3 client's "Leave a copy of messages on the server" ticked.
    const withCopy = results(
      buildTimeline('laptop-and-phone', { ...setup, pop3: { leaveCopy: true } }, intents),
    ).pop3;
    const copyLaptop = finalDevice(withCopy, 'laptop');
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
        statement: 'POP3: the phone took everything; the laptop finds no mail',
        holds: popLaptop.messages.length === 0 && finalDevice(pop3, 'phone').messages.length === 6,
      },
      {
        statement: 'POP3 with "leave a copy": the laptop downloads all six again',
        holds: copyLaptop.messages.length === 6,
      },
      {
        statement: 'POP3 with "leave a copy": message 2 is unread on the laptop',
        holds: localMessage(copyLaptop, 2)?.seen === false,
      },
    ];
  },
});
