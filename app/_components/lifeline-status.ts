import { smtpStateWords } from '@/lib/smtp/state-words';
import type { DeviceSnapshot, Frame } from '@/simulations/types';
import type { LiveSessionView } from '@/lib/live/view-types';
import { idlingAfter } from '@/lib/imap/idling';
import { accountsOf } from './scene-participants';

/*
 * What a lifeline's head says under its name (sequence-scene.ts): a device's connections and
 * session states, a server's INBOX count.
 */

/**
 * A device has a connection to the server open: its mail client's (POP3/IMAP, `connected`) or,
 * while it sends, its SMTP submission connection.
 */
export function linked(device: DeviceSnapshot): boolean {
  return device.connected || device.smtp === true;
}

/**
 * What a device's head says about its connections: "connected · TRANSACTION" for its mail
 * client's session, "SMTP connected · after MAIL FROM" for a submission in progress (SMTP's
 * states in the RFC's terms, smtpStateWords), both joined by "+" ("connected · Selected + SMTP · after MAIL
 * FROM"), or "not connected". `state` and `smtpState` are the sessions' states after their latest
 * lines.
 */
export function connectionStatus(
  device: DeviceSnapshot,
  state: string | null,
  smtpState: string | null,
): string {
  const mail = device.connected ? `connected${state ? `${DETAIL}${state}` : ''}` : null;
  // SMTP's first state is named "Connected" (before EHLO): "SMTP connected" says it already.
  const smtpDetail = smtpState && smtpState !== 'Connected' ? `${DETAIL}${smtpStateWords(smtpState)}` : '';
  if (!device.smtp) return mail ?? 'not connected';
  return mail ? `${mail}${BOTH}SMTP${smtpDetail}` : `SMTP connected${smtpDetail}`;
}

/** Between a connection and its session's state ("connected · TRANSACTION"). */
export const DETAIL = ' · ';
/** Between a device's two sessions, its mail client's and its SMTP submission. */
const BOTH = ' + ';
/**
 * Between the states of a device's sessions with two accounts, each named by its account
 * ("connected · student: TRANSACTION; work: closed").
 */
export const ACCOUNTS = '; ';
/** An account's session whose server has answered QUIT or LOGOUT (and closed the connection). */
export const CLOSED = 'closed';

/** One line of a head's status as drawn: its text, after the separator it stands for. */
export interface StatusLine {
  /** What the line replaces in the status read as one phrase (" · ", " ", or "" for the first). */
  readonly before: string;
  readonly text: string;
}

/**
 * A head's status as the lines a head draws (the page's and the SVG export's): each session's
 * connection on one line and its state on the next, so that neither is cut short between two
 * lifelines. "connected · Selected · IDLE + SMTP · after MAIL FROM" is "connected", "Selected ·
 * IDLE", "+ SMTP", "after MAIL FROM"; with two accounts, each account's state has a line of its
 * own ("connected", "student: TRANSACTION", "work: closed"); "not connected" and "6 in INBOX" are
 * one line. Joining
 * each line's `before` and `text` gives `status` back, so the head still reads as one phrase.
 */
export function statusLines(status: string): StatusLine[] {
  return status.split(BOTH).flatMap((session, i) => {
    const at = session.indexOf(DETAIL);
    const connection = at < 0 ? session : session.slice(0, at);
    const lines: StatusLine[] = [
      i === 0 ? { before: '', text: connection } : { before: ' ', text: `+ ${connection}` },
    ];
    if (at >= 0)
      session
        .slice(at + DETAIL.length)
        .split(ACCOUNTS)
        .forEach((text, j) => lines.push({ before: j === 0 ? DETAIL : ACCOUNTS, text }));
    return lines;
  });
}

/**
 * The most lines a device's head takes in the runs of `tracks` (statusLines): the connection and
 * its state (two), or with n accounts the connection and a state per account (n + 1); two more
 * while a device has its mail client's session and an SMTP one open at once. A strip of heads is that
 * tall from the first step, so that it does not grow mid-story; given both protocols' tracks, the
 * two columns' strips are as tall as each other, so that their diagrams stay level.
 */
export function headLinesOf(...tracks: readonly (readonly Frame[])[]): number {
  return Math.max(
    2,
    ...tracks.map((frames) => {
      const accounts = accountsOf(frames).length;
      const mail = accounts > 1 ? accounts + 1 : 2;
      const both = frames.some((f) => f.devices.some((d) => d.connected && d.smtp === true));
      return both ? mail + 2 : mail;
    }),
  );
}

export { idlingAfter } from '@/lib/imap/idling';

/**
 * Whether a Live session's IMAP client idles: as the hub says (`idle`, folded over every line of
 * the session), or, for a view without it, folded over the lines the page holds.
 */
export function idles(session: LiveSessionView): boolean {
  return session.idle ?? session.lines.reduce((idling, line) => idlingAfter(line, idling), false);
}

/**
 * How many messages the INBOXes hold (of one `account`, or all), e.g. "6 in INBOX"; a server
 * holding several accounts says how many INBOXes it counted ("8 in 2 INBOXes"), so that a
 * classmate's mail is not read as the student's.
 */
export function inboxStatus(frame: Frame, account?: string): string {
  const accounts = frame.server.accounts.filter((a) => account === undefined || a.user === account);
  const n = accounts.reduce(
    (sum, a) => sum + (a.mailboxes.find((m) => m.name === 'INBOX')?.messages.length ?? 0),
    0,
  );
  return accounts.length > 1 ? `${n} in ${accounts.length} INBOXes` : `${n} in INBOX`;
}
