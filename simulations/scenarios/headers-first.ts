import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';
import { afterIntent, finalDevice } from './helpers';

export const headersFirst = defineScenario({
  ...catalogEntry('headers-first'),
  setup: {
    accounts: [{ user: 'student', password: 'secret', messages: 50 }],
    // A poor mobile link: 150 ms one way, about 56 kbit/s.
    devices: [{ id: 'phone', kind: 'phone', latencyMs: 150, bytesPerMs: 7, imap: { bodies: 'text' } }],
    imapIdle: false,
  },
  intents: [
    { type: 'openApp', device: 'phone' },
    { type: 'openMessage', device: 'phone', message: 10 },
  ],
  takeaways: ({ pop3, imap }) => {
    const popListed = afterIntent(pop3, 0);
    const imapListed = afterIntent(imap, 0);
    return [
      {
        statement: 'IMAP moves under a third of the bytes a download-everything POP3 client does',
        holds: imap.last.metrics.bytesDown * 3 < pop3.last.metrics.bytesDown,
      },
      { statement: 'IMAP shows the inbox in under half the time', holds: imapListed.t * 2 < popListed.t },
      {
        statement: 'Both end with message 10 readable on the phone',
        holds: [pop3, imap].every(
          (r) => finalDevice(r, 'phone').messages.find((m) => m.uid === 10)?.hasBody === true,
        ),
      },
    ];
  },
});
