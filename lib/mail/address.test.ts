import { describe, expect, it } from 'vitest';
import { parseAddressList } from './address';

describe('parseAddressList', () => {
  it.each([
    ['a bare address', 'ann@x.org', [{ name: null, mailbox: 'ann', host: 'x.org' }]],
    ['a display name', 'Ann Example <ann@x.org>', [{ name: 'Ann Example', mailbox: 'ann', host: 'x.org' }]],
    [
      'a quoted name with a comma, then a second address',
      '"Doe, Jane" <jane@y.org>, bob@z.org',
      [
        { name: 'Doe, Jane', mailbox: 'jane', host: 'y.org' },
        { name: null, mailbox: 'bob', host: 'z.org' },
      ],
    ],
    [
      'a group',
      'Team: a@x.org, b@x.org;',
      [
        { name: null, mailbox: 'Team', host: null, groupStart: true },
        { name: null, mailbox: 'a', host: 'x.org' },
        { name: null, mailbox: 'b', host: 'x.org' },
        { name: null, mailbox: null, host: null, groupEnd: true },
      ],
    ],
  ])('parses %s', (_, input, expected) => {
    expect(parseAddressList(input)).toEqual(expected);
  });
});
