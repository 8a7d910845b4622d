import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../../mailstore/snapshot';
import { tokenize } from '../../parser';
import { connectImap, imapSession, imapTestServer, lines } from '../../testing';
import { ImapError } from '../../types';
import { id, idField, idResponse, parseIdParams } from '.';

const parse = (text: string) => parseIdParams(tokenize(text)[0]);
const refusal = (text: string) => {
  try {
    parse(text);
  } catch (e) {
    return e instanceof ImapError ? `${e.status} ${e.text}` : `threw ${String(e)}`;
  }
  return 'accepted';
};

describe('ID parameters (RFC 2971 §4 id_params_list)', () => {
  it("reads RFC 2971's first example, in order", () => {
    expect(parse('("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")')).toEqual([
      { field: 'name', value: 'sodr' },
      { field: 'version', value: '19.34' },
      { field: 'vendor', value: 'Pink Floyd Music Limited' },
    ]);
  });

  it('reads NIL (either case) as no parameters, and an empty list as none sent', () => {
    expect(parse('NIL')).toBeNull();
    expect(parse('nil')).toBeNull();
    expect(parse('()')).toEqual([]);
  });

  it('takes NIL as a value and a literal as a field or value', () => {
    expect(parse('("name" NIL {7}\r\nversion "1")')).toEqual([
      { field: 'name', value: null },
      { field: 'version', value: '1' },
    ]);
  });

  it.each([
    ['an atom field', '(name "x")', 'BAD An ID field name must be a string'],
    ['an atom value', '("name" x)', 'BAD An ID value must be a string or NIL'],
    ['a list value', '("name" ("x"))', 'BAD An ID value must be a string or NIL'],
    ['a NIL field', '(NIL "x")', 'BAD An ID field name must be a string'],
    ['an odd count', '("name" "x" "version")', 'BAD ID parameters come in field-value pairs'],
    ['an atom instead of a list', 'name', 'BAD Expected ID parameters in parentheses, or NIL'],
    ['a string instead of a list', '"name"', 'BAD Expected ID parameters in parentheses, or NIL'],
    ['nothing', '', 'BAD Missing ID parameter list'],
    ['a 31-octet field', `("${'f'.repeat(31)}" "x")`, 'BAD ID field name too long (at most 30 octets)'],
    [
      'a 1025-octet value',
      `("name" {1025}\r\n${'v'.repeat(1025)})`,
      'BAD ID value too long (at most 1024 octets)',
    ],
  ])('refuses %s with BAD', (_, text, answer) => {
    expect(refusal(text)).toBe(answer);
  });

  it('accepts the limits themselves: 30-octet fields, 1024-octet values, 30 pairs', () => {
    expect(refusal(`("${'f'.repeat(30)}" {1024}\r\n${'v'.repeat(1024)})`)).toBe('accepted');
    const pairs = (n: number) => `(${Array.from({ length: n }, (_, i) => `"f${i}" "v"`).join(' ')})`;
    expect(refusal(pairs(30))).toBe('accepted');
    expect(refusal(pairs(31))).toBe('BAD Too many ID parameters (at most 30 pairs)');
  });
});

describe('the ID response (RFC 2971 §3.2)', () => {
  it("writes RFC 2971's second example (§3.2) byte for byte", () => {
    expect(
      idResponse([
        { field: 'name', value: 'Cyrus' },
        { field: 'version', value: '1.5' },
        { field: 'os', value: 'sunos' },
        { field: 'os-version', value: '5.5' },
        { field: 'support-url', value: 'mailto:cyrus-bugs+@andrew.cmu.edu' },
      ]),
    ).toBe(
      'ID ("name" "Cyrus" "version" "1.5" "os" "sunos" "os-version" "5.5" "support-url" "mailto:cyrus-bugs+@andrew.cmu.edu")',
    );
    expect(idResponse(null)).toBe('ID NIL');
    expect(idResponse([{ field: 'name', value: null }])).toBe('ID ("name" NIL)');
  });

  it('round-trips: what it writes, parses back', () => {
    const params = [
      { field: 'name', value: 'a "quoted" \\ name' },
      { field: 'os', value: null },
    ];
    expect(parse(idResponse(params).slice(3))).toEqual(params);
  });

  it('looks fields up case-insensitively (§3.3)', () => {
    expect(idField([{ field: 'Name', value: 'x' }], 'name')).toBe('x');
    expect(idField(null, 'name')).toBeNull();
  });
});

describe('the ID command record', () => {
  it('explains who the client says it is, and NIL', () => {
    const plain = { tls: false, readOnly: false };
    expect(id.explain(parse('("name" "imapflow" "version" "1.0.0")'), plain)).toBe(
      'introduce itself as imapflow 1.0.0 and ask which server this is',
    );
    expect(id.explain(null, plain)).toBe(
      'ask which server this is, without saying which client is asking (NIL)',
    );
    expect(id.explain([], plain)).toBe('introduce itself and ask which server this is');
  });
});

describe('ID through the session (RFC 2971 §3.1)', () => {
  it("is advertised, and answers before login with the server's own ID, then OK", () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 CAPABILITY')).toMatch(/^\* CAPABILITY [^\r]* ID[ \r]/);
    expect(
      lines(c.send('a1 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")')),
    ).toEqual(['* ID ("name" "POP vs IMAP Lab" "vendor" "POP vs IMAP Lab")', 'a1 OK ID completed']);
    expect(c.session.state).toBe('Not Authenticated');
  });

  it('answers ID NIL the same way, in the Selected state too, changing nothing', () => {
    const { c, server } = imapSession({ select: true });
    const before = JSON.stringify(snapshotStore(server.store));
    expect(lines(c.send('a3 id nil'))).toEqual([
      '* ID ("name" "POP vs IMAP Lab" "vendor" "POP vs IMAP Lab")',
      'a3 OK ID completed',
    ]);
    expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
  });

  it('refuses a malformed list with a tagged BAD and no ID response', () => {
    const c = connectImap(imapTestServer());
    expect(c.send('a1 ID ("name")')).toBe('a1 BAD ID parameters come in field-value pairs\r\n');
    expect(c.send('a2 ID')).toBe('a2 BAD Missing ID parameter list\r\n');
    expect(c.send('a3 ID NIL NIL')).toBe('a3 BAD Too many arguments\r\n');
  });

  it('fuzzed: any ID arguments get one tagged OK or BAD, never a throw, and the store is unchanged', () => {
    const item = fc.oneof(
      fc.constantFrom('NIL', 'nil', '()', '(', ')', '"name"', 'name', '{3}\r\nabc', '"a\\"b"', '(("x"))'),
      fc.string({ maxLength: 40 }).map((s) => '"' + s.replace(/[\\"\r\n]/g, '') + '"'),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.boolean(), (items, wrap) => {
        const { c, server } = imapSession({ select: true });
        const before = JSON.stringify(snapshotStore(server.store));
        const args = wrap ? `(${items.join(' ')})` : items.join(' ');
        const reply = c.send(`a9 ID ${args}`);
        expect(reply).toMatch(/(^|\r\n)a9 (OK|BAD) [^\r\n]*\r\n$|^\+ Ready for literal data\r\n$/);
        expect(JSON.stringify(snapshotStore(server.store))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
