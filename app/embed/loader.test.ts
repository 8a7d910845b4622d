import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/simulations/catalog';

describe('public/embed.js', () => {
  it('knows every scenario in the catalog, so each snippet gets the prerendered /embed/<id>/ page', () => {
    const source = readFileSync('public/embed.js', 'utf8');
    const list = /var SCENARIOS = (\[[^\]]*\]);/.exec(source)![1]!;
    expect([...list.matchAll(/'([^']*)'/g)].map((m) => m[1])).toEqual(CATALOG.map((c) => c.id));
  });
});

/** The iframe embed.js inserts for a script tag with these `data-` attributes (run in a stub page). */
function iframeFor(attributes: Record<string, string>): { src: string; title: string } {
  const inserted: { src?: string; title?: string }[] = [];
  const script = {
    src: 'https://lab.example/embed.js',
    getAttribute: (name: string) => attributes[name.replace(/^data-/, '')] ?? null,
    parentNode: { insertBefore: (node: { src?: string; title?: string }) => inserted.push(node) },
    nextSibling: null,
  };
  const document = {
    currentScript: script,
    baseURI: 'https://docs.example/page.html',
    createElement: () => ({ style: {} }),
  };
  const window = { addEventListener: () => undefined };
  new Function('document', 'window', readFileSync('public/embed.js', 'utf8'))(document, window);
  return inserted[0] as { src: string; title: string };
}

describe('public/embed.js data-story', () => {
  const value = 'N4IgbgpgTgzglg+ewHYg$Fw-EYA0';

  it("puts the story's value in /embed/'s query as written, before the other options", () => {
    expect(iframeFor({ story: value, protocol: 'imap', theme: 'dark' })).toEqual(
      expect.objectContaining({
        src: `https://lab.example/embed/?story=${value}&protocol=imap&theme=dark`,
        title: 'POP vs IMAP Lab: a linked story',
      }),
    );
  });

  it('wins over data-scenario, and data-title names the iframe', () => {
    expect(iframeFor({ story: value, scenario: 'offline', title: 'The tunnel' })).toEqual(
      expect.objectContaining({
        src: `https://lab.example/embed/?story=${value}`,
        title: 'POP vs IMAP Lab: The tunnel',
      }),
    );
  });

  it('drops whitespace (a wrapped value) and escapes what lz-string never writes', () => {
    expect(iframeFor({ story: `N4Ig\n  bgpg` }).src).toBe('https://lab.example/embed/?story=N4Igbgpg');
    expect(iframeFor({ story: 'a&step=9#x' }).src).toBe('https://lab.example/embed/?story=a%26step%3D9%23x');
  });

  it('without data-story, a scenario still gets its prerendered page', () => {
    expect(iframeFor({ scenario: 'offline', step: '4' }).src).toBe(
      'https://lab.example/embed/offline/?step=4',
    );
  });
});
