import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { finalDevice, serverInbox } from './helpers';

const laptop = { id: 'laptop', kind: 'laptop' as const };

const retrs = (frames: readonly { intent: number; raw: string | null }[], from: number) =>
  frames.filter((f) => f.intent >= from && f.raw?.startsWith('RETR')).length;

/** "Leave a copy on the server": what keeps a client from downloading the same mail twice. */
export const leaveACopy = defineScenario({
  ...catalogEntry('leave-a-copy'),
  setup: { devices: [laptop], pop3: { leaveCopy: true, rememberUidls: true } },
  intents: [
    { type: 'openApp', device: 'laptop' },
    { type: 'closeApp', device: 'laptop' },
    { type: 'newMail', subject: 'Slides for Thursday', from: 'Ben Trainer <ben@workshop.example>' },
    // POP3: CAPA USER PASS STAT LIST UIDL and RETR of the new message; the link breaks before QUIT.
    { type: 'dropConnection', device: 'laptop', afterCommands: { pop3: 7 } },
    { type: 'openApp', device: 'laptop' },
    { type: 'wait', ms: 10 * 60 * 1000 },
    { type: 'checkMail', device: 'laptop' },
  ],
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
      setup: { devices: [laptop], pop3: { leaveCopy: true, rememberUidls: false } },
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
