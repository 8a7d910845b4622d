import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  crossSiteReason,
  hostAllowed,
  isJsonContentType,
  keyMatches,
  MAX_BODY_BYTES,
  readBoundedBody,
} from './web-guard';

describe('Host allow-list (DNS rebinding)', () => {
  const loopback = allowedHosts(undefined);
  const network = allowedHosts('Trainer-Laptop.local');
  it.each([
    ['localhost:3000', true],
    ['127.0.0.1:3100', true],
    ['[::1]:3000', true],
    ['LOCALHOST', true],
    ['evil.example', false],
    ['evil.example:3000', false],
    ['127.0.0.1.evil.example', false],
    ['trainer-laptop.local:3000', false],
  ])('on loopback, Host %s → %s', (host, ok) => expect(hostAllowed(host, loopback)).toBe(ok));
  it('in network mode, the chosen name too, and nothing else', () => {
    expect(hostAllowed('trainer-laptop.local:3000', network)).toBe(true);
    expect(hostAllowed('trainer-laptop.local.', network)).toBe(true);
    expect(hostAllowed('localhost:3000', network)).toBe(true);
    expect(hostAllowed('evil.example', network)).toBe(false);
    expect(hostAllowed(null, network)).toBe(false);
    expect(hostAllowed('[fe80::1]:3000', allowedHosts('fe80::1'))).toBe(true);
  });
});

describe('cross-site requests (CSRF)', () => {
  const headers = (h: Record<string, string>) => new Headers({ host: '127.0.0.1:3000', ...h });
  it('accepts the lab page itself, and requests that no browser page made', () => {
    expect(
      crossSiteReason(headers({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })),
    ).toBeNull();
    expect(crossSiteReason(headers({}))).toBeNull();
  });
  it.each([
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
    [{ origin: 'http://127.0.0.1:3101' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:3000' }],
  ])('refuses %o', (h) => expect(crossSiteReason(headers(h))).not.toBeNull());
});

describe('content type and trainer key', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/jsonp', false],
  ])('%s is JSON: %s', (type, ok) => expect(isJsonContentType(type)).toBe(ok));
  it('compares keys exactly', () => {
    expect(keyMatches('k3y-ABC', 'k3y-ABC')).toBe(true);
    expect(keyMatches('k3y-ABc', 'k3y-ABC')).toBe(false);
    expect(keyMatches('', 'k3y-ABC')).toBe(false);
    expect(keyMatches(null, 'k3y-ABC')).toBe(false);
  });
});

describe('bounded request bodies', () => {
  it('reads a body within the cap', async () => {
    const body = await readBoundedBody(new Request('http://x/', { method: 'POST', body: '{"a":"é"}' }));
    expect(body).toEqual({ ok: true, text: '{"a":"é"}' });
  });
  it('refuses a large Content-Length before reading anything', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request('http://x/', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': String(200 * 1024 * 1024) },
      duplex: 'half',
    } as RequestInit);
    expect(await readBoundedBody(request)).toEqual({ ok: false, status: 413 });
    expect(pulled).toBeLessThanOrEqual(1);
  });
  it('stops reading a stream with no Content-Length as soon as it passes the cap', async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await readBoundedBody(request)).toEqual({ ok: false, status: 413 });
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 4 * 1024);
  });
});
