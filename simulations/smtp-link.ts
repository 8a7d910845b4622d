import { createActor } from 'xstate';
import { LoopbackConnection } from '../lib/session/loopback';
import type { ConnectionSecurity, PeerAddress, ServerContext, SessionEvent } from '../lib/session/types';
import { SmtpSession } from '../lib/smtp/session';
import { smtpClientMachine, type SmtpClientContext, type SmtpClientInput } from './clients/smtp-client';
import type { InspectionHook } from './runner';

/** How one SMTP conversation is run: whom it talks to, and who listens. */
export interface SmtpLinkOptions {
  /**
   * Submission (a mail app logging in, RFC 6409 §3.1) or delivery from another server (an MX
   * session: no login, RFC 5321 §2.3.10). The server requires AUTH only for submission.
   */
  readonly role: 'submission' | 'delivery';
  /** Every wire unit, in order, as the session reports it. */
  readonly onEvent: (e: SessionEvent) => void;
  /** The XState actor id, e.g. `phone.smtp` or `sender.smtp`. */
  readonly id: string;
  readonly inspect?: InspectionHook;
  /** The connection's TLS layer, modelled (absent: the in-process loopback). */
  readonly security?: ConnectionSecurity;
  /** The client's IP address, as the server's Received: line names it (RFC 5321 §4.4). */
  readonly peerAddress?: PeerAddress;
}

/**
 * Runs an SMTP client machine against a fresh engine session (in process, through
 * LoopbackConnection) until it has said QUIT, and returns what the client knows at the end:
 * whether the server took the message, and its last refusal. Synchronous: the server answers
 * each line at once, so the conversation is over when this returns.
 */
export function runSmtp(
  server: ServerContext,
  input: SmtpClientInput,
  options: SmtpLinkOptions,
): SmtpClientContext {
  const actor = createActor(smtpClientMachine, { input, id: options.id, inspect: options.inspect });
  const replies: string[] = [];
  let connection: LoopbackConnection<SmtpSession> | null = null;
  actor.on('connect', () => {
    connection = new LoopbackConnection(
      (io) =>
        new SmtpSession(server, options.security ? { ...io, security: options.security } : io, {
          requireAuth: options.role === 'submission',
        }),
      {
        keepEvents: false,
        onEvent: options.onEvent,
        ...(options.peerAddress ? { peerAddress: options.peerAddress } : {}),
      },
    );
    replies.push(connection.take());
  });
  actor.on('send', (e) => {
    if (connection && !connection.serverClosed) replies.push(connection.send(e.line));
  });
  actor.on('disconnect', () => {
    if (connection && !connection.serverClosed) connection.drop();
  });
  let failure: unknown = null;
  actor.subscribe({ error: (error) => (failure = error) });
  actor.start();
  actor.send({ type: 'START' });
  for (let guard = 0; guard < 1000 && replies.length; guard++) {
    if (failure) throw failure;
    actor.send({ type: 'REPLY', raw: replies.shift()! });
  }
  if (failure) throw failure;
  if (actor.getSnapshot().status !== 'done') throw new Error('SMTP client did not finish');
  return actor.getSnapshot().context;
}

/**
 * A composed message as a client transmits it: without the `Return-Path:` that only the final
 * delivery adds (RFC 5321 §4.4); the receiving server writes its own.
 */
export function forTransmission(raw: string): string {
  return raw.replace(/^Return-Path: [^\r\n]*\r\n/i, '');
}

/** The bare address in `Name <addr>`, or the text itself (RFC 5322 §3.4). */
export function bareAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** A plain-words line for one SMTP unit, naming who speaks (`The sender's server`, `The phone`). */
export function narrateSmtp(who: string, e: SessionEvent, greeting: boolean): string {
  const line = (e.masked ?? e.raw).split('\r\n')[0]!;
  const server = 'the lab’s mail server';
  if (e.direction === 'c2s') {
    if (e.command === 'DATA' && !/^DATA$/i.test(line))
      return `${who} sends the message text over SMTP, ended by a line with a single dot.`;
    return e.explanation
      ? `${who} sends ${e.command ?? line} over SMTP: ${e.explanation}.`
      : `${who} sends ${line}.`;
  }
  if (greeting)
    return `${server[0]!.toUpperCase()}${server.slice(1)} answers ${who.toLowerCase()} over SMTP: ${line}`;
  const code = Number(line.slice(0, 3));
  if (code >= 400) return `${server[0]!.toUpperCase()}${server.slice(1)} refuses over SMTP: ${line}`;
  return `${server[0]!.toUpperCase()}${server.slice(1)} answers ${e.command ?? ''}: ${line}`.replace(
    ' :',
    ':',
  );
}
