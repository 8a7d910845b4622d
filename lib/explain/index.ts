import { explainImapClient } from './imap-client';
import { explainImapServer } from './imap-server';
import { explainPop3 } from './pop3';
import { explainSmtp } from './smtp';
import type { Explanation, WireUnit } from './types';

export type { Explanation, Token, WireUnit } from './types';

/**
 * Explains one wire unit, as a whole and token by token, citing the RFC section for the
 * session's protocol revision (IMAP4rev1 unless the client enabled IMAP4rev2). Pure: the same
 * unit gives the same explanation; never throws on any input.
 */
export function explainWire(unit: WireUnit): Explanation {
  try {
    if (unit.protocol === 'pop3') return explainPop3(unit);
    if (unit.protocol === 'smtp') return explainSmtp(unit);
    return unit.direction === 'c2s' ? explainImapClient(unit) : explainImapServer(unit);
  } catch {
    const rfc =
      unit.protocol === 'smtp'
        ? 'RFC 5321 §4.2.1'
        : unit.protocol === 'pop3'
          ? 'RFC 1939 §3'
          : unit.rev2
            ? 'RFC 9051 §2.2'
            : 'RFC 3501 §2.2';
    return {
      explanation: unit.commandExplanation ?? 'A line of the protocol.',
      rfc: unit.commandRfc ?? rfc,
      tokens: [],
    };
  }
}

/** The fields of a recorded wire frame that the explainer needs (a `Frame` has them all). */
export interface WireRecord {
  readonly protocol: 'pop3' | 'imap';
  /**
   * What the unit is on the wire when it is not the column's protocol: `smtp` for a
   * submission or delivery shown in a POP3 or IMAP column. Explained as SMTP, and read apart
   * from the column's own lines for context.
   */
  readonly wire?: 'smtp';
  readonly device: string | null;
  readonly direction: 'c2s' | 's2c' | 'none';
  /** The text as shown (passwords masked). */
  readonly display: string | null;
  readonly command: string | null;
  readonly stateBefore: string | null;
  /** For client lines: the command record's explanation and section, when it has them. */
  readonly explanation: string | null;
  readonly rfc: string | null;
}

/**
 * Explains a recorded wire frame, reading the context a transcript reader has from the frames
 * `before` it (same track, in order). The frame recorder and the transcript use this one
 * function, so the line the page explains is the line the timeline carries.
 */
export function explainRecord(self: WireRecord, before: readonly WireRecord[]): Explanation {
  const wire = self.wire ?? self.protocol;
  const context = contextBefore(
    self,
    before.filter((r) => (r.wire ?? r.protocol) === wire),
  );
  const client = self.direction === 'c2s';
  return explainWire({
    protocol: wire,
    direction: client ? 'c2s' : 's2c',
    raw: self.display ?? '',
    ...(context.command ? { command: context.command } : {}),
    ...(context.commandLine ? { commandLine: context.commandLine } : {}),
    ...(context.knownUidNext !== undefined ? { knownUidNext: context.knownUidNext } : {}),
    ...(self.stateBefore ? { state: self.stateBefore } : {}),
    rev2: context.rev2,
    ...(context.notifying ? { notifying: true } : {}),
    ...(client && self.explanation ? { commandExplanation: self.explanation } : {}),
    ...(client && self.rfc ? { commandRfc: self.rfc } : {}),
  });
}

/**
 * What a reader of the transcript knows about `self` from the lines before it on the same
 * device's connection: the command in progress (for untagged IMAP responses, which do not
 * name it) and whether IMAP4rev2 was enabled (a `* ENABLED … IMAP4rev2` since the greeting).
 */
export function contextBefore(
  self: WireRecord,
  before: readonly WireRecord[],
): { command?: string; commandLine?: string; knownUidNext?: number; rev2: boolean; notifying?: boolean } {
  let command = self.command ?? undefined;
  let commandLine: string | undefined;
  let greetingAt = -1;
  let lookingForCommand = !command && self.direction === 's2c' && isUntagged(self.display ?? '');
  let rev2 = false;
  let notifying: boolean | undefined;
  if (isGreeting(self)) return { rev2 };
  for (let i = before.length - 1; i >= 0; i--) {
    const r = before[i]!;
    if (r.device !== self.device || r.direction === 'none') continue;
    const text = r.display ?? '';
    if (lookingForCommand) {
      if (r.direction === 'c2s') {
        command = r.command ?? undefined;
        commandLine = text.split('\r\n')[0];
        lookingForCommand = false;
      } else if (!isUntagged(text)) lookingForCommand = false;
    }
    if (r.direction === 's2c' && /^\* ENABLED\b.*\bIMAP4REV2\b/i.test(text.split('\r\n')[0]!)) rev2 = true;
    // The last NOTIFY the client sent says whether news comes unasked (RFC 5465 §3.1).
    const notify =
      r.direction === 'c2s' && notifying === undefined ? /^\S+ NOTIFY (SET|NONE)\b/i.exec(text) : null;
    if (notify) notifying = notify[1]!.toUpperCase() === 'SET';
    if (isGreeting(r)) {
      greetingAt = i;
      break;
    }
  }
  const selecting = (command === 'SELECT' || command === 'EXAMINE') && commandLine !== undefined;
  const knownUidNext =
    selecting && greetingAt > 0
      ? uidNextSeen(self.device, commandLine!, before.slice(0, greetingAt))
      : undefined;
  return {
    ...(command ? { command } : {}),
    ...(commandLine !== undefined ? { commandLine } : {}),
    ...(knownUidNext !== undefined ? { knownUidNext } : {}),
    rev2,
    ...(notifying ? { notifying } : {}),
  };
}

/**
 * The UIDNEXT `device` learned for the mailbox `selectLine` opens, in the sessions `earlier`
 * shows: the highest `[UIDNEXT n]` and UID + 1 the server sent while that mailbox was selected.
 * Undefined when the transcript shows none.
 */
function uidNextSeen(
  device: string | null,
  selectLine: string,
  earlier: readonly WireRecord[],
): number | undefined {
  const mailboxOf = (line: string) => /^\S+ (?:SELECT|EXAMINE) ("(?:[^"\\]|\\.)*"|\S+)/i.exec(line)?.[1];
  const wanted = mailboxOf(selectLine);
  if (wanted === undefined) return undefined;
  let open: string | undefined;
  let best: number | undefined;
  for (const r of earlier) {
    if (r.device !== device || r.direction === 'none') continue;
    const text = r.display ?? '';
    if (r.direction === 'c2s') {
      const m = mailboxOf(text);
      if (m !== undefined) open = m;
      continue;
    }
    if (isGreeting(r)) open = undefined;
    if (open !== wanted) continue;
    const line = text.split('\r\n')[0]!;
    const code = /^\* OK \[UIDNEXT (\d+)\]/i.exec(line);
    const uid = /^\* \d+ FETCH \(.*?\bUID (\d+)/i.exec(line);
    const next = code ? Number(code[1]) : uid ? Number(uid[1]) + 1 : undefined;
    if (next !== undefined) best = Math.max(best ?? 0, next);
  }
  return best;
}

function isUntagged(text: string): boolean {
  return text.startsWith('* ');
}

function isGreeting(r: WireRecord): boolean {
  return (
    r.direction === 's2c' &&
    !r.command &&
    (r.stateBefore === 'Not Authenticated' || r.stateBefore === 'AUTHORIZATION') &&
    /^(\* (OK|PREAUTH)|\+OK)/.test(r.display ?? '')
  );
}
