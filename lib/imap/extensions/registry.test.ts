import { describe, expect, it } from 'vitest';
// Imported first on purpose: an extension that imported the core's registry readers back would
// fail here, before the list exists.
import { extensionList } from './index';
import { defineExtension } from './define';
import { build, registry } from './registry';
import { CAPABILITIES } from '../capabilities';
import { IMAP_COMMANDS } from '../commands';
import { connectImap, imapTestServer } from '../testing';

describe('the extension registry', () => {
  it('advertises every listed extension once, after ESEARCH', () => {
    for (const e of extensionList())
      for (const name of typeof e.capability === 'string' ? [e.capability] : e.capability)
        expect(CAPABILITIES.filter((c) => c === name)).toEqual([name]);
    expect(CAPABILITIES.indexOf('SEARCHRES')).toBe(CAPABILITIES.indexOf('ESEARCH') + 1);
  });

  it('dispatches every command an extension registers', () => {
    for (const command of registry().commands) expect(IMAP_COMMANDS.get(command.name)).toBe(command);
  });

  it('refuses a name registered twice (a programming error, found at start)', () => {
    const key = { name: 'X', syntax: 'X', parse: () => () => true };
    const a = defineExtension({ name: 'a', rfc: 'RFC 0', capability: [], searchKeys: [key] });
    const b = defineExtension({
      name: 'b',
      rfc: 'RFC 0',
      capability: [],
      searchKeys: [{ ...key, name: 'x' }],
    });
    expect(() => build([a, b])).toThrow(/SEARCH key X registered twice/);
  });

  it('a modifier or parameter no extension registers is a BAD that changes nothing', () => {
    const c = connectImap(imapTestServer());
    c.send('a1 LOGIN student secret');
    expect(c.send('a2 SELECT INBOX (NOSUCH)')).toBe('a2 BAD Unknown select parameter: NOSUCH\r\n');
    expect(c.send('a3 SELECT INBOX ()')).toBe('a3 BAD Empty select parameter list\r\n');
    c.send('a4 SELECT INBOX');
    expect(c.send('a5 FETCH 1 (FLAGS) (NOSUCH 1)')).toBe('a5 BAD Unknown fetch modifier: NOSUCH\r\n');
    expect(c.send('a6 STORE 1 (NOSUCH 1) +FLAGS (\\Seen)')).toBe('a6 BAD Unknown store modifier: NOSUCH\r\n');
    expect(c.send('a7 FETCH 1 (FLAGS)')).toMatch(/^\* 1 FETCH \(FLAGS \(\\Recent\)\)/);
  });
});
