import { describe, expect, it } from 'vitest';
import { IMAP_COMMANDS } from '../imap/commands';
import { POP3_COMMANDS } from '../pop3/commands';
import { imapReference, pop3Reference } from './reference';

describe('protocol reference', () => {
  it('lists every POP3 command the engine dispatches, with a working example', () => {
    const reference = pop3Reference();
    expect(reference.map((r) => r.name)).toEqual([...POP3_COMMANDS.keys()]);
    for (const r of reference) {
      const replies = r.example.filter((l) => l.from === 'S');
      expect({ name: r.name, first: replies[0]?.text.slice(0, 3) }).toEqual({ name: r.name, first: '+OK' });
    }
  });

  it('lists every IMAP command the engine dispatches, each example completing OK', () => {
    const reference = imapReference();
    expect(reference.map((r) => r.name)).toEqual([...IMAP_COMMANDS.keys()]);
    for (const r of reference) {
      const tag = r.example[0]!.text.split(' ')[0];
      const done = r.example.some(
        (l) => l.from === 'S' && (l.text.startsWith(`${tag} OK`) || l.text.startsWith('+ idling')),
      );
      expect({ name: r.name, done }).toEqual({ name: r.name, done: true });
    }
  });

  // The IMAP commands cite RFC 9051, so their examples are IMAP4rev2 sessions: RFC 9051 §6.3.2
  // "REQUIRED untagged responses: FLAGS, EXISTS, LIST"; Appendix E deprecates RECENT, [UNSEEN n],
  // \Recent and the SEARCH response (ESEARCH replaces it). LSUB and CHECK stay IMAP4rev1's.
  it('runs the IMAP examples in IMAP4rev2, as their RFC 9051 citations say, but LSUB and CHECK', () => {
    const byName = new Map(imapReference().map((r) => [r.name, r]));
    const server = (name: string) =>
      byName
        .get(name)!
        .example.filter((l) => l.from === 'S')
        .map((l) => l.text)
        .join('\n');
    for (const name of ['SELECT', 'EXAMINE']) {
      expect(byName.get(name)!.rfc).toMatch(/^RFC 9051/);
      expect(server(name)).toContain('* LIST (\\HasNoChildren) "/" INBOX');
      expect(server(name)).not.toMatch(/RECENT|\[UNSEEN/);
    }
    expect(server('SEARCH')).toMatch(/^\* ESEARCH \(TAG "a3"\) ALL /m);
    expect(server('FETCH')).not.toContain('\\Recent');
    expect(byName.get('LSUB')!.rfc).toMatch(/^RFC 3501/);
    expect(server('LSUB')).toMatch(/^\* LSUB /m);
    expect(byName.get('CHECK')!.rfc).toMatch(/^RFC 3501/);
  });

  it('shows the real wire text, e.g. RETR with its octet count and the terminating dot', () => {
    const retr = pop3Reference().find((r) => r.name === 'RETR')!;
    expect(retr.example[0]).toEqual({ from: 'C', text: 'RETR 4' });
    expect(retr.example[1]).toEqual({ from: 'S', text: '+OK 408 octets' });
    expect(retr.example.at(-1)).toEqual({ from: 'S', text: '.' });
  });
});
