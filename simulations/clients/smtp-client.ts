import { assign, emit, setup } from 'xstate';

/**
 * What an SMTP client is asked to do: send one message. A mail app submits as its user
 * (`auth`: AUTH PLAIN, RFC 4954, on the submission port, RFC 6409); another mail server
 * delivering to ours (an MX, RFC 5321 §2.3.10) does not log in.
 */
export interface SmtpClientInput {
  /** The name EHLO gives (RFC 5321 §4.1.1.1), e.g. `phone.example` or `mx.students.example`. */
  readonly clientName: string;
  /** Log in before MAIL (submission); absent for server-to-server delivery. */
  readonly auth?: { readonly user: string; readonly password: string };
  /** The envelope: reverse-path and forward-paths, bare addresses (RFC 5321 §4.1.2). */
  readonly from: string;
  readonly to: readonly string[];
  /** The message, RFC 5322 header and body, CRLF line ends, not yet dot-stuffed. */
  readonly message: string;
  /** Connection security "STARTTLS": STARTTLS after EHLO, then EHLO again (RFC 3207 §4.2). */
  readonly startTls?: boolean;
}

export interface SmtpClientContext extends SmtpClientInput {
  /** Next recipient to name with RCPT TO. */
  cursor: number;
  /** Recipients the server accepted (250 to RCPT). */
  accepted: string[];
  /** The server's last refusal (4xx/5xx), or null. */
  lastError: string | null;
  /** The server took the message (250 after the final dot, RFC 5321 §4.1.1.4). */
  delivered: boolean;
  /** STARTTLS succeeded: the session runs inside TLS now. */
  tls: boolean;
}

export type SmtpClientEvent = { type: 'START' } | { type: 'REPLY'; raw: string } | { type: 'DROP' };

export type SmtpClientEmitted =
  { type: 'connect' } | { type: 'send'; line: string; secret?: boolean } | { type: 'disconnect' };

/** The reply code of a whole reply: the last line's (RFC 5321 §4.2.1). */
export function replyCode(raw: string): number {
  const lines = raw.split('\r\n').filter((l) => l !== '');
  return Number(lines.at(-1)?.slice(0, 3) ?? 0);
}

/** Dot-stuffing (RFC 5321 §4.5.2): a line starting with "." gets one more. */
export function dotStuff(message: string): string {
  return message.replace(/(^|\r\n)\./g, '$1..');
}

/** AUTH PLAIN's initial response (RFC 4616 §2): authzid NUL authcid NUL password, in base64. */
export function plainResponse(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`\0${user}\0${password}`);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * An SMTP client sending one message, one command at a time (no PIPELINING, as a careful
 * client does): greeting, EHLO, AUTH PLAIN (submission only), MAIL FROM, RCPT TO for each
 * recipient, DATA, the text, QUIT. A refusal of MAIL, of every RCPT, or of the text ends the
 * transaction with QUIT; the client keeps the error (a mail app shows it; a server bounces).
 */
export const smtpClientMachine = setup({
  types: {
    input: {} as SmtpClientInput,
    context: {} as SmtpClientContext,
    events: {} as SmtpClientEvent,
    emitted: {} as SmtpClientEmitted,
  },
  guards: {
    positive: ({ event }) => event.type === 'REPLY' && replyCode(event.raw) < 400,
    goAhead: ({ event }) => event.type === 'REPLY' && replyCode(event.raw) === 354,
    wantsAuth: ({ context }) => context.auth !== undefined,
    wantsTls: ({ context }) => context.startTls === true && !context.tls,
    moreRecipients: ({ context }) => context.cursor < context.to.length,
    anyAccepted: ({ context }) => context.accepted.length > 0,
  },
  actions: {
    connect: emit({ type: 'connect' as const }),
    disconnect: emit({ type: 'disconnect' as const }),
    sendEhlo: emit(({ context }) => ({ type: 'send' as const, line: `EHLO ${context.clientName}` })),
    sendAuth: emit(({ context }) => ({
      type: 'send' as const,
      line: `AUTH PLAIN ${plainResponse(context.auth!.user, context.auth!.password)}`,
      secret: true,
    })),
    sendMail: emit(({ context }) => ({ type: 'send' as const, line: `MAIL FROM:<${context.from}>` })),
    sendRcpt: emit(({ context }) => ({
      type: 'send' as const,
      line: `RCPT TO:<${context.to[context.cursor]}>`,
    })),
    sendData: emit({ type: 'send' as const, line: 'DATA' }),
    /** The text and the final "." line; the connection adds the last CRLF. */
    sendText: emit(({ context }) => {
      const text = dotStuff(context.message);
      return { type: 'send' as const, line: `${text}${text.endsWith('\r\n') ? '' : '\r\n'}.` };
    }),
    sendQuit: emit({ type: 'send' as const, line: 'QUIT' }),
    accept: assign(({ context }) => ({
      accepted: [...context.accepted, context.to[context.cursor]!],
      cursor: context.cursor + 1,
    })),
    skip: assign(({ context, event }) => ({
      cursor: context.cursor + 1,
      lastError: event.type === 'REPLY' ? event.raw.trim() : context.lastError,
    })),
    rememberError: assign({
      lastError: ({ event }) => (event.type === 'REPLY' ? event.raw.trim() : 'connection lost'),
    }),
    markDelivered: assign({ delivered: true }),
  },
}).createMachine({
  id: 'smtpClient',
  context: ({ input }) => ({
    ...input,
    cursor: 0,
    accepted: [],
    lastError: null,
    delivered: false,
    tls: false,
  }),
  initial: 'idle',
  on: { DROP: { target: '.done', actions: 'rememberError' } },
  states: {
    idle: { on: { START: { target: 'greeting', actions: 'connect' } } },
    greeting: {
      on: {
        REPLY: [
          { guard: 'positive', target: 'greeted', actions: 'sendEhlo' },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    greeted: {
      on: {
        REPLY: [
          { guard: 'positive', target: 'choosing' },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    choosing: {
      always: [
        {
          guard: 'wantsTls',
          target: 'startingTls',
          actions: emit({ type: 'send' as const, line: 'STARTTLS' }),
        },
        { guard: 'wantsAuth', target: 'authenticating', actions: 'sendAuth' },
        { target: 'mailFrom', actions: 'sendMail' },
      ],
    },
    // RFC 3207 §4.2: after TLS both sides forget the session so far; the client greets again.
    startingTls: {
      on: {
        REPLY: [
          {
            guard: 'positive',
            target: 'greeted',
            actions: [assign({ tls: true }), 'sendEhlo'],
          },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    authenticating: {
      on: {
        REPLY: [
          { guard: 'positive', target: 'mailFrom', actions: 'sendMail' },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    mailFrom: {
      on: {
        REPLY: [
          { guard: 'positive', target: 'recipients', actions: 'sendRcpt' },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    recipients: {
      on: {
        REPLY: [
          { guard: 'positive', target: 'nextRecipient', actions: 'accept' },
          { target: 'nextRecipient', actions: 'skip' },
        ],
      },
    },
    nextRecipient: {
      always: [
        { guard: 'moreRecipients', target: 'recipients', actions: 'sendRcpt' },
        { guard: 'anyAccepted', target: 'data', actions: 'sendData' },
        { target: 'quitting', actions: 'sendQuit' },
      ],
    },
    data: {
      on: {
        REPLY: [
          { guard: 'goAhead', target: 'text', actions: 'sendText' },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    text: {
      on: {
        REPLY: [
          { guard: 'positive', target: 'quitting', actions: ['markDelivered', 'sendQuit'] },
          { target: 'quitting', actions: ['rememberError', 'sendQuit'] },
        ],
      },
    },
    quitting: { on: { REPLY: { target: 'done', actions: 'disconnect' } } },
    done: { type: 'final' },
  },
});
