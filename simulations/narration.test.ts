import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { DEFAULT_POP3_SETTINGS } from './client-settings';
import {
  popEmptyDeletedNote,
  popLocalNote,
  quietNote,
  WEBMAIL_OFFLINE,
  type QuietContext,
} from './narration';
import { findScenario } from './scenarios';
import { buildTimeline, results, scenarioTimeline } from './timeline';

const ctx = (over: Partial<QuietContext> = {}): QuietContext => ({
  webmail: false,
  online: true,
  appOpen: false,
  idling: false,
  connected: false,
  anyIdling: false,
  anyConnected: false,
  ...over,
});
const newMail = { type: 'newMail', subject: 'Hi', from: 'Ana <ana@example.org>' } as const;

describe('quiet notes: new mail nobody hears at once', () => {
  it('a logged-out IMAP client learns of it when it next selects the mailbox, not at its next command', () => {
    const note = quietNote(newMail, 'imap', ctx());
    expect(note).not.toMatch(/next command/);
    expect(note).toMatch(/no IMAP client is connected/);
    expect(note).toMatch(/when it next logs in and selects the mailbox \(EXISTS, UIDNEXT\)/);
  });

  it('with a session open but no IDLE, the next command brings EXISTS', () => {
    const note = quietNote(newMail, 'imap', ctx({ anyConnected: true }));
    expect(note).toMatch(/no IMAP client is waiting in IDLE/);
    expect(note).toMatch(/at its next command \(an EXISTS response\)/);
  });

  it.each(['leave-a-copy', 'phone-after-a-week'])(
    '%s: new mail after the IMAP client logged out is not promised at its next command',
    (id) => {
      const frames = scenarioTimeline(findScenario(id)!).tracks.imap;
      const quiet = frames.filter(
        (f) => f.direction === 'none' && /^Nothing goes on the wire: no IMAP/.test(f.narration),
      );
      expect(quiet.length).toBeGreaterThan(0);
      for (const f of quiet) expect(f.narration).toMatch(/no IMAP client is connected/);
    },
  );
});

describe('the POP3 sender’s copy', () => {
  it.each(['send-from-phone', 'cafe-wifi', 'server-quota'])(
    '%s: the client setting is to Bcc the sender’s own address, not “you”',
    (id) => {
      const notes = scenarioTimeline(findScenario(id)!)
        .tracks.pop3.map((f) => f.narration)
        .filter((n) => /Bcc/.test(n));
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        expect(n).not.toMatch(/Bcc you/);
        expect(n).toMatch(/set to Bcc the sender's own address \(a client setting\)/);
      }
    },
  );
});

describe('what an IMAP client fetched: the envelope, not the header', () => {
  it('offline, a message never opened is said to have only its envelope, flags and size', () => {
    const notes = scenarioTimeline(findScenario('offline')!).tracks.imap.map((f) => f.narration);
    const offline = notes.filter((n) => /cannot show message \d+ offline/.test(n));
    expect(offline.length).toBeGreaterThan(0);
    for (const n of offline) {
      expect(n).not.toMatch(/headers/);
      expect(n).toMatch(/only its envelope, flags and size were downloaded, not its body/);
    }
  });

  it('send-from-phone: the laptop fetches the Sent folder’s envelopes, as the wire shows', () => {
    const timeline = scenarioTimeline(findScenario('send-from-phone')!);
    const fetches = timeline.tracks.imap.filter(
      (f) => f.device === 'laptop' && f.direction === 'c2s' && /UID FETCH/.test(f.raw ?? ''),
    );
    expect(fetches.some((f) => /\(UID FLAGS RFC822\.SIZE ENVELOPE\)/.test(f.raw!))).toBe(true);
    expect(fetches.some((f) => /BODY(\.PEEK)?\[HEADER/.test(f.raw!))).toBe(false);
    const statements = findScenario('send-from-phone')!
      .takeaways(results(timeline))
      .map((t) => t.statement)
      .filter((s) => /SELECT Sent/.test(s));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s).toMatch(/fetches the envelopes/);
  });
});

describe('replies that say more than they do', () => {
  it('DELE’s “+OK … deleted” is narrated as a mark, removed only at QUIT (RFC 1939 §6)', () => {
    const frames = scenarioTimeline(findScenario('one-laptop')!).tracks.pop3;
    const dele = frames.filter((f) => f.direction === 's2c' && f.command === 'DELE' && f.outcome === 'ok');
    expect(dele.length).toBeGreaterThan(0);
    for (const f of dele)
      expect(f.narration).toMatch(/only marked for deletion: it is removed when the session ends with QUIT/);
  });
});

describe('a break note quotes the line it cut, never a secret', () => {
  it('POP3: a break before PASS says "PASS ********", not the password', () => {
    const run = scenarioTimeline(findScenario('sandbox')!, [
      { type: 'dropConnection', device: 'laptop', afterCommands: { pop3: 2 } },
      { type: 'openApp', device: 'laptop' },
    ]);
    const notes = run.tracks.pop3
      .filter((f) => /connection breaks/.test(f.narration))
      .map((f) => f.narration);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/breaks before "PASS \*{8}" reaches the server/);
    expect(notes.join('\n')).not.toContain('secret');
  });
});

/** Every narration line of every built-in scenario, both protocols. */
function allNarration(): string[] {
  return CATALOG.flatMap((c) => {
    const t = scenarioTimeline(findScenario(c.id)!);
    return [...t.tracks.pop3, ...t.tracks.imap].map((f) => f.narration);
  });
}

describe('what the RFC asks, told apart from what this server does', () => {
  const texts = allNarration();

  // RFC 1939 §3: "A POP3 server MAY have an inactivity autologout timer. Such a timer MUST be of
  // at least 10 minutes' duration." RFC 3501 §5.4: "If a server has an inactivity autologout
  // timer, the duration of that timer MUST be at least 30 minutes."
  it('a timer is the server’s, of at least the RFC’s minimum, not a duration the RFC sets', () => {
    const timers = texts.filter((n) => /(idle|autologout) timer/.test(n));
    expect(timers.length).toBeGreaterThan(0);
    for (const n of timers) {
      expect(n).not.toMatch(/at least (10|30) minutes, RFC/);
      if (/RFC 1939 §3/.test(n)) expect(n).toMatch(/may have one, of at least 10 minutes|no less than 10/);
      if (/RFC 3501 §5\.4/.test(n)) expect(n).toMatch(/that has one sets at least 30|no less than 30/);
    }
  });

  // RFC 4315 §2.1: UID EXPUNGE removes \Deleted messages too; any session's EXPUNGE or CLOSE does.
  it('what removes a \\Deleted message names EXPUNGE, UID EXPUNGE and CLOSE', () => {
    const lists = texts.filter((n) => /(stays until|only) (an )?(EXPUNGE|CLOSE)/.test(n));
    for (const n of lists) expect(n).toMatch(/EXPUNGE, UID EXPUNGE (or|and) CLOSE/);
    const lost = scenarioTimeline(findScenario('dropped-connection')!).tracks.imap.map((f) => f.narration);
    expect(lost.some((n) => /stays until an EXPUNGE, UID EXPUNGE or CLOSE, from any session/.test(n))).toBe(
      true,
    );
  });

  // RFC 1939 §4: the server "acquires an exclusive-access lock on the maildrop, as necessary to
  // prevent messages from being modified or removed"; refusing a second login is one way.
  it('the POP3 lock is RFC 1939’s; holding it against every other login is this server’s way', () => {
    const lost = scenarioTimeline(findScenario('dropped-connection')!).tracks.pop3.map((f) => f.narration);
    const locks = lost.filter((n) => /lock on the maildrop/.test(n));
    expect(locks.length).toBeGreaterThan(0);
    for (const n of locks) {
      expect(n).toMatch(/exclusive-access lock on the maildrop \(RFC 1939 §4; this server holds it/);
    }
  });

  // RFC 2177 §3: in IDLE the server "is now free to send untagged EXISTS, EXPUNGE, and other
  // messages at any time": when is the server's choice.
  it('an idling client has heard of every change because this server tells it at once', () => {
    const note = quietNote({ type: 'checkMail', device: 'laptop' }, 'imap', ctx({ idling: true }));
    expect(note).toMatch(/this server has already told it/);
    expect(note).toMatch(/RFC 2177 §3 lets a server choose when/);
  });
});

describe('POP3: a device deleting its downloaded copy', () => {
  const off = { ...DEFAULT_POP3_SETTINGS, leaveCopy: false };
  // RFC 1939 §6: the server removes DELE-marked messages when the session ends with QUIT; a
  // session ended otherwise "MUST not remove any messages".
  it('says the server no longer has it when the session that sent DELE ended with QUIT', () => {
    const note = popLocalNote('laptop', { kind: 'delete', uid: 2 }, off, false);
    expect(note).toMatch(/The server no longer has it: .* removed it at that session's QUIT \(RFC 1939 §6\)/);
  });

  it('says the server still has it when no session that marked it has ended with QUIT', () => {
    const note = popLocalNote('laptop', { kind: 'delete', uid: 2 }, off, true);
    expect(note).toMatch(
      /The server still has it: .* only when a session that marked it ends with QUIT \(RFC 1939 §6\), and none has yet/,
    );
  });

  // dropped-connection's first two intents: the link breaks after three DELE, before QUIT; its
  // openApp alone downloads with DELE and ends with QUIT.
  it.each([
    ['cut before QUIT', /The server still has it/, true],
    ['ended with QUIT', /The server no longer has it/, false],
  ] as const)('in a run, the note matches the server (session %s)', (_, said, kept) => {
    const story = findScenario('dropped-connection')!;
    const intents = kept ? story.intents.slice(0, 2) : [story.intents[1]!];
    const run = buildTimeline('dropped-connection', story.setup, [
      ...intents,
      { type: 'delete', device: 'laptop', message: 1 },
    ]);
    const notes = run.tracks.pop3.filter((f) => /deletes its own copy of message 1/.test(f.narration));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.narration).toMatch(said);
    const inbox = notes[0]!.server.accounts[0]!.mailboxes.find((m) => m.name === 'INBOX')!;
    expect(inbox.messages.some((m) => m.uid === 1)).toBe(kept);
  });
});

describe('POP3 “empty deleted”: what reaches the server is the client’s setting (RFC 1939 §5)', () => {
  it.each([
    [
      { leaveCopy: false },
      /nothing is left to send: this client sent DELE for each message as it downloaded it/,
    ],
    [
      { leaveCopy: true, deleteWhenDeletedHere: true },
      /checks mail to send DELE for the messages deleted here/,
    ],
    [
      { leaveCopy: true },
      /this client sends no DELE for a message deleted here \(its setting\), so the server's copies stay/,
    ],
  ])('%o', (settings, said) => {
    const note = popEmptyDeletedNote('laptop', { ...DEFAULT_POP3_SETTINGS, ...settings });
    expect(note).toMatch(said);
    expect(note).toMatch(/^POP3 has no EXPUNGE/);
  });
});

describe('webmail offline', () => {
  // Webmail is a page on the server: offline, the browser reaches nothing and keeps no mail.
  it('changes nothing on the server, and says there is no copy on the device to show', () => {
    const story = findScenario('webmail-and-desktop')!;
    const run = buildTimeline('webmail-and-desktop', story.setup, [
      { type: 'goOffline', device: 'webmail' },
      { type: 'openMessage', device: 'webmail', message: 2 },
      { type: 'checkMail', device: 'webmail' },
    ]);
    for (const track of [run.tracks.pop3, run.tracks.imap]) {
      const notes = track.filter((f) => f.device === 'webmail' && f.intent >= 1).map((f) => f.narration);
      expect(notes.filter((n) => n === WEBMAIL_OFFLINE)).toHaveLength(2);
      expect(notes.join('\n')).not.toMatch(/changes message 2 on the server|shows only what is stored/);
      const inbox = track.at(-1)!.server.accounts[0]!.mailboxes.find((m) => m.name === 'INBOX')!;
      expect(inbox.messages.find((m) => m.uid === 2)!.flags).not.toContain('\\Seen');
    }
  });
});

describe('what a device can show offline, and what a break cuts', () => {
  // An IMAP client set to download the text part only (BODYSTRUCTURE, then BODY.PEEK[1]): seed
  // message 2 has an attachment, message 1 none.
  it.each([
    [2, /its text part was downloaded before; its attachments were not, and need the network/],
    [1, /its body was downloaded before/],
  ])('offline, message %i opens from the cache and the note says what of it was downloaded', (uid, said) => {
    const sandbox = findScenario('sandbox')!;
    const setup = { ...sandbox.setup, imap: { ...sandbox.setup.imap, bodies: 'text' as const } };
    const run = buildTimeline('sandbox', setup, [
      { type: 'openApp', device: 'laptop' },
      { type: 'openMessage', device: 'laptop', message: uid },
      { type: 'goOffline', device: 'laptop' },
      { type: 'openMessage', device: 'laptop', message: uid },
    ]);
    expect(run.tracks.imap.at(-1)!.narration).toMatch(said);
  });

  it('webmail holds no POP3 or IMAP session for a break to cut', () => {
    const drop = { type: 'dropConnection', device: 'webmail' } as const;
    expect(quietNote(drop, 'imap', ctx({ webmail: true }))).toMatch(
      /^Webmail holds no IMAP session of its own/,
    );
    expect(quietNote(drop, 'pop3', ctx())).toMatch(/^No POP3 session is open on Webmail/);
  });
});
