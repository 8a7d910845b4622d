import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LiveSessionView } from '@/lib/live/view-types';
import { SessionLane } from './SessionLane';

const line = (seq: number, direction: 'c2s' | 's2c', text: string, extra: object = {}) => ({
  seq,
  direction,
  text,
  bytes: text.length,
  command: null,
  outcome: direction === 's2c' ? 'ok' : null,
  state: 'no mail transaction',
  explanation: null,
  rfc: null,
  masked: false,
  tls: false,
  ...extra,
});

describe('SessionLane', () => {
  it('draws an SMTP session as a lane: its name, the reply code as the packet label, AUTH masked', () => {
    const session: LiveSessionView = {
      id: 3,
      protocol: 'smtp',
      client: '127.0.0.1:50000',
      state: 'no mail transaction',
      open: true,
      lines: [
        line(1, 'c2s', 'AUTH PLAIN ********\r\n', { command: 'AUTH', masked: true }),
        line(2, 's2c', '235 2.7.0 Authentication successful\r\n', { command: 'AUTH' }),
      ],
    };
    const html = renderToStaticMarkup(<SessionLane session={session} />);
    expect(html).toContain('aria-label="SMTP session from 127.0.0.1:50000"');
    expect(html).toContain('SMTP · 127.0.0.1:50000');
    expect(html).toContain('AUTH PLAIN ********');
    expect(html).toContain('235 2.7.0 Authentication successful');
    expect(html).toMatch(/>235</);
  });

  it('says where a masked password travelled: as plain text, or inside TLS after STARTTLS', () => {
    const lane = (tls: boolean): LiveSessionView => ({
      id: 4,
      protocol: 'imap',
      client: '127.0.0.1:50001',
      state: 'NotAuthenticated',
      open: true,
      lines: [line(1, 'c2s', 'a1 LOGIN student ********\r\n', { command: 'LOGIN', masked: true, tls })],
    });
    const plain = renderToStaticMarkup(<SessionLane session={lane(false)} />);
    expect(plain).toContain('On the wire it travelled in the clear (a SASL response is base64');
    expect(plain).not.toContain('inside TLS');
    const secure = renderToStaticMarkup(<SessionLane session={lane(true)} />);
    expect(secure).toContain('On the wire it travelled inside TLS');
    expect(secure).not.toContain('as plain text');
    // RFC 8314 §5 (and RFC 9051 §11.1): TLS protects only if the client validated the certificate.
    expect(secure).toMatch(/provided the client checked the server’s certificate/);
  });
});
