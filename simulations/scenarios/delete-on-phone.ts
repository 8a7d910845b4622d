import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { finalDevice, localMessage, serverInbox } from './helpers';

export const deleteOnPhone = defineScenario({
  ...catalogEntry('delete-on-phone'),
  setup: {
    devices: [
      { id: 'laptop', kind: 'laptop' },
      { id: 'phone', kind: 'phone', latencyMs: 60, bytesPerMs: 200 },
    ],
    pop3: { leaveCopy: true },
  },
  intents: [
    { type: 'openApp', device: 'laptop' },
    { type: 'openApp', device: 'phone' },
    { type: 'delete', device: 'phone', message: 3 },
  ],
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
      statement: 'POP3: the server still has message 3',
      holds: serverInbox(pop3.last).some((m) => m.uid === 3),
    },
  ],
});
