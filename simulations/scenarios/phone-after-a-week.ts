import type { RunResult } from '../scenario';
import { runTrack } from '../timeline';
import type { Frame, ScenarioSetup } from '../types';
import { afterIntent, finalDevice, localMessage } from './helpers';
import { builtinScenario, builtinStory } from './builtin';

/**
 * The phone syncs a 40-message INBOX, then is put away for a week. Meanwhile two messages
 * arrive, and in webmail (on the laptop's browser) the user flags one, reads two and deletes two. The phone
 * comes back: POP3 (copies left on the server, UIDLs remembered) downloads the new mail, and
 * the deleted ones only drop out of its UIDL list, which its client does not act on; IMAP learns everything, by a full resync (the default) or, in the
 * variant, by QRESYNC (RFC 7162 §3.2.5). The variant also runs the same week on a 500-message
 * INBOX (not drawn: every frame carries the mailbox) to measure what QRESYNC saves at that size.
 */
const story = builtinStory('phone-after-a-week');
const { setup, intents } = story;
/** The INBOX's size at the start, as the story file gives it. */
const MESSAGES = setup.accounts![0]!.messages as number;
const BIG = 500;
/** A setup with the story's INBOX made `messages` long. */
const setupOf = (base: ScenarioSetup, messages: number): ScenarioSetup => ({
  ...base,
  accounts: [{ ...base.accounts![0]!, messages }],
});
const RETURN = intents.length - 1;

/** Octets both ways during the phone's return (its last intent). */
function returnBytes(frames: readonly Frame[]): number {
  const r = { frames, last: frames.at(-1)! } as RunResult;
  const before = afterIntent(r, RETURN - 1).metrics;
  const after = afterIntent(r, RETURN).metrics;
  return after.bytesDown + after.bytesUp - before.bytesDown - before.bytesUp;
}

/**
 * Octets spent learning what changed and what vanished, beyond opening the mailbox and fetching
 * the new mail's envelopes (which both kinds do alike): the full resync's `UID FETCH 1:n (UID
 * FLAGS)` exchange; QRESYNC's `ENABLE QRESYNC` exchange, its parameters on SELECT, and the
 * HIGHESTMODSEQ, VANISHED (EARLIER) and FETCH lines the SELECT adds.
 */
function resyncBytes(frames: readonly Frame[]): number {
  let total = 0;
  let command = '';
  for (const f of frames) {
    if (f.intent !== RETURN || f.device !== 'phone' || f.raw === null) continue;
    const raw = f.raw;
    if (f.direction === 'c2s') {
      command = raw;
      const qresync = / \(QRESYNC \(.*\)\)\r\n$/.exec(raw);
      if (/ UID FETCH 1:\d+ \(UID FLAGS\)\r\n$/.test(raw) || / ENABLE QRESYNC\r\n$/.test(raw))
        total += raw.length;
      else if (qresync) total += qresync[0].length - 2;
      continue;
    }
    if (/ UID FETCH 1:\d+ \(UID FLAGS\)\r\n$/.test(command) || / ENABLE QRESYNC\r\n$/.test(command))
      total += raw.length;
    else if (/ \(QRESYNC /.test(command) && /^\* (OK \[HIGHESTMODSEQ|VANISHED|\d+ FETCH)/.test(raw))
      total += raw.length;
  }
  return total;
}

/** The phone, back: what every IMAP variant must show, however it resynced. */
function caughtUp(imap: RunResult, how: string) {
  const back = finalDevice(imap, 'phone');
  const [first, second] = [MESSAGES + 1, MESSAGES + 2];
  return [
    {
      statement: `IMAP (${how}): the phone shows the two new messages and no longer shows the two deleted`,
      holds:
        back.messages.length === MESSAGES &&
        localMessage(back, first) !== undefined &&
        localMessage(back, second) !== undefined &&
        localMessage(back, 5) === undefined &&
        localMessage(back, 6) === undefined,
    },
    {
      statement: `IMAP (${how}): message 3 is flagged and messages 10 and 11 are read on the phone, as in webmail`,
      holds:
        localMessage(back, 3)?.flagged === true &&
        localMessage(back, 10)?.seen === true &&
        localMessage(back, 11)?.seen === true,
    },
  ];
}

export const phoneAfterAWeek = builtinScenario(story, {
  takeaways: ({ pop3, imap }) => {
    const popPhone = finalDevice(pop3, 'phone');
    const full = imap.frames.filter(
      (f) => f.intent === RETURN && f.device === 'phone' && f.direction === 'c2s',
    );
    return [
      ...caughtUp(imap, 'full resync'),
      {
        statement: `IMAP (full resync): the phone asks for the flags of every message it had, UID FETCH 1:${MESSAGES} (UID FLAGS), and learns from the missing UIDs what was deleted`,
        holds: full.some((f) => f.raw?.endsWith(` UID FETCH 1:${MESSAGES} (UID FLAGS)\r\n`)),
      },
      {
        statement:
          'POP3 (leave a copy, UIDLs remembered): the phone downloads only the two new messages, and still shows the two deleted in webmail',
        holds:
          popPhone.messages.length === MESSAGES + 2 &&
          pop3.frames.filter((f) => f.intent === RETURN && /^RETR /.test(f.raw ?? '')).length === 2,
      },
      {
        statement: 'POP3: no flag and no read mark reaches the phone: POP3 has no command that reads flags',
        holds: popPhone.messages.every((m) => !m.flagged),
      },
    ];
  },
  variants: [
    {
      id: 'qresync',
      takeaways: ({ imap }) => {
        const back = imap.frames.filter((f) => f.intent === RETURN && f.device === 'phone');
        const sent = back.filter((f) => f.direction === 'c2s').map((f) => f.raw ?? '');
        const here = returnBytes(imap.frames) / returnBytes(runTrack('imap', setup, intents));
        // The same week on a 500-message INBOX, IMAP only: the saving grows with the mailbox.
        const bigFull = runTrack('imap', setupOf(setup, BIG), intents);
        const bigQresync = runTrack('imap', setupOf(story.variants.qresync!, BIG), intents);
        const resyncRatio = resyncBytes(bigFull) / resyncBytes(bigQresync);
        const returnRatio = returnBytes(bigFull) / returnBytes(bigQresync);
        return [
          ...caughtUp(imap, 'QRESYNC'),
          {
            statement:
              'IMAP with QRESYNC: one SELECT INBOX (QRESYNC (uidvalidity modseq)) answers VANISHED (EARLIER) 5:6 and a FETCH for each message changed, and no flag is fetched for the others',
            holds:
              sent.some((l) => /SELECT INBOX \(QRESYNC \(\d+ \d+\)\)/.test(l)) &&
              back.some((f) => /^\* VANISHED \(EARLIER\) 5:6\r\n/.test(f.raw ?? '')) &&
              !sent.some((l) => /\(UID FLAGS\)/.test(l)),
          },
          {
            statement: `IMAP with QRESYNC: the phone's return moves fewer octets than the full resync's (${Math.round(here * 100)}% of them with ${MESSAGES} messages)`,
            holds: here < 1,
          },
          {
            statement: `The same week with ${BIG} messages: learning what changed and vanished takes QRESYNC at least 20 times fewer octets than the full resync (${Math.round(resyncRatio)} times; the whole return, new mail's headers included, ${Math.round(returnRatio)} times)`,
            holds: resyncRatio >= 20 && returnRatio > 1,
          },
        ];
      },
    },
  ],
});
