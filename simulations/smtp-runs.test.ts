import { describe, expect, it } from 'vitest';
import { findScenario } from './scenarios';
import { scenarioTimeline } from './timeline';

describe('mail delivered by the sender’s server (newMail via SMTP)', () => {
  it('arrives with a Received: line from each SMTP server it crossed, newest on top (RFC 5321 §4.4)', () => {
    const timeline = scenarioTimeline(findScenario('new-mail')!);
    const data = timeline.tracks.imap.find(
      (f) => f.device === 'sender' && f.direction === 'c2s' && /^Received: /.test(f.raw ?? ''),
    );
    // The sender's server sends its own trace: it took the message from its author's mail app.
    expect(data?.raw).toMatch(
      /^Received: from \[203\.0\.113\.25\] \(\[203\.0\.113\.25\]\)\r\n\tby mx\.[\w.-]+ with ESMTPSA id /,
    );
    // The POP3 client downloads it whole (RETR): the header as stored.
    const fetched = timeline.tracks.pop3.find(
      (f) =>
        f.direction === 's2c' &&
        /Received: from mx\.[\w.-]+ \(\[198\.51\.100\.25\]\)\r\n\tby popvsimap\.lab/.test(f.raw ?? ''),
    );
    // Ours, on delivery, above it: two hops, two lines.
    expect(fetched?.raw).toMatch(
      /Received: from mx\.[\w.-]+ \(\[198\.51\.100\.25\]\)\r\n\tby popvsimap\.lab[^]*Received: from \[203\.0\.113\.25\]/,
    );
  });

  // The bounce's narration: the store refused a message that would pass the quota (the mailbox
  // was under it); RFC 5321 §4.4 and §6.1 require a report, and §3.6.3 says formats such as RFC
  // 3464's SHOULD be used; RFC 3464's is required
  // only with the DSN extension (RFC 3461), which this server does not offer.
  it('server-quota: the report note says the message would not fit, and what RFC 3464 is', () => {
    const notes = scenarioTimeline(findScenario('server-quota')!)
      .tracks.imap.map((f) => f.narration)
      .filter((n) => /Not every recipient could take it/.test(n));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/has no room for it: the message would take it over its quota/);
    expect(notes[0]).not.toMatch(/is over its quota|Its form is protocol/);
    expect(notes[0]).toMatch(
      /the standard one, which RFC 5321 §3\.6\.3 says SHOULD be used if possible \(a MUST only with the DSN extension, RFC 3461/,
    );
  });
});
