import type { SessionIO } from '../session/types';
import type { ByteString } from '../wire/bytes';
import { isValidTag } from './parser';
import { ImapError, type ImapCommand } from './types';

/**
 * The tag of a line too long to keep, read from its first octets (LineReader.overlongHead): only
 * when a space follows it, so that a tag cut short is never answered as if it were whole.
 */
export function tagOfOverlong(head: ByteString): string | null {
  return head.includes(' ') ? tagOf(head) : null;
}

/** The tag a command line starts with, if it is a valid one. */
export function tagOf(text: ByteString): string | null {
  const tag = text.split(' ', 1)[0] ?? '';
  return isValidTag(tag) ? tag : null;
}

/** A handler's failure as a reply: protocol errors as they are, anything else a server bug. */
export function toImapError(error: unknown, io: SessionIO): ImapError {
  if (error instanceof ImapError) return error;
  io.bug?.(error);
  return new ImapError('NO', 'Internal server error', 'SERVERBUG');
}

/** The command line with its secret arguments (LOGIN's password, AUTHENTICATE's response) masked. */
export function masked(
  command: ImapCommand,
  tag: string,
  name: string,
  rest: string,
): ByteString | undefined {
  if (!command.secretArgs?.length) return undefined;
  // Everything from the first secret argument on is masked, whatever its quoting.
  const first = Math.min(...command.secretArgs);
  const words = rest.split(' ');
  const shown = words.slice(0, first).join(' ');
  const hidden = words.length > first ? ' ********' : '';
  return `${tag} ${name}${shown ? ' ' + shown : ''}${hidden}\r\n`;
}
