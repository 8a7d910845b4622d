import type { Frame } from '@/simulations/types';
import { ACCOUNTS, CLOSED, DETAIL, idlingAfter } from './lifeline-status';
import { closesSession } from './session-state';

/**
 * The POP3/IMAP sessions of a track's devices as its sequence diagram's heads tell them
 * (sequence-scene.ts), folded line by line: each session's state after its latest line, and
 * whether its IMAP client idles (IDLE answered with "+", not yet ended by DONE, RFC 9051
 * §6.3.13). With two accounts (`accounts`, in the story's order) a device runs a session per
 * account, each kept apart, and one that has answered QUIT or LOGOUT is "closed" (RFC 1939 §6,
 * RFC 9051 §6.1.3). SMTP sessions are not folded here.
 */
export class MailSessions {
  private readonly states = new Map<string, string>();
  private readonly idling = new Set<string>();

  constructor(private readonly accounts: readonly string[]) {}

  /** Folds one POP3/IMAP line of `device`. */
  add(device: string, frame: Frame): void {
    const key = this.key(device, frame.account);
    if (frame.stateAfter)
      this.states.set(key, closesSession(frame) && this.accounts.length > 1 ? CLOSED : frame.stateAfter);
    if (idlingAfter(frame, this.idling.has(key))) this.idling.add(key);
    else this.idling.delete(key);
  }

  /** A closed or dropped connection: `device` idles no more. */
  stopIdling(device: string): void {
    forget(this.idling, device);
  }

  /** A dropped link ends every session of `device`. */
  drop(device: string): void {
    forget(this.states, device);
    forget(this.idling, device);
  }

  /**
   * A device's session state as its head says it: the state after its latest line, "· IDLE"
   * while it idles ("Selected · IDLE"); with two accounts, each account's that has spoken
   * ("student: TRANSACTION; work: closed"). Null before any.
   */
  stateOf(device: string): string | null {
    if (this.accounts.length <= 1) return this.shown(device);
    const parts = this.accounts.flatMap((account) => {
      const state = this.shown(this.key(device, account));
      return state ? [`${account}: ${state}`] : [];
    });
    return parts.length > 0 ? parts.join(ACCOUNTS) : null;
  }

  /** The state after a session's latest line, without its IDLE mark. */
  rawStateOf(device: string): string | null {
    return this.accounts.length <= 1 ? (this.states.get(device) ?? null) : this.stateOf(device);
  }

  private shown(key: string): string | null {
    const state = this.states.get(key);
    if (!state) return null;
    return state !== CLOSED && this.idling.has(key) ? `${state}${DETAIL}IDLE` : state;
  }

  private key(device: string, account: string | undefined): string {
    return this.accounts.length > 1 && account ? `${device}\n${account}` : device;
  }
}

/** Drops every session of `device` from `keys`. */
function forget(keys: Map<string, string> | Set<string>, device: string): void {
  for (const k of [...keys.keys()]) if (k === device || k.startsWith(`${device}\n`)) keys.delete(k);
}
