import { describe, expect, it } from 'vitest';
import { Mailbox } from './mailbox';

/** RFC 7162 §3.1.1: every change gets a mod-sequence higher than any before it. */
describe('mod-sequences', () => {
  const text = 'Subject: x\r\n\r\nbody\r\n';

  it('an append, a flag change and an expunge each increment HIGHESTMODSEQ and stamp the change', () => {
    const box = new Mailbox('INBOX', 1);
    expect(box.highestModseq).toBe(1);
    const a = box.append(text, [], 0);
    const b = box.append(text, [], 0);
    expect([a.modseq, b.modseq, box.highestModseq]).toEqual([2, 3, 3]);
    box.setFlags(a, ['\\Seen']);
    expect([a.modseq, box.highestModseq]).toEqual([4, 4]);
    // No change, no new mod-sequence.
    box.setFlags(a, ['\\Seen']);
    expect(box.highestModseq).toBe(4);
    box.expunge([b]);
    expect(box.highestModseq).toBe(5);
  });

  it('remembers which UIDs went after a given mod-sequence (for VANISHED (EARLIER))', () => {
    const box = new Mailbox('INBOX', 1);
    const [m1, m2, m3] = [1, 2, 3].map(() => box.append(text, [], 0));
    box.expunge([m1!]);
    const after = box.highestModseq;
    box.expunge([m2!, m3!]);
    expect(box.expungedSince(1)).toEqual([1, 2, 3]);
    expect(box.expungedSince(after)).toEqual([2, 3]);
    expect(box.expungedSince(box.highestModseq)).toEqual([]);
  });
});
