import type { Pop3Command } from '../types';

/** RFC 1939 §5: does nothing; keeps the connection from timing out. */
export const noop: Pop3Command = {
  name: 'NOOP',
  states: ['TRANSACTION'],
  syntax: 'NOOP',
  summary: 'Do nothing; the server replies +OK.',
  rfc: 'RFC 1939 §5',
  args: [0, 0],
  explain: () => 'do nothing (keep the connection alive)',
  run: () => ({ text: '' }),
};
