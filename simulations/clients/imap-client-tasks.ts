/*
 * What the IMAP client does from `ready` besides waiting: carry out the user's pending
 * ImapAction (`performing` picks its commands), ask for the quota (settings.quota), download
 * offline copies (settings.offline 'all'). Each ends back at `ready`, or at `select` after
 * another folder was shown.
 */
import { uidSet } from './imap-responses';
import { imapClientSetup, type ImapAction } from './imap-client-setup';

/** The states, in the machine's order: imap-client.ts puts them between `leavingIdle` and `loggingOut`. */
export const imapClientTaskStates = {
  performing: imapClientSetup.createStateConfig({
    always: [
      // The body is cached: nothing to download (and \Seen to send only if it was unread).
      { guard: 'pendingOpensCachedSeen', target: 'ready', actions: 'clearPending' },
      { guard: 'pendingOpensCached', target: 'storing', actions: 'openAsSeen' },
      { guard: { type: 'pendingIs', params: 'open' }, target: 'choosingDownload' },
      { guard: { type: 'pendingIs', params: 'flag' }, target: 'storing' },
      { guard: { type: 'pendingIs', params: 'delete' }, target: 'deleting' },
      { guard: { type: 'pendingIs', params: 'expunge' }, target: 'expunging' },
      { guard: { type: 'pendingIs', params: 'close' }, target: 'loggingOut' },
      { guard: { type: 'pendingIs', params: 'append' }, target: 'appending' },
      { guard: { type: 'pendingIs', params: 'openFolder' }, target: 'listingFolders' },
      { target: 'checking' },
    ],
  }),
  // settings.quota: how full is the account? The server's numbers, for the storage bar.
  askingQuota: imapClientSetup.createStateConfig({
    entry: [{ type: 'send', params: { command: () => 'GETQUOTAROOT INBOX' } }, 'nextTag'],
    on: { REPLY: { target: 'ready', actions: ['apply', 'rememberQuota'] } },
  }),
  // Offline copies of everything: every body, downloaded now (BODY.PEEK: not marked read).
  fetchingOffline: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: {
          command: (c) =>
            `UID FETCH ${uidSet(c.messages.filter((m) => !m.hasBody || m.partial).map((m) => m.uid))} BODY.PEEK[]`,
        },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: 'apply' } },
  }),
  choosingDownload: imapClientSetup.createStateConfig({
    always: [{ guard: 'textBodies', target: 'fetchingStructure' }, { target: 'fetchingBody' }],
  }),
  // bodies: 'text' — learn the message's parts first, then fetch only the text (RFC 9051 §6.4.5).
  fetchingStructure: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: { command: (c) => `UID FETCH ${(c.pending as { uid: number }).uid} (BODYSTRUCTURE)` },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'fetchingText', actions: ['apply', 'rememberTextPart'] } },
  }),
  fetchingText: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: {
          command: (c) =>
            `UID FETCH ${(c.pending as { uid: number }).uid} (BODY.PEEK[${c.textPart?.part ?? '1'}])`,
        },
      },
      'nextTag',
    ],
    on: {
      REPLY: [
        { guard: 'textPartIsWhole', target: 'markingSeen', actions: ['apply', 'markWhole'] },
        { target: 'markingSeen', actions: 'apply' },
      ],
    },
  }),
  // BODY.PEEK does not set \Seen: the client says the message was read.
  markingSeen: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: { command: (c) => `UID STORE ${(c.pending as { uid: number }).uid} +FLAGS (\\Seen)` },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  fetchingBody: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: { command: (c) => `UID FETCH ${(c.pending as { uid: number }).uid} BODY[]` },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  storing: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: {
          command: (c) => {
            const p = c.pending as Extract<ImapAction, { kind: 'flag' }>;
            return `UID STORE ${p.uid} ${p.on ? '+' : '-'}FLAGS (${p.flag})`;
          },
        },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  deleting: imapClientSetup.createStateConfig({
    always: [
      { guard: 'deleteByMark', target: 'markingDeleted' },
      { guard: 'trashKnown', target: 'moving' },
      { target: 'findingTrash' },
    ],
  }),
  // Which mailbox is Trash? The server says, with the \Trash attribute (RFC 6154).
  findingTrash: imapClientSetup.createStateConfig({
    entry: [{ type: 'send', params: { command: () => 'LIST "" "*"' } }, 'nextTag'],
    on: { REPLY: { target: 'moving', actions: ['apply', 'rememberTrash'] } },
  }),
  moving: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: { command: (c) => `UID MOVE ${(c.pending as { uid: number }).uid} ${c.trash ?? 'Trash'}` },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  // Two-phase deletion, first phase: mark it; it stays until EXPUNGE (RFC 9051 §2.3.2).
  markingDeleted: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: { command: (c) => `UID STORE ${(c.pending as { uid: number }).uid} +FLAGS (\\Deleted)` },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  // Second phase: remove every message marked \Deleted (RFC 9051 §6.4.3).
  expunging: imapClientSetup.createStateConfig({
    entry: [{ type: 'send', params: { command: () => 'EXPUNGE' } }, 'nextTag'],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  // The sent copy: SMTP does not keep one, so the client stores it in Sent itself, with a
  // non-synchronizing literal (LITERAL+, RFC 7888) so that the message follows at once.
  appending: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: {
          command: (c) => {
            const p = c.pending as Extract<ImapAction, { kind: 'append' }>;
            return `APPEND ${p.mailbox} (\\Seen) {${p.message.length}+}\r\n${p.message}`;
          },
        },
      },
      'nextTag',
    ],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
  // Another folder, as a one-connection client shows it: the folder list (LIST, RFC 9051
  // §6.3.9; Sent is marked \Sent, RFC 6154 §2), SELECT it, its envelopes, then INBOX again.
  listingFolders: imapClientSetup.createStateConfig({
    entry: [{ type: 'send', params: { command: () => 'LIST "" "*"' } }, 'nextTag'],
    on: { REPLY: { target: 'selectingFolder', actions: 'apply' } },
  }),
  selectingFolder: imapClientSetup.createStateConfig({
    entry: [
      {
        type: 'send',
        params: {
          command: (c) => `SELECT ${(c.pending as Extract<ImapAction, { kind: 'openFolder' }>).mailbox}`,
        },
      },
      'nextTag',
    ],
    on: {
      REPLY: [
        { guard: 'tagOk', target: 'fetchingFolder' },
        { target: 'select', actions: ['rememberError', 'clearPending'] },
      ],
    },
  }),
  fetchingFolder: imapClientSetup.createStateConfig({
    entry: [
      { type: 'send', params: { command: () => 'UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)' } },
      'nextTag',
    ],
    on: { REPLY: { target: 'select', actions: ['applyFolder', 'clearPending'] } },
  }),
  checking: imapClientSetup.createStateConfig({
    entry: [{ type: 'send', params: { command: () => 'NOOP' } }, 'nextTag'],
    on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
  }),
};
