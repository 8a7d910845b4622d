import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/*
 * Whichever module a bundle happens to evaluate first, the engine must load: an extension that
 * imports a core module reading the registry (fetch-items, search…) closes an import cycle back
 * to the extension list, and the list must not be read before every extension exists. The
 * production build (Turbopack) enters the graph in an order of its own, so every extension and
 * core module is tried here as the first module loaded.
 */
const here = __dirname;
const extensionEntries = readdirSync(here)
  .filter((name) => statSync(join(here, name)).isDirectory())
  .map((name) => `./${name}/index.ts`);
const coreEntries = readdirSync(join(here, '..'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => `../${name}`);

describe('the engine loads whichever module is imported first', () => {
  it.each([...extensionEntries, ...coreEntries])('%s first, then a session works', async (entry) => {
    vi.resetModules();
    await import(entry);
    const { registry } = await import('./registry');
    expect(registry().extensions.length).toBeGreaterThan(10);
    expect(registry().extensions.every((e) => e !== undefined)).toBe(true);
  });
});
