import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { finalDevice, localMessage, serverInbox } from './helpers';

export const droppedConnection = defineScenario({
  ...catalogEntry('dropped-connection'),
  setup: { devices: [{ id: 'laptop', kind: 'laptop' }] },
  intents: [
    // POP3: USER PASS STAT LIST UIDL, six RETRs, three DELEs, then the link breaks.
    { type: 'dropConnection', device: 'laptop', afterCommands: { pop3: 14 } },
    { type: 'openApp', device: 'laptop' },
    { type: 'flag', device: 'laptop', message: 2 },
    { type: 'dropConnection', device: 'laptop' },
    { type: 'checkMail', device: 'laptop' },
  ],
  takeaways: ({ pop3, imap }) => {
    const popAfterDrop = pop3.frames.filter((f) => f.intent === 1).at(-1)!;
    const popLaptop = finalDevice(pop3, 'laptop');
    return [
      {
        statement: 'POP3: after the drop all six messages are still on the server',
        holds: serverInbox(popAfterDrop).length === 6,
      },
      {
        statement: 'POP3: checking again downloads them a second time (twelve copies)',
        holds: popLaptop.messages.length === 12,
      },
      {
        statement: 'IMAP: the flag set before the drop is on the server',
        holds: serverInbox(imap.last)[1]!.flags.includes('\\Flagged'),
      },
      {
        statement: 'IMAP: after reconnecting the laptop still has six messages, message 2 flagged',
        holds:
          finalDevice(imap, 'laptop').messages.length === 6 &&
          localMessage(finalDevice(imap, 'laptop'), 2)?.flagged === true,
      },
    ];
  },
});
