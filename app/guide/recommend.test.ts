import { describe, expect, it } from 'vitest';
import { recommend } from './recommend';

describe('which should I choose?', () => {
  it.each([
    ['nothing answered', {}, 'Either'],
    ['one computer, offline, small quota', { devices: 'one', offline: 'yes', storage: 'small' }, 'POP3'],
    [
      'several devices, even with a small quota',
      { devices: 'several', storage: 'small', offline: 'yes' },
      'IMAP',
    ],
    ['a shared mailbox', { devices: 'one', shared: 'yes' }, 'IMAP'],
    ['a poor link on one computer', { devices: 'one', link: 'poor' }, 'Either'],
    ['one inbox for several accounts', { merge: 'yes' }, 'POP3'],
  ] as const)('%s → %s', (_, answers, verdict) => {
    expect(recommend(answers).verdict).toBe(verdict);
  });

  it('gives each reason with the scenario that shows it', () => {
    expect(recommend({ devices: 'several', link: 'poor' }).reasons).toEqual([
      expect.objectContaining({ favours: 'IMAP', scenario: 'laptop-and-phone' }),
      expect.objectContaining({ favours: 'IMAP', scenario: 'headers-first' }),
    ]);
  });
});
