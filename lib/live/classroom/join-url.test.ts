import { describe, expect, it } from 'vitest';
import { joinUrl, mailHost } from './join-url';

describe('the join address', () => {
  it.each([
    ['127.0.0.1:3000', null, 'ABC234', 'http://127.0.0.1:3000/class/?code=ABC234'],
    ['localhost:3000', '192.168.1.20', 'ABC234', 'http://192.168.1.20:3000/class/?code=ABC234'],
    ['trainer.local', 'trainer.local', 'ABC234', 'http://trainer.local/class/?code=ABC234'],
    ['[::1]:3100', null, null, 'http://[::1]:3100/class/'],
    ['[::1]:3100', 'fe80::1', 'X', 'http://[fe80::1]:3100/class/?code=X'],
  ])('page at %s, network %s, code %s → %s', (host, network, code, url) => {
    expect(joinUrl(host, network, code)).toBe(url);
  });

  it('gives mail clients the network name, else the page host without its port', () => {
    expect(mailHost('localhost:3000', '192.168.1.20')).toBe('192.168.1.20');
    expect(mailHost('127.0.0.1:3000', null)).toBe('127.0.0.1');
    expect(mailHost('[::1]:3000', '')).toBe('::1');
  });
});
