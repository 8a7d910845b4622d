import { afterIntent, deviceAt } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('new-mail');

export const newMail = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => [
    {
      statement:
        'Both: the mail came from the sender’s server over SMTP (MAIL FROM, RCPT TO, DATA), accepted with 250 after the final dot; neither POP3 nor IMAP delivers mail to anyone (IMAP’s APPEND only stores a message in a mailbox of the account)',
      holds: [pop3, imap].every((run) => {
        const smtp = run.frames.filter((f) => f.intent === 1 && f.wire === 'smtp');
        const text = smtp.findIndex(
          (f) => f.command === 'DATA' && f.direction === 'c2s' && f.raw !== 'DATA\r\n',
        );
        return (
          smtp.every((f) => f.device === 'sender') &&
          smtp.some((f) => f.raw?.startsWith('MAIL FROM:<chris@students.example>')) &&
          smtp.some((f) => f.raw === 'RCPT TO:<student@popvsimap.lab>\r\n') &&
          text >= 0 &&
          /^250 /.test(smtp[text + 1]?.raw ?? '')
        );
      }),
    },
    {
      statement:
        'IMAP: the server pushes EXISTS to the idling laptop as soon as the delivered message is stored, while the sender’s SMTP session is still open',
      holds: (() => {
        const frames = imap.frames.filter((f) => f.intent === 1);
        const text = frames.findIndex(
          (f) => f.wire === 'smtp' && f.command === 'DATA' && f.direction === 'c2s' && f.raw !== 'DATA\r\n',
        );
        const exists = frames.findIndex((f) => f.raw === '* 7 EXISTS\r\n');
        const quit = frames.findIndex((f) => f.wire === 'smtp' && f.raw === 'QUIT\r\n');
        return text >= 0 && exists > text && exists < quit;
      })(),
    },
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
