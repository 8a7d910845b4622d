import { describe, expect, it } from 'vitest';
import { extensionReference } from './extensions';

describe('NOTIFY on the reference page', () => {
  it('says what it is for, and its example shows what the engine pushed between commands', () => {
    const notify = extensionReference().find((s) => s.name === 'notify')!;
    expect(notify.capabilities).toEqual(['NOTIFY']);
    expect(notify.summary).toMatch(/unasked/);
    expect(notify.responseCodes.map((c) => c.name)).toEqual(['BADEVENT', 'NOTIFICATIONOVERFLOW']);
    const text = notify.example.map((l) => `${l.from}: ${l.text}`);
    const ok = text.indexOf('S: a3 OK NOTIFY completed');
    // The STATUS indicator: each watched mailbox but the selected one, before the OK (§3.1).
    expect(text.slice(1, ok)).toEqual([
      expect.stringMatching(/^S: \* STATUS Drafts \(MESSAGES 0 UIDNEXT 1 UIDVALIDITY \d+\)$/),
      expect.stringMatching(/^S: \* STATUS Sent \(MESSAGES 0 UIDNEXT 1 UIDVALIDITY \d+\)$/),
      expect.stringMatching(/^S: \* STATUS Trash \(MESSAGES 0 UIDNEXT 1 UIDVALIDITY \d+\)$/),
    ]);
    // Then, with no command in progress, the other device's changes as they happened.
    expect(text.slice(ok + 1)).toEqual([
      'S: * STATUS Sent (MESSAGES 1 UIDNEXT 2)',
      'S: * 7 EXISTS',
      'S: * 1 RECENT',
      'S: * 7 FETCH (UID 7 FLAGS (\\Recent))',
      'S: * 2 EXPUNGE',
      'S: * LIST (\\HasNoChildren) "/" Projects',
      'C: a4 NOTIFY NONE',
      'S: a4 OK NOTIFY completed',
    ]);
  });
});
