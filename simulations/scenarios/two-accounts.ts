import { finalDevice, serverInbox } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('two-accounts');

export const twoAccounts = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => {
    const popLaptop = finalDevice(pop3, 'laptop');
    const imapLaptop = finalDevice(imap, 'laptop');
    const accounts = (ms: readonly { account: string }[]) =>
      [...new Set(ms.map((m) => m.account))].sort().join();
    return [
      {
        statement: 'POP3: the laptop holds all nine messages from both accounts',
        holds: popLaptop.messages.length === 9 && accounts(popLaptop.messages) === 'student,work',
      },
      {
        statement: 'POP3 (delete after download): both accounts’ inboxes on the server are empty',
        holds: serverInbox(pop3.last, 'student').length === 0 && serverInbox(pop3.last, 'work').length === 0,
      },
      {
        statement: 'IMAP: the laptop shows both accounts, each read from its inbox on the server',
        holds: imapLaptop.messages.length === 9 && accounts(imapLaptop.messages) === 'student,work',
      },
      {
        statement: 'IMAP: both accounts keep their mail on the server',
        holds: serverInbox(imap.last, 'student').length === 6 && serverInbox(imap.last, 'work').length === 3,
      },
    ];
  },
});
