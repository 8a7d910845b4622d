import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossarySegments } from './glossary';

const linked = (text: string) =>
  glossarySegments(text)
    .filter((s) => s.id)
    .map((s) => [s.text, s.id]);

describe('glossary', () => {
  it('defines every term the lab uses as jargon, each with an RFC section and an anchor', () => {
    const ids = GLOSSARY.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'maildrop',
      'octet',
      'crlf',
      'sequence-number-vs-uid',
      'uidvalidity',
      'uidl',
      'one-to-star',
      'seen',
      'deleted',
      'recent',
      'flags',
      'expunge',
      'tag',
      'untagged',
      'literal',
      'dot-stuffing',
      'idle',
      'authorization-state',
      'transaction-state',
      'update-state',
      'selected-state',
      'mailbox',
      'envelope',
      'bodystructure',
      'leave-a-copy',
      'offline-copies',
      'mime',
      'rfc',
    ])
      expect(ids).toContain(id);
    for (const g of GLOSSARY) {
      expect(g.id).toMatch(/^[a-z0-9-]+$/);
      expect(g.rfc).toMatch(/^RFC \d{3,4} §\d/);
      expect(g.definition.length).toBeGreaterThan(40);
    }
  });

  it.each(GLOSSARY.flatMap((g) => g.matches.map((m) => [m, g.id] as const)))(
    '"%s" in running text links to #%s',
    (spelling, id) => {
      expect(linked(`Here, ${spelling} matters.`)).toEqual([[spelling, id]]);
    },
  );

  it('says which part is protocol: the maildrop lock’s extent is server policy; EXPUNGE has its limits', () => {
    const entry = (id: string) => GLOSSARY.find((g) => g.id === id)!;
    expect(entry('maildrop').definition).not.toMatch(/locks it while the session lasts/);
    expect(entry('maildrop').definition).toMatch(/server policy/);
    const untagged = entry('untagged');
    expect(untagged.definition).not.toMatch(/at any time/);
    expect(untagged.definition).toMatch(
      /never an EXPUNGE while no command is in progress, nor during FETCH, STORE or SEARCH/,
    );
    expect(untagged.rfc).toMatch(/§7\.5\.1/);
    expect(entry('expunge').definition).toMatch(/or moved elsewhere by MOVE/);
  });

  it('links only the first use of a term, and keeps the text intact', () => {
    const text = 'The laptop sends DELE: the maildrop keeps it until QUIT; the maildrop is then unlocked.';
    const segments = glossarySegments(text);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(linked(text)).toEqual([['maildrop', 'maildrop']]);
  });

  it('does not take a term inside a longer word or flag', () => {
    expect(linked('UIDL lists ids; UIDVALIDITY guards UIDs')).toEqual([
      ['UIDL', 'uidl'],
      ['UIDVALIDITY', 'uidvalidity'],
      ['UIDs', 'sequence-number-vs-uid'],
    ]);
    expect(linked('an untagged line')).toEqual([['untagged', 'untagged']]);
    expect(linked('FLAGS (\\Flagged) RFC822.SIZE')).toEqual([['FLAGS', 'flags']]);
  });

  it('matches protocol words by case, so prose is not taken for a state', () => {
    expect(linked('we update the idle laptop')).toEqual([]);
    expect(linked('the UPDATE state after QUIT; the client sends IDLE')).toEqual([
      ['UPDATE', 'update-state'],
      ['IDLE', 'idle'],
    ]);
  });

  it('prefers the longer spelling where two overlap, and skips terms already explained', () => {
    expect(linked('the message sequence number shifts')).toEqual([
      ['message sequence number', 'sequence-number-vs-uid'],
    ]);
    expect(glossarySegments('the maildrop lock', new Set(['maildrop']))).toEqual([
      { text: 'the maildrop lock' },
    ]);
  });
});
