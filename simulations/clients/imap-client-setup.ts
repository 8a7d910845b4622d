/*
 * The IMAP client machine's shapes (input, context, events, what it emits) and its setup: the
 * guards and actions that the states in imap-client.ts and imap-client-tasks.ts name.
 */
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
  type TextPart,
} from './imap-responses';

export interface ImapClientInput {
  readonly user: string;
  readonly password: string;
  readonly settings: ImapSettings;
  /** Connection security "STARTTLS": STARTTLS, then CAPABILITY again, before LOGIN (RFC 9051 §6.2.1). */
  readonly startTls?: boolean;
}

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

const currentTag = (c: ImapClientContext) => `a${c.tag}`;

/** The machine's setup, shared by its states (imap-client.ts, imap-client-tasks.ts). */
export const imapClientSetup = setup({
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
});
