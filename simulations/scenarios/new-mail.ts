import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { afterIntent, deviceAt } from './helpers';

export const newMail = defineScenario({
  ...catalogEntry('new-mail'),
  setup: { devices: [{ id: 'laptop', kind: 'laptop' }] },
  intents: [
    { type: 'openApp', device: 'laptop' },
    { type: 'newMail', subject: 'Are you coming tonight?', from: 'Chris Classmate <chris@students.example>' },
    { type: 'wait', ms: 5 * 60 * 1000 },
    { type: 'checkMail', device: 'laptop' },
  ],
  takeaways: ({ pop3, imap }) => [
    {
      statement: 'IMAP: the laptop lists the new message right after it arrives',
      holds: deviceAt(afterIntent(imap, 1), 'laptop').messages.length === 7,
    },
    {
      statement: 'IMAP: the server pushed EXISTS without being asked',
      holds: imap.frames.some((f) => f.intent === 1 && f.raw === '* 7 EXISTS\r\n'),
    },
    {
      statement: 'POP3: the laptop has not seen it five minutes later',
      holds: deviceAt(afterIntent(pop3, 2), 'laptop').messages.length === 6,
    },
    {
      statement: 'POP3: the next check downloads it',
      holds: deviceAt(pop3.last, 'laptop').messages.length === 7,
    },
  ],
});
