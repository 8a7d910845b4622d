import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAP_COMMANDS } from './imap/commands';
import { POP3_COMMANDS } from './pop3/commands';
import { SMTP_COMMANDS } from './smtp/commands';

/** docs/PROTOCOLS.md must not drift from the engine's command tables. */
describe('docs/PROTOCOLS.md', () => {
  const doc = readFileSync(path.resolve(__dirname, '../docs/PROTOCOLS.md'), 'utf8');

  it.each([...POP3_COMMANDS.keys()].map((n) => [n]))('lists the POP3 command %s', (name) => {
    expect(doc).toMatch(new RegExp('`' + name + '( [^`]*)?`'));
  });

  it.each([...IMAP_COMMANDS.keys()].map((n) => [n]))('lists the IMAP command %s', (name) => {
    expect(doc).toMatch(new RegExp('`' + name + '( [^`]*)?`'));
  });

  it.each([...SMTP_COMMANDS.keys()].map((n) => [n]))('lists the SMTP command %s', (name) => {
    expect(doc).toMatch(new RegExp('`' + name + '( [^`]*)?`'));
  });
});
