import { bytesToDisplayText } from '@/lib/wire/bytes';
import type { Frame } from '@/simulations/types';

/** What a frame's text shows on screen: the wire bytes (password masked), read as UTF-8. */
export function displayText(frame: Frame): string {
  return bytesToDisplayText(frame.display ?? '');
}

/** The first line of a wire unit, without its CRLF. */
export function firstLine(frame: Frame): string {
  // CR and LF are single octets in UTF-8, never inside a character: cut first, decode only that.
  const bytes = frame.display ?? '';
  const end = bytes.indexOf('\r\n');
  return bytesToDisplayText(end < 0 ? bytes : bytes.slice(0, end));
}

/** The short label a packet carries: the command verb, or the status of a reply. */
export function packetLabel(frame: Frame): string {
  const line = firstLine(frame);
  if (frame.direction === 'c2s') {
    const words = line.split(' ');
    // IMAP commands start with a tag; POP3 ones with the verb. DONE has neither.
    if (frame.protocol === 'imap' && words.length > 1)
      return words[1] === 'UID' ? `UID ${words[2] ?? ''}` : (words[1] ?? line);
    return words[0] ?? line;
  }
  if (line.startsWith('+OK') || line.startsWith('-ERR')) return line.split(' ')[0]!;
  if (line.startsWith('+ ')) return '+';
  const words = line.split(' ');
  if (words[0] === '*') return /^\d+$/.test(words[1] ?? '') ? `* ${words[2] ?? ''}` : `* ${words[1] ?? ''}`;
  return words[1] ?? line;
}

export type Tone = 'request' | 'ok' | 'error' | 'info';

/** Colour family of a packet or transcript line: by direction, then by outcome. */
export function toneOf(frame: Frame): Tone {
  if (frame.direction === 'c2s') return 'request';
  if (frame.outcome === 'err' || frame.outcome === 'no' || frame.outcome === 'bad') return 'error';
  if (frame.outcome === 'ok') return 'ok';
  return 'info';
}

/**
 * A story's clock time in words a reader takes in at a glance: "2.7 s", "4 min 5 s", "3 h 20 min",
 * "7 d 0 h" (a story that waits a week showed "604806.1 s"). `ms`: milliseconds, ≥ 0.
 */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.floor(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  if (whole < 86_400) return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
  return `${Math.floor(whole / 86_400)} d ${Math.floor((whole % 86_400) / 3600)} h`;
}

/** "1 line", "9 lines": a count of lines in words. */
export function linesWord(n: number): string {
  return n === 1 ? '1 line' : `${n} lines`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}
