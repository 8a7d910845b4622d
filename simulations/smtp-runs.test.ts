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
});
