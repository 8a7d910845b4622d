import type { DeviceSnapshot } from '../types';
import { finalDevice } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const readUids = (d: DeviceSnapshot) =>
  d.messages
    .filter((m) => m.seen)
    .map((m) => m.uid)
    .join();

const story = builtinStory('webmail-and-desktop');

export const webmailAndDesktop = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => [
    {
      statement: 'IMAP: webmail and the desktop agree: only message 3 is read',
      holds: readUids(finalDevice(imap, 'webmail')) === '3' && readUids(finalDevice(imap, 'desktop')) === '3',
    },
    {
      statement: 'POP3: the desktop shows only message 3 read',
      holds: readUids(finalDevice(pop3, 'desktop')) === '3',
    },
    {
      statement:
        'POP3: webmail shows all six read, because this server marks downloaded messages read when the POP3 session ends with QUIT: server policy, not POP3',
      holds: readUids(finalDevice(pop3, 'webmail')) === '1,2,3,4,5,6',
    },
  ],
});
