import type { ImapAction } from './clients/imap-client';
import type { LocalAction } from './clients/pop3-client';
import type { Intent } from './types';

/** A user intent as the device machine's event. */
export function toDeviceEvent(
  intent: Exclude<
    Intent,
    { type: 'wait' | 'newMail' | 'dropConnection' | 'setLink' | 'send' | 'restartServer' | 'fillQuota' }
  >,
) {
  switch (intent.type) {
    case 'expunge':
      return { type: 'ACT' as const, action: { kind: 'expunge' as const } };
    case 'openApp':
      return { type: 'OPEN_APP' as const };
    case 'checkMail':
      return { type: 'CHECK_MAIL' as const };
    case 'closeApp':
      return { type: 'CLOSE_APP' as const };
    case 'goOffline':
      return { type: 'GO_OFFLINE' as const };
    case 'goOnline':
      return { type: 'GO_ONLINE' as const };
    case 'openMessage':
      return { type: 'ACT' as const, action: { kind: 'open' as const, uid: intent.message } };
    case 'markRead':
    case 'markUnread':
      return {
        type: 'ACT' as const,
        action: {
          kind: 'flag' as const,
          uid: intent.message,
          flag: '\\Seen' as const,
          on: intent.type === 'markRead',
        },
      };
    case 'flag':
      return {
        type: 'ACT' as const,
        action: { kind: 'flag' as const, uid: intent.message, flag: '\\Flagged' as const, on: true },
      };
    case 'delete':
      return { type: 'ACT' as const, action: { kind: 'delete' as const, uid: intent.message } };
    case 'openFolder':
      return { type: 'ACT' as const, action: { kind: 'openFolder' as const, mailbox: intent.mailbox } };
  }
}

/** What a POP3 client does on the device for a user's action: POP3 cannot tell the server. */
export function toLocalAction(
  action: Exclude<
    ImapAction,
    { kind: 'check' } | { kind: 'close' } | { kind: 'expunge' } | { kind: 'append' } | { kind: 'openFolder' }
  >,
): LocalAction {
  if (action.kind === 'open') return { kind: 'read', uid: action.uid, seen: true };
  if (action.kind === 'delete') return { kind: 'delete', uid: action.uid };
  return action.flag === '\\Seen'
    ? { kind: 'read', uid: action.uid, seen: action.on }
    : { kind: 'flag', uid: action.uid };
}
