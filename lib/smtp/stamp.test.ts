import { describe, expect, it } from 'vitest';
import { stampMessage, type StampInput } from './stamp';

/*
 * RFC 5321 §4.4: From-domain = "FROM" FWS Extended-Domain
 *   Extended-Domain = Domain / ( Domain FWS "(" TCP-info ")" ) / ( address-literal FWS "(" TCP-info ")" )
 *   TCP-info = address-literal / ( Domain FWS address-literal )
 * with address-literal from §4.1.3 ("[" IPv4 "]" or "[IPv6:" IPv6 "]") and Domain from §4.1.2.
 */
const DOMAIN = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*`;
const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const LITERAL = String.raw`\[(?:${IPV4}|IPv6:[0-9a-f:.]+)\]`;
const TCP_INFO = String.raw`(?:${LITERAL}|${DOMAIN} ${LITERAL})`;
const FROM_CLAUSE = new RegExp(
  String.raw`^Received: from (?:${DOMAIN}|(?:${DOMAIN}|${LITERAL}) \((${TCP_INFO})\))\r\n\tby `,
);

const input: StampInput = {
  content: 'Subject: hi\r\n\r\nhello\r\n',
  hostname: 'popvsimap.lab',
  clientDomain: 'client.example',
  protocol: 'ESMTPA',
  queueId: '00010001',
  singleRecipient: null,
  now: Date.UTC(2026, 2, 10, 12),
  uniqueId: 'u1',
};

describe('the Received: line the server adds (RFC 5321 §4.4)', () => {
  it('names the EHLO name and, as the section asks, the address the connection came from', () => {
    const v4 = stampMessage({ ...input, clientAddress: { family: 'IPv4', address: '192.0.2.7' } });
    expect(v4).toMatch(FROM_CLAUSE);
    expect(FROM_CLAUSE.exec(v4)![1]).toBe('[192.0.2.7]');
    const v6 = stampMessage({ ...input, clientAddress: { family: 'IPv6', address: '2001:db8::1' } });
    expect(v6).toMatch(FROM_CLAUSE);
    expect(FROM_CLAUSE.exec(v6)![1]).toBe('[IPv6:2001:db8::1]');
  });

  it('an address literal given in EHLO is followed by the connection’s own', () => {
    const stamped = stampMessage({
      ...input,
      clientDomain: '[203.0.113.25]',
      clientAddress: { family: 'IPv4', address: '203.0.113.25' },
    });
    expect(stamped).toMatch(FROM_CLAUSE);
    expect(stamped.startsWith('Received: from [203.0.113.25] ([203.0.113.25])\r\n')).toBe(true);
  });

  it('without a known address the FROM clause is the EHLO name alone (still a valid Extended-Domain)', () => {
    const stamped = stampMessage(input);
    expect(stamped).toMatch(FROM_CLAUSE);
    expect(stamped.startsWith('Received: from client.example\r\n\tby popvsimap.lab')).toBe(true);
  });
});
