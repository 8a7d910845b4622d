import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAP_COMMANDS } from '../imap/commands';
import { POP3_COMMANDS } from '../pop3/commands';
import { IMAP } from './cite';
import { citationsIn, rfcInfo, sectionExists, sectionTitle } from './rfc-sections';

const here = import.meta.dirname;

/** RFCs whose whole table of contents is listed: any other section number of theirs is wrong. */
const COMPLETE = new Set([1939, 2177, 2449, 3501, 4315, 4731, 5161, 5258, 5819, 6154, 6851, 7888, 9051]);

const ROOT = join(here, '../..');

/** The .ts/.tsx/.json files under `folder` (relative to the repository), tests left out: they cite wrong sections on purpose. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(tsx?|json)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(folder, f))
    .filter((f) => statSync(join(ROOT, f)).isFile());
}

// Cited, not in the lists, and not checked against the RFC text here: left out until someone
// adds them to the lists from the RFC itself.
const UNCHECKED = new Set(['RFC 9051 §6.4.4.1']);
const SECTION = String.raw`(?:[A-F]|\d+)(?:\.\d+)*`;
// "RFC n §x", and lists that follow it at once ("RFC 1939 §5, §6", "§4.1.1–4.1.2").
const CITE = new RegExp(
  String.raw`RFC[ -]?(\d{3,4})\s?§\s?${SECTION}(?:(?:,\s?|\s(?:and|or)\s|–)§?\s?${SECTION})*`,
  'g',
);

/** The citations in `file` ("RFC n §x") of an RFC listed here whose section is not listed. */
function unlisted(file: string): string[] {
  return [...readFileSync(join(ROOT, file), 'utf8').matchAll(CITE)].flatMap((m) => {
    const rfc = Number(m[1]);
    if (!rfcInfo(rfc)) return [];
    return [...m[0].matchAll(new RegExp(`§\\s?(${SECTION})`, 'g'))]
      .map((s) => s[1]!)
      .filter((section) => !sectionExists({ rfc, section }) && !UNCHECKED.has(`RFC ${rfc} §${section}`))
      .map((section) => `${file}: RFC ${rfc} §${section}`);
  });
}

/**
 * The units in which a bare "§x" belongs to the RFC named last before it: each comment (a
 * block, or a run of // lines) and each other line of `text`; each paragraph of a Markdown file.
 */
function citationUnits(text: string, markdown = false): string[] {
  if (markdown) return text.split(/\n\s*\n/);
  const units: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/\/\*[\s\S]*?\*\/|(?:^[ \t]*\/\/.*\n?)+/gm)) {
    units.push(...text.slice(last, m.index).split('\n'), m[0]);
    last = m.index + m[0].length;
  }
  return [...units, ...text.slice(last).split('\n')];
}

/**
 * The RFC a bare "§x" of `file` belongs to where its comment names none: the protocol or the
 * extension its folder implements (an extension's own RFC is the first its index.ts gives).
 */
function folderRfc(file: string): number | null {
  const extension = /^lib\/imap\/extensions\/([^/]+)\//.exec(file);
  if (extension) {
    const index = join(ROOT, 'lib/imap/extensions', extension[1]!, 'index.ts');
    const rfc = existsSync(index) ? /rfc:\s*'RFC (\d+)/.exec(readFileSync(index, 'utf8')) : null;
    return rfc ? Number(rfc[1]) : null;
  }
  if (file.startsWith('lib/imap/')) return 9051;
  if (file.startsWith('lib/pop3/')) return 1939;
  if (file.startsWith('lib/smtp/')) return 5321;
  return null;
}

/** Each "§x" of `file`, read as the RFC named last before it (citationUnits), that is not listed. */
function bareUnlisted(file: string): string[] {
  const reference = new RegExp(String.raw`RFC[ -]?(\d{3,4})|§\s?(${SECTION})`, 'g');
  const text = readFileSync(join(ROOT, file), 'utf8');
  return citationUnits(text, file.endsWith('.md')).flatMap((unit) => {
    let rfc = folderRfc(file);
    return [...unit.matchAll(reference)].flatMap((m) => {
      if (m[1]) {
        rfc = Number(m[1]);
        return [];
      }
      const cited = `RFC ${rfc} §${m[2]}`;
      if (rfc === null || !rfcInfo(rfc) || UNCHECKED.has(cited)) return [];
      return sectionExists({ rfc, section: m[2]! }) ? [] : [`${file}: ${cited}`];
    });
  });
}

function sources(folder: string): [string, string][] {
  const dir = join(here, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('rfc-sections'))
    .map((f) => [`${folder}/${f}`, readFileSync(join(dir, f), 'utf8')]);
}

describe('RFC section lists', () => {
  it('read citations as an RFC and its sections, lists included', () => {
    expect(citationsIn('RFC 1939 §5, §6 and RFC 2449 §8.1.2.')).toEqual([
      { rfc: 1939, section: '5' },
      { rfc: 1939, section: '6' },
      { rfc: 2449, section: '8.1.2' },
    ]);
  });

  it('know real sections and refuse ones the RFCs do not have', () => {
    expect(sectionTitle({ rfc: 9051, section: '7.4.1' })).toBe('EXISTS Response');
    expect(sectionTitle({ rfc: 3501, section: '7.3.2' })).toBe('RECENT Response');
    expect(sectionTitle({ rfc: 2449, section: '8.1.2' })).toBe('The IN-USE response code');
    expect(sectionTitle({ rfc: 1939, section: '4' })).toBe('The AUTHORIZATION State');
    expect(sectionExists({ rfc: 9051, section: '7.3.2' })).toBe(true);
    // RFC 9051 has no RECENT response; RFC 1939 ends at §15; IN-USE is not §8.1.3.
    expect(sectionExists({ rfc: 9051, section: '7.4.2' })).toBe(false);
    expect(sectionExists({ rfc: 1939, section: '16' })).toBe(false);
    // RFC 1939 added §8 (Scaling and Operational Considerations) to RFC 1725's list, so the
    // command summary is §9 and the octet counts (CRLF line ends) are §11, Message Format.
    expect(sectionTitle({ rfc: 1939, section: '8' })).toBe('Scaling and Operational Considerations');
    expect(sectionTitle({ rfc: 1939, section: '11' })).toBe('Message Format');
    expect(sectionTitle({ rfc: 1939, section: '13' })).toBe('Security Considerations');
    expect(sectionExists({ rfc: 2449, section: '8.1.3' })).toBe(false);
    expect(rfcInfo(9999)).toBeUndefined();
  });

  it('hold every section cited by the command records', () => {
    const records = [...IMAP_COMMANDS.values(), ...POP3_COMMANDS.values()];
    const wrong = records.flatMap((c) => {
      const cited = citationsIn(c.rfc);
      if (cited.length === 0) return [`${c.name}: no section in "${c.rfc}"`];
      return cited.filter((x) => !sectionExists(x)).map((x) => `${c.name}: RFC ${x.rfc} §${x.section}`);
    });
    expect(wrong).toEqual([]);
  });

  it('hold every section the explainer itself cites', () => {
    const wrong = sources('.').flatMap(([file, text]) =>
      citationsIn(text)
        .filter((c) => !sectionExists(c))
        .map((c) => `${file}: RFC ${c.rfc} §${c.section}`),
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['../imap'],
    ['../imap/commands'],
    ['../pop3'],
    ['../pop3/commands'],
    ['../session'],
    ['../wire'],
  ])('hold every section %s cites of the RFCs whose whole table of contents is listed', (folder) => {
    const wrong = sources(folder).flatMap(([file, text]) =>
      citationsIn(text)
        .filter((c) => COMPLETE.has(c.rfc) && !sectionExists(c))
        .map((c) => `${file}: RFC ${c.rfc} §${c.section}`),
    );
    expect(wrong).toEqual([]);
  });

  it('hold every section the docs and README cite as “RFC n §x” of the RFCs listed here', () => {
    const files = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    expect(files.flatMap((file) => unlisted(file))).toEqual([]);
  });

  it('hold every section the pages, the stories and the servers cite, of the RFCs listed here', () => {
    // What a student reads (claims, glossary, guide, narration, the Live page's help) and what
    // the servers' comments claim: a section these lists hold, or an RFC they do not list.
    const files = ['app', 'simulations', 'lib'].flatMap((folder) => sourceFiles(folder));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => unlisted(file))).toEqual([]);
  });

  it('hold every bare “§x” there, read as the RFC named last before it in its comment, else its folder’s', () => {
    // "(§3.1.2.1)" in a comment that named RFC 7162 earlier is RFC 7162's: a reader takes it so,
    // and so does this check. A comment about a second RFC names it again before its sections.
    const files = ['app', 'simulations', 'lib']
      .flatMap((folder) => sourceFiles(folder))
      .filter((file) => !file.includes('rfc-sections'))
      .concat(
        'README.md',
        readdirSync(join(ROOT, 'docs'))
          .filter((f) => f.endsWith('.md'))
          .map((f) => `docs/${f}`),
      );
    expect(files.flatMap((file) => bareUnlisted(file))).toEqual([]);
  });

  it('hold both revisions of every IMAP reference the explainer uses, IMAP4rev1 outside RFC 9051', () => {
    for (const [name, ref] of Object.entries(IMAP)) {
      for (const c of citationsIn(`${ref.rev1} ${'rev2' in ref ? ref.rev2 : ''}`))
        expect(sectionExists(c), name).toBe(true);
      if (name !== 'closed') expect(ref.rev1, name).not.toContain('RFC 9051');
    }
  });

  it('cite the POP3 lock and QUIT before login where RFC 1939 puts them (§4)', () => {
    expect(sectionTitle({ rfc: 1939, section: '4' })).toBe('The AUTHORIZATION State');
    expect(POP3_COMMANDS.get('QUIT')!.rfc).toBe('RFC 1939 §4, §6');
  });
});
