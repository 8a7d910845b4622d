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
