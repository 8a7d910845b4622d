import { Pop3Error, type Pop3Command } from '../types';

/** RFC 1939 §7: the headers, the blank line, and the first n lines of the body. */
export const top: Pop3Command = {
  name: 'TOP',
  states: ['TRANSACTION'],
  syntax: 'TOP msg n',
  summary:
    'Download the headers of a message and the first n lines of its body. Optional (RFC 1939 §7): CAPA lists TOP where the server has it.',
  rfc: 'RFC 1939 §7',
  args: [2, 2],
  explain: ([msg, n]) =>
    `download the headers of message ${msg} and ${n} ${n === '1' ? 'line' : 'lines'} of its body`,
  run(ctx, [msg, n]) {
    const { message } = ctx.maildrop!.get(msg!);
    if (!/^[0-9]{1,9}$/.test(n!)) throw new Pop3Error(`Invalid line count: ${n!.slice(0, 40)}`);
    return { text: 'Top of message follows', body: topOf(message.raw, Number(n)) };
  },
};

/** Header block, blank line, then `lines` body lines (RFC 1939 §7). */
export function topOf(raw: string, lines: number): string {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return raw;
  const header = raw.slice(0, split + 4);
  if (lines === 0) return header;
  const body = raw.slice(split + 4).split('\r\n');
  if (body[body.length - 1] === '') body.pop();
  return header + body.slice(0, lines).join('\r\n');
}
