import { describe, expect, it } from 'vitest';
import { extensionList } from '../imap/extensions';
import { extensionReference } from './extensions';

describe('extension reference', () => {
  it('has a section per registered extension, with its capability names', () => {
    const sections = extensionReference();
    expect(sections.map((s) => s.name)).toEqual(extensionList().map((e) => e.name));
    expect(sections.find((s) => s.name === 'qresync')?.capabilities).toEqual(['QRESYNC']);
  });

  it('lists what CONDSTORE adds, and its example shows CHANGEDSINCE, MODIFIED and MODSEQ as the engine answers', () => {
    const condstore = extensionReference().find((s) => s.name === 'condstore')!;
    expect(condstore.adds).toContainEqual({ kind: 'FETCH modifiers', names: ['CHANGEDSINCE'] });
    expect(condstore.responseCodes.map((c) => c.name)).toEqual(['HIGHESTMODSEQ', 'NOMODSEQ', 'MODIFIED']);
    const server = condstore.example.filter((l) => l.from === 'S').map((l) => l.text);
    // Once, as the answer to CHANGEDSINCE: the other device's change was taken by an unseen NOOP.
    expect(server.filter((l) => l === '* 2 FETCH (UID 2 FLAGS (\\Flagged) MODSEQ (8))')).toHaveLength(1);
    expect(server).toContain('a5 OK [MODIFIED 2] UID STORE completed');
    expect(server).toContain('* SEARCH 1 2 (MODSEQ 9)');
  });

  it('QRESYNC example: one SELECT answers VANISHED (EARLIER) and the changed message', () => {
    const qresync = extensionReference().find((s) => s.name === 'qresync')!;
    const server = qresync.example.filter((l) => l.from === 'S').map((l) => l.text);
    expect(server).toContain('* VANISHED (EARLIER) 3');
    expect(server.some((l) => /^\* 1 FETCH \(UID 1 FLAGS \(\\Seen.*\) MODSEQ \(\d+\)\)$/.test(l))).toBe(true);
    expect(server.at(-1)).toBe('a3 OK [READ-WRITE] SELECT completed');
  });

  it('SORT and THREAD example: the seed conversation as REFERENCES and ORDEREDSUBJECT thread it', () => {
    const sort = extensionReference().find((s) => s.name === 'sort')!;
    const server = sort.example.filter((l) => l.from === 'S').map((l) => l.text);
    expect(server).toContain('* THREAD (1)(2)(3)(4 5 6)');
    expect(server).toContain('* THREAD (1)(2)(3)(4 (5)(6))');
    expect(
      server.filter((l) => /^\* [456] FETCH \(ENVELOPE .*Study group on Thursday\?/.test(l)),
    ).toHaveLength(3);
    expect(server.at(-1)).toBe('a6 OK SORT completed');
  });

  it('the THREAD section draws the seed conversation as a tree, labelled from the mailbox', () => {
    const sort = extensionReference().find((s) => s.name === 'sort')!;
    const study = sort.conversation.find((n) => n.number === 4)!;
    expect(sort.conversation.map((n) => n.number)).toEqual([1, 2, 3, 4]);
    expect(study.subject).toBe('Study group on Thursday?');
    expect(study.from).toMatch(/^Chris Classmate/);
    // REFERENCES: 5 answers 4, and 6 answers 5.
    expect(study.children.map((c) => c.number)).toEqual([5]);
    expect(study.children[0]!.children.map((c) => [c.number, c.subject])).toEqual([
      [6, 'Re: Study group on Thursday?'],
    ]);
    // Sections without a THREAD response draw none.
    expect(extensionReference().find((s) => s.name === 'condstore')!.conversation).toEqual([]);
  });

  it('ESORT and PARTIAL examples show what the engine answers', () => {
    const server = (name: string) =>
      extensionReference()
        .find((s) => s.name === name)!
        .example.filter((l) => l.from === 'S')
        .map((l) => l.text);
    expect(server('esort')).toContain('* ESEARCH (TAG "a3") MIN 6 MAX 1 COUNT 6');
    expect(server('partial')).toContain('* ESEARCH (TAG "a3") UID COUNT 6 PARTIAL (-1:-2 5:6)');
    expect(server('partial')).toContain('* ESEARCH (TAG "a5") UID PARTIAL (7:10 NIL)');
  });

  it('every extension of this issue says what it is for, and every example ends in OK', () => {
    for (const name of [
      'searchres',
      'id',
      'quota',
      'sort',
      'esort',
      'partial',
      'context',
      'list-extended',
      'condstore',
      'qresync',
    ])
      expect(extensionReference().find((s) => s.name === name)?.summary).toMatch(/\w/);
    for (const s of extensionReference())
      if (s.example.length) expect(s.example.at(-1)!.text, s.name).toMatch(/^a\d+ OK /);
  });

  it('CONTEXT example: another device reads message 3, and the live search says it left', () => {
    const context = extensionReference().find((s) => s.name === 'context')!;
    const server = context.example.filter((l) => l.from === 'S').map((l) => l.text);
    expect(server).toContain('* ESEARCH (TAG "a3") UID COUNT 6');
    expect(server).toContain('* ESEARCH (TAG "a3") UID REMOVEFROM (0 3)');
    expect(context.example.some((l) => l.text.includes('STORE'))).toBe(false);
  });

  it('BINARY, MULTIAPPEND, UTF8=ACCEPT and CATENATE examples answer as the engine does', () => {
    const server = (name: string) =>
      extensionReference()
        .find((s) => s.name === name)!
        .example.filter((l) => l.from === 'S')
        .map((l) => l.text);
    expect(server('binary')).toContain('Session,Day,Time,Room');
    expect(server('binary')[0]).toMatch(/^\* 3 FETCH \(BINARY\.SIZE\[2\] \d+ BODY\[2\.MIME\] \{\d+\}$/);
    expect(server('multiappend').at(-1)).toMatch(/^a2 OK \[APPENDUID \d+ 1:2\] APPEND completed$/);
    expect(server('utf8-accept')).toContain('* LIST (\\HasNoChildren) "/" Entw&APw-rfe');
    expect(server('utf8-accept')).toContain('* LIST (\\HasNoChildren) "/" {9}');
    expect(server('catenate')).toContain(
      'a2 NO [BADURL /INBOX/;UID=99] CATENATE failed: no message with that UID',
    );
    const catenate = extensionReference().find((s) => s.name === 'catenate')!;
    expect(catenate.adds).toContainEqual({ kind: 'APPEND data', names: ['CATENATE'] });
  });
});
