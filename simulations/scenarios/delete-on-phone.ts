import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { finalDevice, localMessage, serverInbox } from './helpers';

const laptop = { id: 'laptop', kind: 'laptop' as const };
const phone = { id: 'phone', kind: 'phone' as const, latencyMs: 60, bytesPerMs: 200 };

export const deleteOnPhone = defineScenario({
  ...catalogEntry('delete-on-phone'),
  setup: { devices: [laptop, phone], pop3: { leaveCopy: true } },
  intents: [
    { type: 'openApp', device: 'laptop' },
    { type: 'openApp', device: 'phone' },
    { type: 'delete', device: 'phone', message: 3 },
    { type: 'checkMail', device: 'phone' },
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
      statement: 'POP3 ("leave a copy", no "until I delete it"): the server still has message 3',
      holds: serverInbox(pop3.last).some((m) => m.uid === 3),
    },
  ],
  variants: [
    {
      id: 'until-deleted',
      setup: {
        devices: [laptop, { ...phone, pop3: { deleteWhenDeletedHere: true } }],
        pop3: { leaveCopy: true },
      },
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
