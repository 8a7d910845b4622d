import { afterIntent, finalDevice } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('headers-first');

export const headersFirst = builtinScenario(story, {
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
