import { afterIntent, deviceAt, finalDevice } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('pop3-lock');

/**
 * Two devices on one account. The laptop's link vanishes in the middle of its session, so the
 * server still holds that session, and with it (POP3) the maildrop lock, until its idle timer.
 */
export const pop3Lock = builtinScenario(story, {
  expectedErrors: [/^-ERR \[IN-USE\]/],
  takeaways: ({ pop3, imap }) => [
    {
      statement:
        'POP3: the phone is refused with -ERR [IN-USE] while the laptop\u2019s vanished session holds the lock',
      holds: pop3.frames.some(
        (f) => f.intent === 2 && f.device === 'phone' && f.raw?.startsWith('-ERR [IN-USE]'),
      ),
    },
    {
      statement: 'POP3: the phone has no mail until the server\u2019s idle timer frees the lock',
      holds: deviceAt(afterIntent(pop3, 2), 'phone').messages.length === 0,
    },
    {
      statement: 'POP3: after the timer, the phone downloads all six',
      holds: finalDevice(pop3, 'phone').messages.length === 6,
    },
    {
      statement: 'IMAP: the phone opens the mailbox at once, beside the laptop\u2019s session: no lock',
      holds:
        deviceAt(afterIntent(imap, 2), 'phone').messages.length === 6 &&
        !imap.frames.some((f) => f.outcome === 'no' || f.outcome === 'bad'),
    },
  ],
});
