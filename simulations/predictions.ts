import type { ScenarioId } from './catalog';

/** A "predict, then reveal" moment: the player pauses before an intent and asks what will happen. */
export interface Prediction {
  /** The intent (index in the scenario) before which the question is asked. */
  readonly beforeIntent: number;
  readonly question: string;
  readonly choices: readonly {
    readonly text: string;
    readonly correct: boolean;
    readonly feedback: string;
  }[];
}

/** Prediction prompts per scenario: data only, so the page stays light. */
export const PREDICTIONS: Partial<Record<ScenarioId, readonly Prediction[]>> = {
  'laptop-and-phone': [
    {
      beforeIntent: 2,
      question: 'The phone has read message 2. What will the laptop show when it opens the mail app?',
      choices: [
        {
          text: 'Both protocols: all six messages, message 2 read',
          correct: false,
          feedback: 'Only IMAP keeps read marks on the server. POP3 already moved the mail to the phone.',
        },
        {
          text: 'IMAP: six messages, message 2 read. POP3: no mail at all',
          correct: true,
          feedback:
            'Right: the phone\u2019s POP3 client is set to delete after downloading, so it took everything; IMAP left it all on the server, marked.',
        },
        {
          text: 'Both protocols: no mail, the phone took it',
          correct: false,
          feedback: 'IMAP never removes mail by reading it: the laptop lists all six.',
        },
      ],
    },
  ],
  'new-mail': [
    {
      beforeIntent: 1,
      question:
        'New mail is about to arrive while the laptop\u2019s app is open. Which laptop hears of it first?',
      choices: [
        {
          text: 'The IMAP laptop, at once',
          correct: true,
          feedback: 'Right: in IDLE the server pushes "* 7 EXISTS" the moment the mail lands.',
        },
        {
          text: 'The POP3 laptop, at once',
          correct: false,
          feedback: 'POP3 has no push: the laptop sees it only when it next checks.',
        },
        {
          text: 'Neither, until they check',
          correct: false,
          feedback: 'IMAP IDLE is exactly that push: no need to check.',
        },
      ],
    },
  ],
  'dropped-connection': [
    {
      beforeIntent: 1,
      question:
        'The link will break after three DELE commands, before QUIT. How many messages stay on the POP3 server?',
      choices: [
        {
          text: 'Three',
          correct: false,
          feedback: 'DELE only marks: without QUIT the server never enters UPDATE.',
        },
        {
          text: 'Six: nothing is deleted',
          correct: true,
          feedback: 'Right: RFC 1939 commits deletions only in the UPDATE state, after QUIT.',
        },
        {
          text: 'None',
          correct: false,
          feedback: 'Downloading does not delete; only a committed DELE does.',
        },
      ],
    },
    {
      beforeIntent: 4,
      question:
        'The link came back and the laptop checks mail at once. What does the POP3 server answer to its PASS?',
      choices: [
        {
          text: '+OK: the maildrop has six messages',
          correct: false,
          feedback:
            'The server was never told that the first session ended: it still holds it, and with it the maildrop lock.',
        },
        {
          text: '-ERR [IN-USE]: the maildrop is locked',
          correct: true,
          feedback:
            'Right: the vanished session keeps the lock (RFC 1939 §4) until the server\u2019s idle timer ends it; [IN-USE] is RFC 2449 §8.1.2.',
        },
        {
          text: 'Nothing: the server refuses the connection',
          correct: false,
          feedback: 'The server accepts the connection and greets it; only the maildrop is locked.',
        },
      ],
    },
  ],
};
