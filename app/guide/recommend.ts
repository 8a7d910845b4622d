import type { ScenarioId } from '@/simulations/catalog';

/** The questions people actually weigh when choosing, and their answers. */
export const QUESTIONS = [
  {
    id: 'devices',
    text: 'How many devices read this mailbox?',
    options: [
      { value: 'one', label: 'One computer' },
      { value: 'several', label: 'Several (phone, laptop, webmail…)' },
    ],
  },
  {
    id: 'offline',
    text: 'Must all mail be readable without a connection?',
    options: [
      { value: 'yes', label: 'Yes, everything, anywhere' },
      { value: 'no', label: 'No, I am usually online' },
    ],
  },
  {
    id: 'storage',
    text: 'Is the storage on the server small?',
    options: [
      { value: 'small', label: 'Yes, a small quota' },
      { value: 'ample', label: 'No, there is room' },
    ],
  },
  {
    id: 'link',
    text: 'What is the connection like?',
    options: [
      { value: 'good', label: 'Fast and reliable' },
      { value: 'poor', label: 'Slow, metered or flaky' },
    ],
  },
  {
    id: 'shared',
    text: 'Do several people share this mailbox?',
    options: [
      { value: 'yes', label: 'Yes (a team or family inbox)' },
      { value: 'no', label: 'No, only me' },
    ],
  },
  {
    id: 'merge',
    text: 'Do you want several accounts poured into one inbox on one computer?',
    options: [
      { value: 'yes', label: 'Yes, one inbox for everything' },
      { value: 'no', label: 'No, separate is fine' },
    ],
  },
] as const;

export type Answers = Partial<Record<(typeof QUESTIONS)[number]['id'], string>>;

export interface Reason {
  readonly favours: 'POP3' | 'IMAP';
  readonly text: string;
  readonly scenario: ScenarioId;
}

export interface Recommendation {
  readonly verdict: 'POP3' | 'IMAP' | 'Either';
  readonly reasons: readonly Reason[];
}

/** Each answer that matters moves the recommendation, with the reason and the scenario that shows it. */
export function recommend(answers: Answers): Recommendation {
  const reasons: Reason[] = [];
  if (answers.devices === 'several')
    reasons.push({
      favours: 'IMAP',
      text: 'Several devices see the same mail and the same read marks only with IMAP.',
      scenario: 'laptop-and-phone',
    });
  if (answers.devices === 'one')
    reasons.push({
      favours: 'POP3',
      text: 'With one computer, downloading everything to it loses nothing.',
      scenario: 'one-laptop',
    });
  if (answers.offline === 'yes')
    reasons.push({
      favours: 'POP3',
      text: 'POP3 keeps every message on the computer (IMAP clients can too, if told to keep offline copies).',
      scenario: 'offline',
    });
  if (answers.storage === 'small')
    reasons.push({
      favours: 'POP3',
      text: 'POP3 empties the server as it downloads; IMAP keeps mail there until the quota fills.',
      scenario: 'server-quota',
    });
  if (answers.link === 'poor')
    reasons.push({
      favours: 'IMAP',
      text: 'IMAP fetches headers first and a body only when opened: far fewer bytes on a slow link.',
      scenario: 'headers-first',
    });
  if (answers.shared === 'yes')
    reasons.push({
      favours: 'IMAP',
      text: 'A shared mailbox needs the mail to stay on the server, where everyone sees the same state.',
      scenario: 'delete-on-phone',
    });
  if (answers.merge === 'yes')
    reasons.push({
      favours: 'POP3',
      text: 'POP3 can pour several accounts into one local inbox.',
      scenario: 'two-accounts',
    });
  const imap = reasons.filter((r) => r.favours === 'IMAP').length;
  const pop3 = reasons.length - imap;
  // Several devices or a shared mailbox outweigh the rest: POP3 cannot keep them in step.
  const decisive = answers.devices === 'several' || answers.shared === 'yes';
  const verdict = decisive || imap > pop3 ? 'IMAP' : pop3 > imap ? 'POP3' : 'Either';
  return { verdict, reasons };
}

/** What stays true whatever the answers: the nuance a teacher adds. */
export const NUANCES = [
  {
    text: 'POP3 clients can "leave a copy on the server" — but read marks still do not travel between devices.',
    scenario: 'laptop-and-phone',
  },
  {
    text: 'IMAP clients can keep full offline copies of chosen folders; the server stays the reference.',
    scenario: 'offline',
  },
  {
    text: 'POP3 deletions are only marks until QUIT: a dropped connection deletes nothing.',
    scenario: 'dropped-connection',
  },
] as const satisfies readonly { text: string; scenario: ScenarioId }[];
