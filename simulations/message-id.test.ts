import { describe, expect, it } from 'vitest';
import { messageIdFrom, senderDomain } from './message-id';
import { findScenario } from './scenarios';
import { scenarioTimeline } from './timeline';

describe('Message-IDs of mail from outside the lab (RFC 5322 §3.6.4)', () => {
  it('take the sender’s domain, not the lab’s', () => {
    expect(messageIdFrom('new.3', 'Ben Trainer <ben@workshop.example>')).toBe('new.3@workshop.example');
    expect(messageIdFrom('new.3', '"Ana, from Lisbon" <ana@example.org>')).toBe('new.3@example.org');
    expect(messageIdFrom('new.3', 'someone')).toBe('new.3@popvsimap.lab');
    // A comment after the address is not part of the domain (the relay is named mx.<domain>).
    expect(senderDomain('ben@x.example (Ben)')).toBe('x.example');
    expect(senderDomain('someone')).toBeNull();
  });

  it('new mail in a story reaches the INBOX with an id from its sender’s domain', () => {
    const frames = scenarioTimeline(findScenario('new-mail')!).tracks.imap;
    const data = frames.filter((f) => f.direction === 'c2s' && /^Message-ID: /im.test(f.raw ?? ''));
    expect(data.length).toBeGreaterThan(0);
    for (const f of data) {
      const from = /^From: .*@([\w.-]+)>?\r?$/im.exec(f.raw!)![1];
      expect(/^Message-ID: <[^@>]+@([\w.-]+)>/im.exec(f.raw!)![1]).toBe(from);
    }
  });
});
