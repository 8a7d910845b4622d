/*
 * The IMAP client machine's session: connect (STARTTLS first if asked), LOGIN, SELECT INBOX,
 * fetch what is new, resync flags, then wait (IDLE or not) until LOGOUT. Its shapes and its
 * guards and actions are in imap-client-setup.ts; what it does from `ready` for the user, in
 * imap-client-tasks.ts.
 */
import type { ImapSettings } from '../types';
import { imapClientSetup, type ImapClientContext } from './imap-client-setup';
import { imapClientTaskStates } from './imap-client-tasks';

export type {
  FolderView,
  ImapAction,
  ImapClientContext,
  ImapClientEmitted,
  ImapClientEvent,
  ImapClientInput,
} from './imap-client-setup';

/** The default IMAP client: IDLE, bodies of opened messages kept, whole messages, delete = move to Trash. */
export const DEFAULT_IMAP_SETTINGS: ImapSettings = {
  idle: true,
  offline: 'opened',
  bodies: 'whole',
  deleteBy: 'move',
};

const lastUid = (c: ImapClientContext) => c.messages.at(-1)?.uid ?? 0;

/**
 * An IMAP mail client as real ones behave: log in, SELECT INBOX, fetch envelopes (a summary of some header fields)
 * of new messages and the flags of cached ones, then wait in IDLE. A body is fetched only
 * when the user opens the message, and kept. Read, flag and delete are sent to the server,
 * so every device sees them.
 */
export const imapClientMachine = imapClientSetup.createMachine({
  id: 'imapClient',
  context: ({ input }) => ({
    ...input,
    messages: [],
    exists: 0,
    uidValidity: null,
    resyncUpTo: 0,
    tag: 0,
    pending: null,
    trash: null,
    textPart: null,
    lastError: null,
    quota: null,
    quotaStale: false,
    highestModseq: null,
    folder: null,
  }),
  initial: 'disconnected',
  states: {
    disconnected: {
      on: {
        SYNC: { target: 'connecting', actions: 'clearError' },
        // Acting while disconnected first reconnects, then performs the action.
        ACT: { target: 'connecting', actions: ['queue', 'clearError'] },
      },
    },
    connecting: {
      entry: 'connect',
      on: {
        REPLY: [
          { guard: 'greetedAndStartTls', target: 'startingTls' },
          { guard: 'greeted', target: 'login' },
          { target: 'failed' },
        ],
      },
    },
    // TLS first (RFC 9051 §6.2.1), then the capabilities again: those from before TLS are void.
    startingTls: {
      entry: [{ type: 'send', params: { command: () => 'STARTTLS' } }, 'nextTag'],
      on: { REPLY: [{ guard: 'tagOk', target: 'recheckingCapabilities' }, { target: 'failed' }] },
    },
    recheckingCapabilities: {
      entry: [{ type: 'send', params: { command: () => 'CAPABILITY' } }, 'nextTag'],
      on: { REPLY: [{ guard: 'tagOk', target: 'login' }, { target: 'failed' }] },
    },
    login: {
      entry: [
        { type: 'send', params: { command: (c) => `LOGIN ${c.user} ${c.password}`, secret: true } },
        'nextTag',
      ],
      on: {
        REPLY: [
          { guard: 'useQresync', target: 'enablingQresync' },
          { guard: 'tagOk', target: 'select' },
          { target: 'loggingOut', actions: 'rememberError' },
        ],
      },
    },
    // settings.resync 'qresync': turn QRESYNC on for this session (RFC 7162 §3.2.3, RFC 5161).
    enablingQresync: {
      entry: [{ type: 'send', params: { command: () => 'ENABLE QRESYNC' } }, 'nextTag'],
      on: { REPLY: { target: 'selectQresync' } },
    },
    // One SELECT with what the cache knows; the server answers with what changed since.
    selectQresync: {
      entry: [
        {
          type: 'send',
          params: {
            command: (c) =>
              c.uidValidity !== null && c.highestModseq !== null && c.messages.length
                ? `SELECT INBOX (QRESYNC (${c.uidValidity} ${c.highestModseq}))`
                : 'SELECT INBOX',
          },
        },
        'nextTag',
      ],
      on: {
        REPLY: [
          { guard: 'tagOk', target: 'fetchNew', actions: 'applyQresyncSelect' },
          { target: 'loggingOut', actions: 'rememberError' },
        ],
      },
    },
    select: {
      entry: [{ type: 'send', params: { command: () => 'SELECT INBOX' } }, 'nextTag'],
      on: {
        REPLY: [
          { guard: 'tagOk', target: 'fetchNew', actions: 'applySelect' },
          { target: 'loggingOut', actions: 'rememberError' },
        ],
      },
    },
    fetchNew: {
      entry: [
        {
          type: 'send',
          params: { command: (c) => `UID FETCH ${lastUid(c) + 1}:* (UID FLAGS RFC822.SIZE ENVELOPE)` },
        },
        'nextTag',
        'markQuotaStale',
      ],
      on: {
        REPLY: [
          { guard: 'needsResync', target: 'resyncFlags', actions: 'apply' },
          { target: 'ready', actions: 'apply' },
        ],
      },
    },
    resyncFlags: {
      entry: [
        { type: 'send', params: { command: (c) => `UID FETCH 1:${c.resyncUpTo} (UID FLAGS)` } },
        'nextTag',
      ],
      on: { REPLY: { target: 'ready', actions: ['apply', 'pruneAfterResync', 'endResync'] } },
    },
    ready: {
      always: [
        { guard: 'needsFetch', target: 'fetchNew' },
        { guard: 'quotaStale', target: 'askingQuota' },
        { guard: 'wantsOfflineCopies', target: 'fetchingOffline' },
        { guard: 'hasPending', target: 'performing' },
        { guard: 'useIdle', target: 'idling' },
        { target: 'waiting' },
      ],
    },
    waiting: {
      on: {
        ACT: { target: 'ready', actions: 'queue' },
        SYNC: { target: 'ready', actions: 'queueCheck' },
      },
    },
    idling: {
      entry: [{ type: 'send', params: { command: () => 'IDLE' } }, 'nextTag'],
      on: {
        // The "+ idling" continuation, and anything pushed while idle.
        REPLY: { actions: 'apply' },
        PUSH: [{ guard: 'needsFetch', target: 'leavingIdle', actions: 'apply' }, { actions: 'apply' }],
        ACT: { target: 'leavingIdle', actions: 'queue' },
        // Already up to date: IDLE reports changes as they happen.
      },
      always: { guard: 'needsFetch', target: 'leavingIdle' },
    },
    leavingIdle: {
      entry: 'sendDone',
      on: { REPLY: { target: 'ready', actions: 'apply' } },
    },
    // performing … checking: what the client does from `ready` for the user (imap-client-tasks.ts).
    ...imapClientTaskStates,
    loggingOut: {
      entry: [{ type: 'send', params: { command: () => 'LOGOUT' } }, 'nextTag', 'clearPending'],
      on: { REPLY: { target: 'disconnected', actions: 'disconnect' } },
    },
    failed: {
      entry: ['rememberError', 'disconnect', 'clearPending'],
      always: 'disconnected',
    },
  },
  // A dropped connection: the cache stays; the next SELECT resyncs against UIDVALIDITY/UIDNEXT.
  on: { DROP: { target: '.disconnected', actions: ['rememberError', 'clearPending'] } },
});
