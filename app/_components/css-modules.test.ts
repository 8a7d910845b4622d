import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every component file under app/ (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

describe('CSS modules', () => {
  it('define every class a component names (an undefined one renders as class="undefined")', () => {
    const missing: string[] = [];
    for (const file of sources('app')) {
      const src = readFileSync(file, 'utf8');
      for (const [, name, rel] of src.matchAll(/import (\w+) from '([^']+\.module\.css)'/g)) {
        const css = readFileSync(path.join(path.dirname(file), rel!), 'utf8').replace(/\/\*[^]*?\*\//g, '');
        const defined = new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]));
        for (const [, used] of src.matchAll(new RegExp(`\\b${name}\\.([a-zA-Z_]\\w*)\\b(?!\\.css)`, 'g')))
          if (!defined.has(used)) missing.push(`${file}: ${name}.${used}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
