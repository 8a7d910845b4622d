import { assign, emit, setup } from 'xstate';
import type { ImapSettings, LocalMessage } from '../types';
import { applyResponses, needsFetch } from './imap-apply';
import {
  fetchItems,
  parseUntagged,
  responseCode,
  splitResponses,
  taggedStatus,
  textPartOf,
  uidSet,
  type TextPart,
} from './imap-responses';

export interface ImapClientInput {
  readonly user: string;
  readonly password: string;
  readonly settings: ImapSettings;
  /** Connection security "STARTTLS": STARTTLS, then CAPABILITY again, before LOGIN (RFC 9051 §6.2.1). */
  readonly startTls?: boolean;
}

/** The default IMAP client: IDLE, bodies of opened messages kept, whole messages, delete = move to Trash. */
export const DEFAULT_IMAP_SETTINGS: ImapSettings = {
  idle: true,
  offline: 'opened',
  bodies: 'whole',
  deleteBy: 'move',
};

/** A user action the client turns into commands. */
export type ImapAction =
  | { kind: 'open'; uid: number }
  | { kind: 'flag'; uid: number; flag: '\\Seen' | '\\Flagged'; on: boolean }
  | { kind: 'delete'; uid: number }
  | { kind: 'expunge' }
  | { kind: 'check' }
  | { kind: 'close' }
  /** Save a copy of a message the user sent (APPEND, RFC 9051 §6.3.12), marked \Seen. */
  | { kind: 'append'; mailbox: string; message: string }
  /** Show another folder (e.g. Sent): LIST, SELECT it, fetch its envelopes, then back to INBOX. */
  | { kind: 'openFolder'; mailbox: string };

/** A folder other than INBOX as the client last showed it: its messages' envelopes. */
export interface FolderView {
  readonly name: string;
  readonly messages: readonly LocalMessage[];
}

export interface ImapClientContext extends ImapClientInput {
  /** The local cache: the envelope of every message, bodies of those opened. */
  messages: LocalMessage[];
  exists: number;
  uidValidity: number | null;
  /** Highest UID cached before this session's fetch of new mail, for the flag resync. */
  resyncUpTo: number;
  tag: number;
  pending: ImapAction | null;
  /** The Trash mailbox's name, found by LIST (its `\Trash` attribute, RFC 6154 §2). */
  trash: string | null;
  /** The text part of the message being opened (bodies: 'text'). */
  textPart: TextPart | null;
  lastError: string | null;
  /** settings.quota: storage used and allowed, in KB, as the server's last QUOTA response said. */
  quota: { usedKb: number; limitKb: number } | null;
  /** settings.quota: new mail was fetched since the client last asked. */
  quotaStale: boolean;
  /**
   * settings.resync 'qresync': the HIGHESTMODSEQ the last SELECT reported (RFC 7162 §3.1.2.1),
   * given back at the next SELECT to ask for only what changed since.
   */
  highestModseq: number | null;
  /** The last other folder the user opened (openFolder), or null. */
  folder: FolderView | null;
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
 * An IMAP mail client as real ones behave: log in, SELECT INBOX, fetch envelopes (a summary of some header fields)
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
    greetedAndStartTls: ({ context, event }) =>
      context.startTls === true && event.type === 'REPLY' && event.raw.startsWith('* OK'),
    tagOk: ({ context, event }) =>
      event.type === 'REPLY' && taggedStatus(event.raw, currentTag(context)) === 'OK',
    tagged: ({ context, event }) =>
      event.type === 'REPLY' && taggedStatus(event.raw, currentTag(context)) !== null,
    needsResync: ({ context }) => context.resyncUpTo > 0,
    hasPending: ({ context }) => context.pending !== null,
    needsFetch: ({ context }) => needsFetch(context),
    useIdle: ({ context }) => context.settings.idle,
    wantsOfflineCopies: ({ context }) =>
      context.settings.offline === 'all' && context.messages.some((m) => !m.hasBody || m.partial),
    textBodies: ({ context }) => context.settings.bodies === 'text',
    trashKnown: ({ context }) => context.trash !== null,
    deleteByMark: ({ context }) => context.settings.deleteBy === 'mark',
    textPartIsWhole: ({ context }) => context.textPart?.whole === true,
    pendingOpensCached: ({ context }) => {
      const p = context.pending;
      return p?.kind === 'open' && context.messages.some((m) => m.uid === p.uid && m.hasBody);
    },
    pendingOpensCachedSeen: ({ context }) => {
      const p = context.pending;
      return p?.kind === 'open' && context.messages.some((m) => m.uid === p.uid && m.hasBody && m.seen);
    },
    pendingIs: ({ context }, kind: ImapAction['kind']) => context.pending?.kind === kind,
    quotaStale: ({ context }) => context.settings.quota === true && context.quotaStale,
    useQresync: ({ context }) => context.settings.resync === 'qresync',
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
    /**
     * QRESYNC's SELECT (RFC 7162 §3.2.5): with the same UIDVALIDITY the cache stands, less what
     * `VANISHED (EARLIER)` names, with the flags of what the FETCHes report; no flag resync after.
     */
    applyQresyncSelect: assign(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      const validity = Number(responseCode(event.raw, 'UIDVALIDITY'));
      const kept = context.uidValidity === validity ? context.messages : [];
      const { messages, exists } = applyResponses({ messages: kept, exists: 0 }, event.raw, context.user);
      const modseq = responseCode(event.raw, 'HIGHESTMODSEQ');
      return {
        uidValidity: validity,
        messages: [...messages],
        exists,
        resyncUpTo: 0,
        highestModseq: modseq ? Number(modseq) : null,
      };
    }),
    endResync: assign({ resyncUpTo: 0 }),
    markQuotaStale: assign({ quotaStale: ({ context }) => context.settings.quota === true }),
    /** `* QUOTA "User quota" (STORAGE 3 4)` → 3 of 4 KB (RFC 9208 §4.2.1). */
    rememberQuota: assign(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      const m = /^\* QUOTA .*\(.*\bSTORAGE (\d+) (\d+)/im.exec(event.raw);
      return {
        quotaStale: false,
        quota: m ? { usedKb: Number(m[1]), limitKb: Number(m[2]) } : context.quota,
      };
    }),
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
    /** `* LIST (\HasNoChildren \Trash) "/" Trash` → Trash. */
    rememberTrash: assign(({ event }) => {
      if (event.type !== 'REPLY') return {};
      for (const r of splitResponses(event.raw)) {
        const m = /^\* LIST \(([^)]*)\) (?:"[^"]*"|NIL) "?([^"\r\n]+)"?/i.exec(r);
        if (m && /\\Trash\b/i.test(m[1]!)) return { trash: m[2]! };
      }
      return { trash: 'Trash' };
    }),
    rememberTextPart: assign(({ event }) => {
      if (event.type !== 'REPLY') return {};
      const fetch = splitResponses(event.raw)
        .map(parseUntagged)
        .find((u) => u?.kind === 'FETCH');
      return { textPart: fetch ? textPartOf(fetchItems(fetch.rest).get('BODYSTRUCTURE')) : null };
    }),
    /** The other folder's envelopes: the FETCH answers, kept apart from the INBOX cache. */
    applyFolder: assign(({ context, event }) => {
      if (event.type !== 'REPLY' || context.pending?.kind !== 'openFolder') return {};
      const { messages } = applyResponses({ messages: [], exists: 0 }, event.raw, context.user);
      return { folder: { name: context.pending.mailbox, messages: [...messages] } };
    }),
    /** A single-part message's text part is all of it. */
    markWhole: assign(({ context }) => ({
      messages: context.messages.map((m) =>
        m.uid === (context.pending as { uid: number } | null)?.uid ? { ...m, partial: false } : m,
      ),
    })),
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
    performing: {
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
    },
    // settings.quota: how full is the account? The server's numbers, for the storage bar.
    askingQuota: {
      entry: [{ type: 'send', params: { command: () => 'GETQUOTAROOT INBOX' } }, 'nextTag'],
      on: { REPLY: { target: 'ready', actions: ['apply', 'rememberQuota'] } },
    },
    // Offline copies of everything: every body, downloaded now (BODY.PEEK: not marked read).
    fetchingOffline: {
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
    },
    choosingDownload: {
      always: [{ guard: 'textBodies', target: 'fetchingStructure' }, { target: 'fetchingBody' }],
    },
    // bodies: 'text' — learn the message's parts first, then fetch only the text (RFC 9051 §6.4.5).
    fetchingStructure: {
      entry: [
        {
          type: 'send',
          params: { command: (c) => `UID FETCH ${(c.pending as { uid: number }).uid} (BODYSTRUCTURE)` },
        },
        'nextTag',
      ],
      on: { REPLY: { target: 'fetchingText', actions: ['apply', 'rememberTextPart'] } },
    },
    fetchingText: {
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
    },
    // BODY.PEEK does not set \Seen: the client says the message was read.
    markingSeen: {
      entry: [
        {
          type: 'send',
          params: { command: (c) => `UID STORE ${(c.pending as { uid: number }).uid} +FLAGS (\\Seen)` },
        },
        'nextTag',
      ],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
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
    deleting: {
      always: [
        { guard: 'deleteByMark', target: 'markingDeleted' },
        { guard: 'trashKnown', target: 'moving' },
        { target: 'findingTrash' },
      ],
    },
    // Which mailbox is Trash? The server says, with the \Trash attribute (RFC 6154).
    findingTrash: {
      entry: [{ type: 'send', params: { command: () => 'LIST "" "*"' } }, 'nextTag'],
      on: { REPLY: { target: 'moving', actions: ['apply', 'rememberTrash'] } },
    },
    moving: {
      entry: [
        {
          type: 'send',
          params: { command: (c) => `UID MOVE ${(c.pending as { uid: number }).uid} ${c.trash ?? 'Trash'}` },
        },
        'nextTag',
      ],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
    },
    // Two-phase deletion, first phase: mark it; it stays until EXPUNGE (RFC 9051 §2.3.2).
    markingDeleted: {
      entry: [
        {
          type: 'send',
          params: { command: (c) => `UID STORE ${(c.pending as { uid: number }).uid} +FLAGS (\\Deleted)` },
        },
        'nextTag',
      ],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
    },
    // Second phase: remove every message marked \Deleted (RFC 9051 §6.4.3).
    expunging: {
      entry: [{ type: 'send', params: { command: () => 'EXPUNGE' } }, 'nextTag'],
      on: { REPLY: { target: 'ready', actions: ['apply', 'clearPending'] } },
    },
    // The sent copy: SMTP does not keep one, so the client stores it in Sent itself, with a
    // non-synchronizing literal (LITERAL+, RFC 7888) so that the message follows at once.
    appending: {
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
    },
    // Another folder, as a one-connection client shows it: the folder list (LIST, RFC 9051
    // §6.3.9; Sent is marked \Sent, RFC 6154 §2), SELECT it, its envelopes, then INBOX again.
    listingFolders: {
      entry: [{ type: 'send', params: { command: () => 'LIST "" "*"' } }, 'nextTag'],
      on: { REPLY: { target: 'selectingFolder', actions: 'apply' } },
    },
    selectingFolder: {
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
    },
    fetchingFolder: {
      entry: [
        { type: 'send', params: { command: () => 'UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)' } },
        'nextTag',
      ],
      on: { REPLY: { target: 'select', actions: ['applyFolder', 'clearPending'] } },
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
