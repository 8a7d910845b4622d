import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file under `dir` whose name matches `pattern` (tests aside). */
function sources(dir: string, pattern = /\.tsx?$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p, pattern);
    return pattern.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

const withoutComments = (css: string) => css.replace(/\/\*[^]*?\*\//g, '');

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

  it('use only custom properties that are set somewhere (an unset one falls back silently)', () => {
    // Set in a stylesheet (`--link: …`) or by a component (`'--devices': n`, `setProperty('--x')`).
    const css = sources('app', /\.css$/).map((f) => withoutComments(readFileSync(f, 'utf8')));
    const tsx = sources('app').map((f) => readFileSync(f, 'utf8'));
    const set = new Set([
      ...css.flatMap((text) => [...text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1])),
      ...tsx.flatMap((text) => [...text.matchAll(/['"`](--[\w-]+)['"`]/g)].map((m) => m[1])),
    ]);
    // A use with a fallback (`var(--sticky-top, 0px)`) is meant to work unset.
    const unset = css
      .flatMap((text) => [...text.matchAll(/var\((--[\w-]+)\s*\)/g)].map((m) => m[1]!))
      .filter((name) => !set.has(name));
    expect([...new Set(unset)]).toEqual([]);
  });
});
