import { assign, emit, setup } from 'xstate';
import type { LocalMessage } from '../types';
import { applyResponses, needsFetch } from './imap-apply';
import { responseCode, taggedStatus } from './imap-responses';

export interface ImapClientInput {
  readonly user: string;
  readonly password: string;
  /** Use IDLE while the app is open, so new mail and changes arrive at once. */
  readonly idle: boolean;
}

/** A user action the client turns into commands. */
export type ImapAction =
  | { kind: 'open'; uid: number }
  | { kind: 'flag'; uid: number; flag: '\\Seen' | '\\Flagged'; on: boolean }
  | { kind: 'delete'; uid: number }
  | { kind: 'check' }
  | { kind: 'close' };

export interface ImapClientContext extends ImapClientInput {
  /** The local cache: headers of every message, bodies of those opened. */
  messages: LocalMessage[];
  exists: number;
  uidValidity: number | null;
  /** Highest UID cached before this session's fetch of new mail, for the flag resync. */
  resyncUpTo: number;
  tag: number;
  pending: ImapAction | null;
  lastError: string | null;
}

export type ImapClientEvent =
  | { type: 'SYNC' }
  | { type: 'ACT'; action: ImapAction }
  | { type: 'REPLY'; raw: string }
  | { type: 'PUSH'; raw: string }
  | { type: 'DROP' };

export type ImapClientEmitted =
  { type: 'connect' } | { type: 'send'; line: string; secret?: boolean } | { type: 'disconnect' };

const lastUid = (c: ImapClientContext) => c.messages.at(-1)?.uid ?? 0;
const currentTag = (c: ImapClientContext) => `a${c.tag}`;

/**
 * An IMAP mail client as real ones behave: log in, SELECT INBOX, fetch headers (envelopes)
 * of new messages and the flags of cached ones, then wait in IDLE. A body is fetched only
 * when the user opens the message, and kept. Read, flag and delete are sent to the server,
 * so every device sees them.
 */
export const imapClientMachine = setup({
  types: {
    input: {} as ImapClientInput,
    context: {} as ImapClientContext,
    events: {} as ImapClientEvent,
    emitted: {} as ImapClientEmitted,
  },
  guards: {
    greeted: ({ event }) => event.type === 'REPLY' && event.raw.startsWith('* OK'),
    tagOk: ({ context, event }) =>
      event.type === 'REPLY' && taggedStatus(event.raw, currentTag(context)) === 'OK',
    tagged: ({ context, event }) =>
      event.type === 'REPLY' && taggedStatus(event.raw, currentTag(context)) !== null,
    needsResync: ({ context }) => context.resyncUpTo > 0,
    hasPending: ({ context }) => context.pending !== null,
    needsFetch: ({ context }) => needsFetch(context),
    useIdle: ({ context }) => context.idle,
    pendingOpensCached: ({ context }) => {
      const p = context.pending;
      return p?.kind === 'open' && context.messages.some((m) => m.uid === p.uid && m.hasBody);
    },
    pendingOpensCachedSeen: ({ context }) => {
      const p = context.pending;
      return p?.kind === 'open' && context.messages.some((m) => m.uid === p.uid && m.hasBody && m.seen);
    },
    pendingIs: ({ context }, kind: ImapAction['kind']) => context.pending?.kind === kind,
  },
  actions: {
    connect: emit({ type: 'connect' as const }),
    disconnect: emit({ type: 'disconnect' as const }),
    /** Sends `a<n> <command>` with a fresh tag. */
    send: emit(({ context }, params: { command: (c: ImapClientContext) => string; secret?: boolean }) => ({
      type: 'send' as const,
      line: `a${context.tag + 1} ${params.command(context)}`,
      secret: params.secret,
    })),
    nextTag: assign({ tag: ({ context }) => context.tag + 1 }),
    sendDone: emit({ type: 'send' as const, line: 'DONE' }),
    apply: assign(({ context, event }) => {
      if (event.type !== 'REPLY' && event.type !== 'PUSH') return {};
      return applyResponses(context, event.raw, context.user);
    }),
    /** UIDVALIDITY changed: every cached UID is meaningless now (RFC 9051 §2.3.1.1). */
    applySelect: assign(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      const validity = Number(responseCode(event.raw, 'UIDVALIDITY'));
      const keep = context.uidValidity === validity;
      const messages = keep ? context.messages : [];
      const exists = Number(/\* (\d+) EXISTS/.exec(event.raw)?.[1] ?? 0);
      return { uidValidity: validity, messages, exists, resyncUpTo: messages.at(-1)?.uid ?? 0 };
    }),
    endResync: assign({ resyncUpTo: 0 }),
    /** Messages cached before but absent from the flag resync were expunged meanwhile. */
    pruneAfterResync: assign(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      const present = new Set([...event.raw.matchAll(/UID (\d+)/g)].map((m) => Number(m[1])));
      const messages = context.messages.filter((m) => m.uid > context.resyncUpTo || present.has(m.uid));
      return { messages };
    }),
    queue: assign({
      pending: ({ event, context }) => (event.type === 'ACT' ? event.action : context.pending),
    }),
    queueCheck: assign({ pending: ({ context }) => context.pending ?? { kind: 'check' } }),
    clearPending: assign({ pending: null }),
    /** Opening a cached but unread message only needs the \Seen flag sent. */
    openAsSeen: assign(({ context }) => ({
      pending:
        context.pending?.kind === 'open'
          ? { kind: 'flag' as const, uid: context.pending.uid, flag: '\\Seen' as const, on: true }
          : context.pending,
    })),
    rememberError: assign({
      lastError: ({ event }) =>
        event.type === 'REPLY' ? event.raw.trim().split('\r\n').at(-1)! : 'connection lost',
    }),
    clearError: assign({ lastError: null }),
  },
}).createMachine({
  id: 'imapClient',
  context: ({ input }) => ({
    ...input,
    messages: [],
    exists: 0,
    uidValidity: null,
    resyncUpTo: 0,
    tag: 0,
    pending: null,
    lastError: null,
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
      on: { REPLY: [{ guard: 'greeted', target: 'login' }, { target: 'failed' }] },
    },
    login: {
      entry: [
        { type: 'send', params: { command: (c) => `LOGIN ${c.user} ${c.password}`, secret: true } },
        'nextTag',
      ],
      on: {
        REPLY: [
          { guard: 'tagOk', target: 'select' },
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
    performing: {
      always: [
        // The body is cached: nothing to download (and \Seen to send only if it was unread).
        { guard: 'pendingOpensCachedSeen', target: 'ready', actions: 'clearPending' },
        { guard: 'pendingOpensCached', target: 'storing', actions: 'openAsSeen' },
        { guard: { type: 'pendingIs', params: 'open' }, target: 'fetchingBody' },
        { guard: { type: 'pendingIs', params: 'flag' }, target: 'storing' },
        { guard: { type: 'pendingIs', params: 'delete' }, target: 'moving' },
        { guard: { type: 'pendingIs', params: 'close' }, target: 'loggingOut' },
        { target: 'checking' },
      ],
    },
    fetchingBody: {
      entry: [
        {
          type: 'send',
          params: { command: (c) => `UID FETCH ${(c.pending as { uid: number }).uid} BODY[]` },
        },
        'nextTag',
      ],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
    },
    storing: {
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
    },
    moving: {
      entry: [
        { type: 'send', params: { command: (c) => `UID MOVE ${(c.pending as { uid: number }).uid} Trash` } },
        'nextTag',
      ],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
    },
    checking: {
      entry: [{ type: 'send', params: { command: () => 'NOOP' } }, 'nextTag'],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
    },
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
