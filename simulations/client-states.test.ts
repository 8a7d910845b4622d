import { describe, expect, it } from 'vitest';
import { describeClientState, LABELLED_STATES } from './client-states';
import { imapClientMachine } from './clients/imap-client';
import { pop3ClientMachine } from './clients/pop3-client';

describe('client state labels', () => {
  it.each([
    ['pop3', pop3ClientMachine],
    ['imap', imapClientMachine],
  ] as const)('name every state of the %s client machine, and nothing else', (protocol, machine) => {
    expect([...LABELLED_STATES[protocol]].sort()).toEqual(Object.keys(machine.config.states!).sort());
  });

  it('reads as words on the device card, one per account', () => {
    expect(describeClientState('pop3', 'retrieving')).toBe('downloading a message (RETR)');
    expect(describeClientState('imap', 'idling, disconnected')).toBe(
      'waiting for the server to announce changes (IDLE); not connected',
    );
    expect(describeClientState('imap', 'closed')).toBe('app closed');
  });
});
