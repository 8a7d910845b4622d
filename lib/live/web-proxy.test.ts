import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './csp';
import { prerenderedScriptHashes, proxyDecision, type ProxyEnvironment } from './web-proxy';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const env: ProxyEnvironment = { network: undefined, dev: false, scriptHashes: () => [sha('boot()')] };
const headers = (host: string) => new Headers({ host });

describe('the proxy', () => {
  it('refuses a foreign Host with 421 and no content (DNS rebinding)', () => {
    for (const pathname of ['/api/live/state/', '/api/live/events/', '/live/', '/']) {
      const decision = proxyDecision(pathname, headers('evil.example:3000'), env);
      expect(decision.kind).toBe('refuse');
      expect(decision.kind === 'refuse' && decision.status).toBe(421);
    }
  });

  it('answers for the network name only in network mode', () => {
    expect(proxyDecision('/live/', headers('lab.example:3000'), env).kind).toBe('refuse');
    expect(
      proxyDecision('/live/', headers('lab.example:3000'), { ...env, network: 'lab.example' }).kind,
    ).toBe('pass');
  });

  it('denies framing everywhere except the embed', () => {
    for (const pathname of ['/', '/live/', '/guide/', '/api/live/state/']) {
      const h = proxyDecision(pathname, headers('127.0.0.1:3000'), env).headers;
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    for (const pathname of ['/embed/', '/embed/offline/']) {
      const h = proxyDecision(pathname, headers('127.0.0.1:3000'), env).headers;
      expect(h['x-frame-options']).toBeUndefined();
      expect(h['content-security-policy']).not.toContain('frame-ancestors');
    }
  });

  it("allows a page's own inline scripts by hash, and no other inline script", () => {
    const csp = proxyDecision('/', headers('localhost:3000'), env).headers['content-security-policy']!;
    const script = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(script).toBe(`script-src 'self' ${sha('boot()')}`);
    expect(contentSecurityPolicy({ scriptHashes: [], embeddable: false })).not.toMatch(
      /script-src[^;]*unsafe/,
    );
  });
});

describe('inline script hashes', () => {
  it('hashes each inline script once, exactly as written, and skips external ones', () => {
    const html =
      '<html><head><script>a()</script><script src="/_next/x.js" async=""></script>' +
      '<script id="b">self.__next_f.push([1,"\\u003c/p>é"])</script><script>a()</script></head></html>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('self.__next_f.push([1,"\\u003c/p>é"])')]);
  });

  it("reads a prerendered page's hashes from the build, the 404 page's for unknown paths", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-'));
    mkdirSync(path.join(dir, 'embed'));
    writeFileSync(path.join(dir, 'index.html'), '<script>home()</script>');
    writeFileSync(path.join(dir, 'embed', 'offline.html'), '<script>embed()</script>');
    writeFileSync(path.join(dir, '_not-found.html'), '<script>missing()</script>');
    expect(prerenderedScriptHashes('/', dir)).toEqual([sha('home()')]);
    expect(prerenderedScriptHashes('/embed/offline/', dir)).toEqual([sha('embed()')]);
    expect(prerenderedScriptHashes('/nope/', dir)).toEqual([sha('missing()')]);
    expect(prerenderedScriptHashes('/../../etc/passwd', dir)).toEqual([sha('missing()')]);
  });
});
