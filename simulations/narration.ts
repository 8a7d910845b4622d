import type { SessionEvent } from '../lib/session/types';
import { bytesToDisplayText } from '../lib/wire/bytes';
import type { ImapAction } from './clients/imap-client';
import type { Intent } from './types';

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
    case 'goOffline':
      return `${deviceName(intent.device)} goes offline.`;
    case 'goOnline':
      return `${deviceName(intent.device)} is back online.`;
    case 'dropConnection':
      return intent.afterCommands !== undefined
        ? `${deviceName(intent.device)}'s connection is about to break (a train enters a tunnel).`
        : `${deviceName(intent.device)}'s connection breaks.`;
    case 'wait': {
      const d = duration(intent.ms);
      return `${d} ${d.startsWith('A ') ? 'passes' : 'pass'}.`;
    }
    case 'newMail':
      return `New mail arrives on the server: "${intent.subject}" from ${intent.from}.`;
  }
}

/** A plain-words line for one unit on the wire. */
export function narrateWire(device: string, event: SessionEvent, greeting: boolean): string {
  const who = deviceName(device);
  if (event.direction === 'c2s') {
    const verb = event.command ?? firstLine(event.masked ?? event.raw).split(' ')[0];
    return event.explanation
      ? `${who} sends ${verb}: ${event.explanation}.`
      : `${who} sends ${firstLine(event.masked ?? event.raw)}.`;
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
      return `The server tells ${who.toLowerCase()} to go on: ${line}`;
    case 'untagged':
      return `The server tells ${who.toLowerCase()}: ${line}`;
    default:
      return `The server answers ${event.command ?? ''}: ${line}`.replace('answers :', 'answers:');
  }
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

/** Why a POP3 device changes only its own copy. */
export function popLocalNote(id: string, action: ImapAction): string {
  const who = deviceName(id);
  switch (action.kind) {
    case 'open':
      return `${who} shows its downloaded copy of message ${action.uid}: no network needed, and the server is not told it was read.`;
    case 'delete':
      return `${who} deletes its own copy of message ${action.uid}; POP3 has no command to tell the server.`;
    default:
      return `${who} changes message ${'uid' in action ? action.uid : ''} on the device only; POP3 cannot store flags on the server.`;
  }
}
