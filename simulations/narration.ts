import type { SessionEvent } from '../lib/session/types';
import { bytesToDisplayText } from '../lib/wire/bytes';
import type { ImapAction } from './clients/imap-client';
import type { Intent, Pop3Settings, Protocol } from './types';

const DEVICE_NAMES: Record<string, string> = {
  laptop: 'The laptop',
  phone: 'The phone',
  webmail: 'Webmail',
  desktop: 'The desktop',
};

export function deviceName(id: string): string {
  return DEVICE_NAMES[id] ?? `The ${id}`;
}

/** A plain-words line for a user intent. */
export function narrateIntent(intent: Intent): string {
  switch (intent.type) {
    case 'openApp':
      return `${deviceName(intent.device)} opens the mail app.`;
    case 'checkMail':
      return `${deviceName(intent.device)} checks for new mail.`;
    case 'closeApp':
      return `${deviceName(intent.device)} closes the mail app.`;
    case 'openMessage':
      return `${deviceName(intent.device)}: the user opens message ${intent.message}.`;
    case 'markRead':
      return `${deviceName(intent.device)}: the user marks message ${intent.message} as read.`;
    case 'markUnread':
      return `${deviceName(intent.device)}: the user marks message ${intent.message} as unread.`;
    case 'flag':
      return `${deviceName(intent.device)}: the user flags message ${intent.message}.`;
    case 'delete':
      return `${deviceName(intent.device)}: the user deletes message ${intent.message}.`;
    case 'openFolder':
      return `${deviceName(intent.device)}: the user opens the ${intent.mailbox} folder.`;
    case 'expunge':
      return `${deviceName(intent.device)}: the user empties the deleted messages ("Expunge", "Compact").`;
    case 'goOffline':
      return `${deviceName(intent.device)} goes offline.`;
    case 'goOnline':
      return `${deviceName(intent.device)} is back online.`;
    case 'dropConnection':
      return intent.afterCommands !== undefined
        ? `${deviceName(intent.device)}'s connection is about to break (a train enters a tunnel).`
        : `${deviceName(intent.device)}'s connection breaks.`;
    case 'setLink':
      return `${deviceName(intent.device)}'s link changes: ${linkWords(intent)}.`;
    case 'wait': {
      const d = duration(intent.ms);
      return `${d} ${d.startsWith('A ') ? 'passes' : 'pass'}.`;
    }
    case 'newMail':
      return intent.via === 'smtp'
        ? `The sender's mail server delivers "${intent.subject}" from ${intent.from} to the lab's server over SMTP.`
        : `New mail arrives on the server: "${intent.subject}" from ${intent.from}.`;
    case 'send':
      return `${deviceName(intent.device)} sends "${intent.subject}" to ${intent.to}${intent.cc ? `, copy to ${intent.cc}` : ''}.`;
    case 'restartServer':
      return 'The mail server restarts: it shuts down and starts again.';
    case 'fillQuota':
      return `The mailbox of ${intent.account ?? 'the first account'} reaches its storage quota.`;
  }
}

/** A plain-words line for one unit on the wire. */
export function narrateWire(device: string, event: SessionEvent, greeting: boolean): string {
  const who = deviceName(device);
  if (event.direction === 'c2s') {
    const line = firstLine(event.masked ?? event.raw);
    if (/^DONE$/i.test(line))
      return `${who} sends DONE: it ends IDLE, so that it can send other commands (RFC 2177 §3).`;
    const verb = commandWord(line, event.command);
    return event.explanation ? `${who} sends ${verb}: ${event.explanation}.` : `${who} sends ${line}.`;
  }
  const line = firstLine(event.raw);
  if (greeting) return `The server greets ${who.toLowerCase()}: ${line}`;
  switch (event.outcome) {
    case 'err':
    case 'no':
    case 'bad':
      return `The server refuses: ${line}`;
    case 'bye':
      return `The server says goodbye to ${who.toLowerCase()}.`;
    case 'continue':
      return event.command === 'IDLE'
        ? `The server confirms that ${who.toLowerCase()} is now idling: until DONE, the server may tell it of changes (new mail, expunges, flags) at any time, unasked (${line}, RFC 2177 §3; RFC 9051 §6.3.13).`
        : `The server invites ${who.toLowerCase()} to send the rest of the command: ${line}`;
    case 'untagged':
      return `The server tells ${who.toLowerCase()}: ${line}`;
    default:
      // POP3 servers word DELE's +OK "deleted" (RFC 1939 §5's example too); the message is only
      // marked, and goes when QUIT enters the UPDATE state (§6).
      if (event.command === 'DELE')
        return `The server answers DELE: ${line}. It is only marked for deletion: it is removed when the session ends with QUIT (RFC 1939 §6).`;
      return `The server answers ${event.command ?? ''}: ${line}`.replace('answers :', 'answers:');
  }
}

/** The command as the line names it: `UID FETCH` for `a3 UID FETCH …`, `RETR` for `RETR 2`. */
function commandWord(line: string, command: string | undefined): string {
  const words = line.split(' ');
  if (command && words.slice(1).join(' ').toUpperCase().startsWith(command.toUpperCase())) return command;
  if (command && line.toUpperCase().startsWith(command.toUpperCase())) return command;
  return command ?? words[0]!;
}

function duration(ms: number): string {
  if (ms >= 86_400_000) return plural(Math.round(ms / 86_400_000), 'day');
  if (ms >= 60_000) return plural(Math.round(ms / 60_000), 'minute');
  return plural(Math.round(ms / 1000), 'second');
}

function plural(n: number, unit: string): string {
  return n === 1 ? `A ${unit}` : `${n} ${unit}s`;
}

function firstLine(raw: string): string {
  const text = bytesToDisplayText(raw.split('\r\n', 1)[0] ?? '');
  return text.length > 90 ? text.slice(0, 87) + '...' : text;
}

/**
 * What a POP3 device does with a user's action on a downloaded message. Reading and flagging
 * stay on the device: POP3 has no command that reads or sets a flag (RFC 1939). A deletion reaches the
 * server only if the client's settings make it send DELE at a later session.
 */
export function popLocalNote(
  id: string,
  action: ImapAction,
  settings: Pop3Settings,
  /** Whether the server still holds the message (a session that sent DELE may have been cut). */
  onServer = false,
): string {
  const who = deviceName(id);
  const uid = 'uid' in action ? action.uid : '';
  switch (action.kind) {
    case 'open':
      return `${who} shows its downloaded copy of message ${uid}: no network needed. The server is not told it was read: POP3 has no command to set a read mark (RFC 1939).`;
    case 'delete':
      if (!settings.leaveCopy)
        return onServer
          ? `${who} deletes its own copy of message ${uid}. The server still has it: the client sent DELE when it downloaded it (its "leave a copy" setting is off), but the server removes a message only when a session that marked it ends with QUIT (RFC 1939 §6), and none has yet.`
          : `${who} deletes its own copy of message ${uid}. The server no longer has it: the client sent DELE when it downloaded it (its "leave a copy" setting is off), and the server removed it at that session's QUIT (RFC 1939 §6).`;
      if (settings.deleteWhenDeletedHere)
        return `${who} deletes its copy of message ${uid}. Its setting "leave a copy until I delete it here" makes it send DELE for that message at its next session (RFC 1939 §5); until then the server keeps it.`;
      return `${who} deletes its own copy of message ${uid}. The server's copy stays: with "leave a copy on the server" on, this client sends no DELE for it. That is the client's setting; POP3 has DELE, and a client set to "until I delete it here" would send it at its next session.`;
    default:
      return `${who} changes message ${uid} on the device only: POP3 has no command to set a flag on the server (RFC 1939).`;
  }
}

/** Webmail offline: the browser reaches nothing, and webmail keeps no mail on the device. */
export const WEBMAIL_OFFLINE =
  'Webmail is offline: the browser cannot reach the server, and webmail keeps no copy of the mail on the device to show.';

/**
 * "Empty deleted messages" on a POP3 device: POP3 has no EXPUNGE; whether a deletion made here
 * ever reaches the server is the client's setting (RFC 1939 §5: DELE is the client's to send).
 */
export function popEmptyDeletedNote(id: string, settings: Pop3Settings): string {
  const who = deviceName(id);
  if (!settings.leaveCopy)
    return `POP3 has no EXPUNGE, and nothing is left to send: this client sent DELE for each message as it downloaded it (its "leave a copy" setting is off), and the server removed them at that session's QUIT (RFC 1939 §6). ${who} checks mail.`;
  if (settings.deleteWhenDeletedHere)
    return `POP3 has no EXPUNGE: a deletion reaches the server as DELE in a session, and takes effect at QUIT (RFC 1939 §5, §6). ${who} checks mail to send DELE for the messages deleted here (its setting "leave a copy until I delete it here").`;
  return `POP3 has no EXPUNGE, and with "leave a copy on the server" this client sends no DELE for a message deleted here (its setting${settings.deleteAfterDays !== undefined ? `; it removes each one ${settings.deleteAfterDays} days after downloading it` : ''}), so the server's copies stay. ${who} checks mail.`;
}

/** The client settings of a run's devices, for the opening frame. */
export function settingsNote(
  protocol: Protocol,
  devices: readonly { id: string; settings: string; webmail: boolean }[],
): string {
  const clients = devices.filter((d) => !d.webmail);
  if (clients.length === 0) return '';
  const name = protocol === 'pop3' ? 'POP3' : 'IMAP';
  return `${name} client settings (the client's choices, not the protocol's): ${clients
    .map((d) => `${deviceName(d.id).replace(/^The /, 'the ')}: ${d.settings}`)
    .join('; ')}.`;
}

const TIMER: Record<Protocol, string> = {
  pop3: 'its idle timer (RFC 1939 §3: a server may have one, of at least 10 minutes)',
  imap: 'its autologout timer (RFC 3501 §5.4: a server that has one sets at least 30 minutes)',
};

/**
 * The network vanished under a device: no QUIT or LOGOUT, not even a TCP close reaches the
 * server, which learns it only from its timer or a TCP timeout.
 */
export function connectionLostNote(protocol: Protocol, id: string, withWho = true): string {
  const start = withWho ? `${deviceName(id)} loses its connection. ` : '';
  const common = `${start}Nothing reaches the server, not even a TCP close: it still holds the session open and learns that the device is gone only from ${TIMER[protocol]} or a TCP timeout.`;
  return protocol === 'pop3'
    ? `${common} Until then the session keeps its exclusive-access lock on the maildrop (RFC 1939 §4; this server holds it for the whole session and refuses a second login meanwhile, its way of keeping the messages from changing under the session), and nothing marked with DELE is removed: only QUIT leads to the UPDATE state (§6).`
    : `${common} Every flag change the server confirmed is stored; a message marked \\Deleted stays until an EXPUNGE, UID EXPUNGE or CLOSE, from any session; nothing the device does now reaches the server.`;
}

/** The server's timer ends a session whose client vanished. */
export function timerNote(protocol: Protocol, id: string, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const who = deviceName(id).replace(/^The /, 'the ');
  return protocol === 'pop3'
    ? `The server's idle timer fires (${minutes} minutes without a command; RFC 1939 §3 allows no less than 10): it closes the session ${who} left behind without entering the UPDATE state, so nothing marked with DELE is removed, and the maildrop lock is freed.`
    : `The server's autologout timer fires (${minutes} minutes; RFC 3501 §5.4 allows no less than 30): it closes the IMAP session ${who} left behind. What the server confirmed stays stored; closing by timer expunges nothing (only an EXPUNGE, UID EXPUNGE or CLOSE would).`;
}

/** A link change in words: "300 ms one way, 2 octets/ms (16 kbit/s)". */
function linkWords(link: { readonly latencyMs?: number; readonly bytesPerMs?: number }): string {
  const parts = [
    ...(link.latencyMs !== undefined ? [`${link.latencyMs} ms one way`] : []),
    ...(link.bytesPerMs !== undefined
      ? [`${link.bytesPerMs} octets/ms (${Math.round(link.bytesPerMs * 8 * 100) / 100} kbit/s)`]
      : []),
  ];
  return parts.join(', ');
}

/** What the runner knows when an intent put nothing on the wire in a column. */
export interface QuietContext {
  readonly webmail: boolean;
  readonly online: boolean;
  readonly appOpen: boolean;
  readonly idling: boolean;
  readonly connected: boolean;
  readonly anyIdling: boolean;
  /** Some device of the column has a session open (its client holds a connection). */
  readonly anyConnected: boolean;
}

/** Why a column shows nothing on the wire for an intent: every step says something in both. */
export function quietNote(intent: Intent, protocol: Protocol, ctx: QuietContext): string {
  const name = protocol === 'pop3' ? 'POP3' : 'IMAP';
  switch (intent.type) {
    case 'newMail':
      return protocol === 'pop3'
        ? 'Nothing goes on the wire: a POP3 server only answers commands, so a POP3 client learns of new mail at its next check.'
        : ctx.anyConnected
          ? 'Nothing goes on the wire: no IMAP client is waiting in IDLE, and this server, like most, pushes news only to one that is (the protocol allows more, but a client cannot count on it: RFC 2177 §1). So one with the mailbox selected learns of the new mail at its next command (an EXISTS response), and one logged out when it next selects the mailbox (EXISTS, UIDNEXT).'
          : 'Nothing goes on the wire: no IMAP client is connected, so each learns of the new mail when it next logs in and selects the mailbox (EXISTS, UIDNEXT).';
    case 'wait':
      return ctx.anyIdling
        ? 'Nothing goes on the wire while the time passes: the IMAP client waits in IDLE, and the server has nothing to report.'
        : `Nothing goes on the wire while the time passes: no ${name} client is talking to the server.`;
    case 'setLink':
      return 'Nothing goes on the wire: the change slows or speeds up the units that follow.';
    case 'goOffline':
      return `Nothing was connected at that moment, so no ${name} session is cut.`;
    case 'goOnline':
      return ctx.appOpen
        ? 'Nothing goes on the wire yet.'
        : 'The mail app is closed, so nothing connects yet.';
    case 'checkMail':
      return ctx.idling
        ? 'Nothing to ask: the IMAP client is in IDLE, and this server has already told it of every change to the mailbox it selected (it reports each at once; RFC 2177 §3 lets a server choose when).'
        : 'Nothing goes on the wire.';
    case 'closeApp':
      return protocol === 'pop3'
        ? 'Nothing to send: the POP3 client ended its session (QUIT) as soon as it had downloaded the mail.'
        : 'Nothing to send: no IMAP session was open.';
    case 'openMessage':
      return protocol === 'imap'
        ? `${deviceName(intent.device)} shows message ${intent.message} from its cache: the body is already on the device and marked read, so nothing is sent.`
        : 'Nothing goes on the wire.';
    case 'dropConnection':
      if (intent.afterCommands?.[protocol] !== undefined)
        return `In this column the link will break after ${intent.afterCommands[protocol]} more commands from ${deviceName(intent.device).replace(/^The /, 'the ')}.`;
      if (intent.afterCommands !== undefined)
        return `In this column the link holds: the break is timed for the other protocol's session.`;
      return ctx.webmail
        ? `Webmail holds no ${name} session of its own (it is a page the server itself serves), so the break cuts nothing in this column.`
        : `No ${name} session is open on ${deviceName(intent.device).replace(/^The /, 'the ')} at this point, so the break cuts nothing in this column.`;
    default:
      return `Nothing goes on the wire in the ${name} column at this step.`;
  }
}
