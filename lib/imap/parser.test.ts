import { describe, expect, it } from 'vitest';
import { tokenize } from './parser';

describe('tokenize: spaces between arguments (RFC 9051 §9)', () => {
  it('refuses run-together arguments', () => {
    expect(() => tokenize('"student"secret')).toThrow(/space between arguments/);
    expect(() => tokenize('student"secret"')).toThrow(/space between arguments/);
    expect(() => tokenize('("a")b')).toThrow(/space between arguments/);
  });

  it('reads lists that follow each other directly, as a multipart BODYSTRUCTURE has them', () => {
    const [structure] = tokenize(
      '(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 52 1)("TEXT" "CSV" NIL NIL NIL "BASE64" 186 3) "MIXED")',
    );
    expect(structure).toMatchObject({ type: 'list' });
    const items = (structure as { items: readonly { type: string }[] }).items;
    expect(items.map((i) => i.type)).toEqual(['list', 'list', 'string']);
    // A THREAD response's threads (RFC 5256 §4).
    expect(tokenize('(1)(2 3)')).toHaveLength(2);
  });
});
