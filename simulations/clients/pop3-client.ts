import { assign, emit, setup } from 'xstate';
import type { LocalMessage, Pop3Settings } from '../types';
import { summarize } from './local-store';

const DAY = 24 * 60 * 60 * 1000;

export interface Pop3ClientInput {
  readonly user: string;
  readonly password: string;
  readonly settings: Pop3Settings;
  /** Connection security "STARTTLS": CAPA, then STLS before logging in (RFC 2595 §4). */
  readonly startTls?: boolean;
}

interface Listed {
  readonly num: number;
  readonly uidl: string;
}

export interface Pop3ClientContext extends Pop3ClientInput {
  /** The local inbox: what this client has downloaded. */
  messages: LocalMessage[];
  /** When the client remembers UIDLs: those already downloaded, and when (virtual ms). */
  knownUidls: Record<string, number>;
  /** "Until I delete them": UIDLs deleted on the device, to DELE at the next session. */
  deletedHere: string[];
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

/** Whether this client skips what it already has (RFC 1939 §7); true unless set otherwise. */
export function remembersUidls(settings: Pop3Settings): boolean {
  return settings.rememberUidls ?? true;
}

/**
 * A POP3 mail client as real ones behave (Thunderbird's order): CAPA, log in, STAT, LIST,
 * UIDL, RETR each message it does not have yet, DELE what its settings say should leave the
 * server, QUIT. Reading and flagging afterwards happen on the device only: POP3 (RFC 1939)
 * has no command that reads or sets a flag. A deletion reaches the server only as a DELE at a later session, and
 * only with "leave a copy … until I delete them".
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
    okAndStartTls: ({ context, event }) =>
      context.startTls === true && event.type === 'REPLY' && event.raw.startsWith('+OK'),
    /** The CAPA list names STLS (RFC 2595 §4): only then may the client ask for TLS. */
    offersStls: ({ event }) =>
      event.type === 'REPLY' &&
      event.raw.startsWith('+OK') &&
      multilineLines(event.raw).some((line) => line.trim().toUpperCase() === 'STLS'),
    moreToFetch: ({ context }) => context.cursor < context.toFetch.length,
    moreToDelete: ({ context }) => context.cursor < context.toDelete.length,
  },
  actions: {
    connect: emit({ type: 'connect' as const }),
    disconnect: emit({ type: 'disconnect' as const }),
    sendCapa: emit({ type: 'send' as const, line: 'CAPA' }),
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
    /** A new session knows nothing of the last one's listing: message numbers are per session (RFC 1939 §4). */
    startSession: assign({ listing: [], toFetch: [], toDelete: [], cursor: 0 }),
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
        .filter((l) => !remembersUidls(context.settings) || !(l.uidl in context.knownUidls))
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
        knownUidls: remembersUidls(context.settings)
          ? { ...context.knownUidls, [listed.uidl]: context.now }
          : context.knownUidls,
        cursor: context.cursor + 1,
      };
    }),
    /**
     * Without "leave a copy", everything the device has goes (downloaded now, or before and
     * remembered by UIDL); with it, what is older than N days, or what was deleted here.
     */
    planDelete: assign(({ context }) => {
      const { leaveCopy, deleteAfterDays, deleteWhenDeletedHere } = context.settings;
      const toDelete = context.listing
        .filter((l) => {
          const first = context.knownUidls[l.uidl];
          if (!leaveCopy) return context.toFetch.includes(l.num) || first !== undefined;
          if (deleteWhenDeletedHere && context.deletedHere.includes(l.uidl)) return true;
          if (deleteAfterDays === undefined) return false;
          return first !== undefined && context.now - first >= deleteAfterDays * DAY;
        })
        .map((l) => l.num);
      return { toDelete, cursor: 0 };
    }),
    /** QUIT answered +OK: the UPDATE state removed what was marked (RFC 1939 §6). */
    forgetDeleted: assign(({ context, event }) => {
      if (event.type !== 'REPLY' || !event.raw.startsWith('+OK')) return {};
      const gone = new Set(
        context.listing.filter((l) => context.toDelete.includes(l.num)).map((l) => l.uidl),
      );
      if (gone.size === 0) return {};
      return {
        deletedHere: context.deletedHere.filter((u) => !gone.has(u)),
        knownUidls: Object.fromEntries(Object.entries(context.knownUidls).filter(([u]) => !gone.has(u))),
      };
    }),
    advance: assign({ cursor: ({ context }) => context.cursor + 1 }),
    applyLocal: assign(({ context, event }) => {
      if (event.type !== 'LOCAL') return {};
      const a = event.action;
      if (a.kind === 'delete') {
        const { leaveCopy, deleteWhenDeletedHere } = context.settings;
        const uidl = Object.keys(context.knownUidls).find((u) => uidFromUidl(u) === a.uid);
        return {
          messages: context.messages.filter((m) => m.uid !== a.uid),
          deletedHere:
            leaveCopy && deleteWhenDeletedHere && uidl ? [...context.deletedHere, uidl] : context.deletedHere,
        };
      }
      return {
        messages: context.messages.map((m) =>
          m.uid !== a.uid ? m : a.kind === 'read' ? { ...m, seen: a.seen } : { ...m, flagged: true },
        ),
      };
    }),
  },
}).createMachine({
  id: 'pop3Client',
  context: ({ input }) => ({
    ...input,
    messages: [],
    knownUidls: {},
    deletedHere: [],
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
      on: { SYNC: { target: 'connecting', actions: ['noteTime', 'clearError', 'startSession'] } },
    },
    connecting: {
      entry: 'connect',
      on: {
        REPLY: [
          { guard: 'okAndStartTls', target: 'capaBeforeTls' },
          { guard: 'ok', target: 'capa' },
          { target: 'failed' },
        ],
      },
    },
    // RFC 2595 §4: a client learns STLS from CAPA, so it asks CAPA first; without STLS in the
    // list, a client set to STARTTLS does not log in in plain text.
    capaBeforeTls: {
      entry: 'sendCapa',
      on: {
        REPLY: [
          { guard: 'offersStls', target: 'stls' },
          { target: 'quitting', actions: assign({ lastError: 'the server offers no STLS (CAPA)' }) },
        ],
      },
    },
    // TLS, then the client forgets what it learned before and asks CAPA again (RFC 2595 §4).
    stls: {
      entry: emit({ type: 'send' as const, line: 'STLS' }),
      on: { REPLY: [{ guard: 'ok', target: 'capa' }, { target: 'quitting' }] },
    },
    // RFC 2449 §5: what the server supports (UIDL, TOP…), asked before logging in.
    capa: { entry: 'sendCapa', on: { REPLY: { target: 'user' } } },
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
      on: { REPLY: { target: 'disconnected', actions: ['forgetDeleted', 'disconnect'] } },
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
