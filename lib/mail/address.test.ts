import { describe, expect, it } from 'vitest';
import { parseAddressList, type Address } from './address';

const box = (name: string | null, mailbox: string, host: string): Address => ({ name, mailbox, host });
const start = (group: string): Address => ({ name: null, mailbox: group, host: null, groupStart: true });
const end: Address = { name: null, mailbox: null, host: null, groupEnd: true };

describe('parseAddressList (RFC 5322 §3.4)', () => {
  it.each<[string, string, Address[]]>([
    ['a bare address', 'ann@x.org', [box(null, 'ann', 'x.org')]],
    ['a display name', 'Real Name <user@domain>', [box('Real Name', 'user', 'domain')]],
    [
      'a quoted name with a comma, then a second address',
      '"Doe, Jane" <jane@y.org>, bob@z.org',
      [box('Doe, Jane', 'jane', 'y.org'), box(null, 'bob', 'z.org')],
    ],
    ['a quoted name with escapes', '"Ann \\"The\\" Ex" <ann@x.org>', [box('Ann "The" Ex', 'ann', 'x.org')]],
    [
      'a comment holding a colon is not a group',
      'Ann (Ops: nights) <ann@example.org>',
      [box('Ann', 'ann', 'example.org')],
    ],
    [
      'a comment after a bare address names it',
      'ann@x.org (Ann Example)',
      [box('Ann Example', 'ann', 'x.org')],
    ],
    [
      'an encoded word is left as sent',
      '=?UTF-8?Q?Caf=C3=A9?= <c@x.org>',
      [box('=?UTF-8?Q?Caf=C3=A9?=', 'c', 'x.org')],
    ],
    ['8-bit UTF-8 in a name (RFC 6532)', 'Jos\xc3\xa9 <j@x.org>', [box('Jos\xc3\xa9', 'j', 'x.org')]],
    [
      'a group',
      'Team: a@x.org, b@x.org;',
      [start('Team'), box(null, 'a', 'x.org'), box(null, 'b', 'x.org'), end],
    ],
    ['an empty group', 'undisclosed-recipients:;', [start('undisclosed-recipients'), end]],
    [
      'a group then an address: one end marker, for the group only',
      'Team: a@x.org, "B, C" <b@y.org>;, d@z.org',
      [start('Team'), box(null, 'a', 'x.org'), box('B, C', 'b', 'y.org'), end, box(null, 'd', 'z.org')],
    ],
    // RFC 5322 Appendix A.1.2 and A.1.3.
    [
      'A.1.2: several forms in one list',
      'Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>',
      [box('Mary Smith', 'mary', 'x.test'), box(null, 'jdoe', 'example.org'), box('Who?', 'one', 'y.test')],
    ],
    [
      'A.1.3: a group with three members',
      'A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;',
      [
        start('A Group'),
        box('Ed Jones', 'c', 'a.test'),
        box(null, 'joe', 'where.test'),
        box('John', 'jdoe', 'one.test'),
        end,
      ],
    ],
    // RFC 5322 Appendix A.5: comments and white space everywhere.
    [
      'A.5: comments inside the address',
      'Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>',
      [box('Pete', 'pete', 'silly.test')],
    ],
    [
      'an obsolete source route keeps the address',
      '<@route1,@route2:user@host>',
      [box(null, 'user', 'host')],
    ],
    ['an empty value', '   ', []],
  ])('%s', (_, input, expected) => {
    expect(parseAddressList(input)).toEqual(expected);
  });

  it.each<[string, string, Address[]]>([
    ['a missing domain', 'user@', [box(null, 'user', 'MISSING_DOMAIN')]],
    [
      'one bad address among good ones',
      '"Doe, Jane" <jane@y.org>, user@, bob@z.org',
      [box('Doe, Jane', 'jane', 'y.org'), box(null, 'user', 'MISSING_DOMAIN'), box(null, 'bob', 'z.org')],
    ],
    [
      'an unterminated group',
      'Team: a@x.org, b@x.org',
      [start('Team'), box(null, 'a', 'x.org'), box(null, 'b', 'x.org'), end],
    ],
    [
      'an encoded word in a bad list stays encoded',
      '=?UTF-8?Q?Caf=C3=A9?= <c@x.org>, user@',
      [box('=?UTF-8?Q?Caf=C3=A9?=', 'c', 'x.org'), box(null, 'user', 'MISSING_DOMAIN')],
    ],
  ])('recovers from what is not RFC 5322: %s', (_, input, expected) => {
    expect(parseAddressList(input)).toEqual(expected);
  });
});
