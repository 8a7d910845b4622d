import { assign, emit, setup } from 'xstate';
import type { LocalMessage, Pop3Settings } from '../types';
import { summarize } from './local-store';

const DAY = 24 * 60 * 60 * 1000;

export interface Pop3ClientInput {
  readonly user: string;
  readonly password: string;
  readonly settings: Pop3Settings;
}

interface Listed {
  readonly num: number;
  readonly uidl: string;
}

export interface Pop3ClientContext extends Pop3ClientInput {
  /** The local inbox: what this client has downloaded. */
  messages: LocalMessage[];
  /** With "leave a copy": UIDLs already downloaded, and when (virtual ms). */
  knownUidls: Record<string, number>;
  listing: Listed[];
  toFetch: number[];
  toDelete: number[];
  cursor: number;
  now: number;
  lastError: string | null;
}

/** What the user does to a downloaded message: on the device only, POP3 cannot tell the server. */
export type LocalAction =
  | { kind: 'read'; uid: number; seen: boolean }
  | { kind: 'flag'; uid: number }
  | { kind: 'delete'; uid: number };

export type Pop3ClientEvent =
  | { type: 'SYNC'; now: number }
  | { type: 'REPLY'; raw: string }
  | { type: 'LOCAL'; action: LocalAction }
  | { type: 'DROP' };

export type Pop3ClientEmitted =
  { type: 'connect' } | { type: 'send'; line: string; secret?: boolean } | { type: 'disconnect' };

/** The UID inside one of our UIDL ids (Dovecot-style: 8 hex digits of UID, then UIDVALIDITY). */
export function uidFromUidl(uidl: string): number {
  return parseInt(uidl.slice(0, 8), 16);
}

/** A RETR reply's message, un-dot-stuffed (RFC 1939 §3). */
export function retrBody(raw: string): string {
  const start = raw.indexOf('\r\n') + 2;
  return raw.slice(start, -3).replace(/(^|\r\n)\.\./g, '$1.');
}

function multilineLines(raw: string): string[] {
  return raw.split('\r\n').slice(1, -2);
}

/**
 * A POP3 mail client as real ones behave (RFC 1939 §10's example session): log in, STAT,
 * LIST, UIDL, RETR each new message, DELE it unless "leave a copy on the server" is on, QUIT.
 * Reading, flagging and deleting afterwards happen on the device only: POP3 has no way to
 * tell the server.
 */
export const pop3ClientMachine = setup({
  types: {
    input: {} as Pop3ClientInput,
    context: {} as Pop3ClientContext,
    events: {} as Pop3ClientEvent,
    emitted: {} as Pop3ClientEmitted,
  },
  guards: {
    ok: ({ event }) => event.type === 'REPLY' && event.raw.startsWith('+OK'),
    moreToFetch: ({ context }) => context.cursor < context.toFetch.length,
    moreToDelete: ({ context }) => context.cursor < context.toDelete.length,
  },
  actions: {
    connect: emit({ type: 'connect' as const }),
    disconnect: emit({ type: 'disconnect' as const }),
    sendUser: emit(({ context }) => ({ type: 'send' as const, line: `USER ${context.user}` })),
    sendPass: emit(({ context }) => ({
      type: 'send' as const,
      line: `PASS ${context.password}`,
      secret: true,
    })),
    sendStat: emit({ type: 'send' as const, line: 'STAT' }),
    sendList: emit({ type: 'send' as const, line: 'LIST' }),
    sendUidl: emit({ type: 'send' as const, line: 'UIDL' }),
    sendRetr: emit(({ context }) => ({
      type: 'send' as const,
      line: `RETR ${context.toFetch[context.cursor]}`,
    })),
    sendDele: emit(({ context }) => ({
      type: 'send' as const,
      line: `DELE ${context.toDelete[context.cursor]}`,
    })),
    sendQuit: emit({ type: 'send' as const, line: 'QUIT' }),
    noteTime: assign({ now: ({ event, context }) => (event.type === 'SYNC' ? event.now : context.now) }),
    rememberError: assign({
      lastError: ({ event }) => (event.type === 'REPLY' ? event.raw.trim() : 'connection lost'),
    }),
    clearError: assign({ lastError: null }),
    /** Decide what to download: everything, or (leave a copy) only UIDLs not seen before. */
    planFetch: assign(({ context, event }) => {
      const listing =
        event.type === 'REPLY'
          ? multilineLines(event.raw).map((line) => {
              const [num, uidl] = line.split(' ');
              return { num: Number(num), uidl: uidl! };
            })
          : [];
      const toFetch = listing
        .filter((l) => !context.settings.leaveCopy || !(l.uidl in context.knownUidls))
        .map((l) => l.num);
      return { listing, toFetch, cursor: 0 };
    }),
    storeRetrieved: assign(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      const num = context.toFetch[context.cursor]!;
      const listed = context.listing.find((l) => l.num === num)!;
      const raw = retrBody(event.raw);
      const { subject, from } = summarize(raw);
      const message: LocalMessage = {
        uid: uidFromUidl(listed.uidl),
        subject,
        from,
        size: raw.length,
        seen: false,
        flagged: false,
        hasBody: true,
        account: context.user,
        storedBytes: raw.length,
      };
      return {
        messages: [...context.messages, message],
        knownUidls: context.settings.leaveCopy
          ? { ...context.knownUidls, [listed.uidl]: context.now }
          : context.knownUidls,
        cursor: context.cursor + 1,
      };
    }),
    /** Without "leave a copy", everything downloaded goes; with it, only what is older than N days. */
    planDelete: assign(({ context }) => {
      const { leaveCopy, deleteAfterDays } = context.settings;
      const toDelete = context.listing
        .filter((l) => {
          if (!leaveCopy) return context.toFetch.includes(l.num);
          if (deleteAfterDays === undefined) return false;
          const first = context.knownUidls[l.uidl];
          return first !== undefined && context.now - first >= deleteAfterDays * DAY;
        })
        .map((l) => l.num);
      return { toDelete, cursor: 0 };
    }),
    advance: assign({ cursor: ({ context }) => context.cursor + 1 }),
    applyLocal: assign({
      messages: ({ context, event }) => {
        if (event.type !== 'LOCAL') return context.messages;
        const a = event.action;
        if (a.kind === 'delete') return context.messages.filter((m) => m.uid !== a.uid);
        return context.messages.map((m) =>
          m.uid !== a.uid ? m : a.kind === 'read' ? { ...m, seen: a.seen } : { ...m, flagged: true },
        );
      },
    }),
  },
}).createMachine({
  id: 'pop3Client',
  context: ({ input }) => ({
    ...input,
    messages: [],
    knownUidls: {},
    listing: [],
    toFetch: [],
    toDelete: [],
    cursor: 0,
    now: 0,
    lastError: null,
  }),
  initial: 'disconnected',
  states: {
    disconnected: {
      on: { SYNC: { target: 'connecting', actions: ['noteTime', 'clearError'] } },
    },
    connecting: {
      entry: 'connect',
      on: { REPLY: [{ guard: 'ok', target: 'user' }, { target: 'failed' }] },
    },
    user: { entry: 'sendUser', on: { REPLY: [{ guard: 'ok', target: 'pass' }, { target: 'quitting' }] } },
    pass: {
      entry: 'sendPass',
      on: {
        REPLY: [
          { guard: 'ok', target: 'stat' },
          { target: 'quitting', actions: 'rememberError' },
        ],
      },
    },
    stat: { entry: 'sendStat', on: { REPLY: [{ guard: 'ok', target: 'list' }, { target: 'quitting' }] } },
    list: { entry: 'sendList', on: { REPLY: [{ guard: 'ok', target: 'uidl' }, { target: 'quitting' }] } },
    uidl: {
      entry: 'sendUidl',
      on: { REPLY: [{ guard: 'ok', target: 'nextDownload', actions: 'planFetch' }, { target: 'quitting' }] },
    },
    nextDownload: {
      always: [
        { guard: 'moreToFetch', target: 'retrieving' },
        { target: 'nextDeletion', actions: 'planDelete' },
      ],
    },
    retrieving: {
      entry: 'sendRetr',
      on: {
        REPLY: [
          { guard: 'ok', target: 'nextDownload', actions: 'storeRetrieved' },
          { target: 'quitting', actions: 'rememberError' },
        ],
      },
    },
    nextDeletion: {
      always: [{ guard: 'moreToDelete', target: 'deleting' }, { target: 'quitting' }],
    },
    deleting: {
      entry: 'sendDele',
      on: {
        REPLY: [
          { guard: 'ok', target: 'nextDeletion', actions: 'advance' },
          { target: 'quitting', actions: 'rememberError' },
        ],
      },
    },
    quitting: {
      entry: 'sendQuit',
      on: { REPLY: { target: 'disconnected', actions: 'disconnect' } },
    },
    failed: {
      entry: ['rememberError', 'disconnect'],
      always: 'disconnected',
    },
  },
  on: {
    // A dropped connection ends the session without QUIT: the server commits nothing.
    DROP: { target: '.disconnected', actions: 'rememberError' },
    LOCAL: { actions: 'applyLocal' },
  },
});
