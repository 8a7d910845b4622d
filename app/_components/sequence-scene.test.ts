import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import type { Frame, Protocol } from '@/simulations/types';
import { bytesToDisplayText } from '@/lib/wire/bytes';
import { SENDER, SERVER } from './scene-participants';
import { SCENE, fit, sequenceScene, type ArrowItem } from './sequence-scene';

const track = (id: string, protocol: Protocol): readonly Frame[] =>
  scenarioTimeline(SCENARIOS.find((s) => s.id === id)!).tracks[protocol];
const arrows = (items: readonly { kind: string }[]) =>
  items.filter((i): i is ArrowItem => i.kind === 'arrow');
const end = (frames: readonly Frame[]) => frames.length - 1;

describe('sequenceScene', () => {
  it('gives the sender’s mail server a lifeline of its own once it delivers over SMTP (issue 17)', () => {
    const frames = track('new-mail', 'imap');
    const before = frames.findIndex((f) => f.device === SENDER) - 1;
    expect(sequenceScene(frames, before, 600).lifelines.map((l) => l.id)).not.toContain(SENDER);
    const scene = sequenceScene(frames, end(frames), 600);
    expect(scene.lifelines.map((l) => l.id)).toEqual([SERVER, 'laptop', SENDER]);
    const fromSender = arrows(scene.items).filter((a) => a.from === SENDER || a.to === SENDER);
    expect(fromSender.map((a) => a.text)).toContain('RCPT TO:<student@popvsimap.lab>');
    // Drawn between the sender's lifeline and the server's, not on top of the server.
    expect(fromSender.every((a) => Math.abs(a.x2 - a.x1) > 100)).toBe(true);
  });

  it('draws one lifeline per participant: the server, then each device of the story', () => {
    expect(sequenceScene(track('one-laptop', 'pop3'), 0, 600).lifelines.map((l) => l.id)).toEqual([
      SERVER,
      'laptop',
    ]);
    const frames = track('webmail-and-desktop', 'imap');
    const scene = sequenceScene(frames, end(frames), 600);
    expect(scene.lifelines.map((l) => l.id)).toEqual([SERVER, ...frames[0]!.devices.map((d) => d.id)]);
    // Evenly spread across the width, inside the margins.
    const xs = scene.lifelines.map((l) => l.x);
    expect(xs[0]).toBe(SCENE.margin);
    expect(xs[xs.length - 1]).toBe(600 - SCENE.margin);
  });

  it.each(['pop3', 'imap'] as const)(
    '%s: one arrow per wire unit so far, sender to receiver, carrying its first line',
    (protocol) => {
      const frames = track('laptop-and-phone', protocol);
      const current = Math.floor(frames.length / 2);
      const scene = sequenceScene(frames, current, 640);
      const wire = frames.slice(0, current + 1).filter((f) => f.direction !== 'none');
      const drawn = arrows(scene.items);
      expect(drawn.map((a) => a.step)).toEqual(wire.map((f) => f.step));
      for (const [i, a] of drawn.entries()) {
        const f = wire[i]!;
        expect(a.from).toBe(f.direction === 'c2s' ? f.device : SERVER);
        expect(a.to).toBe(f.direction === 'c2s' ? SERVER : f.device);
        expect(a.text).toBe(bytesToDisplayText(f.display!).split('\r\n')[0]);
        const from = scene.lifelines.find((l) => l.id === a.from)!;
        expect(a.x1).toBe(from.x);
      }
      // Rows follow each other down the page in step order; the current one is marked.
      const ys = scene.items.map((i) => i.y);
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
      expect(scene.items.filter((i) => i.current).map((i) => i.step)).toEqual([current]);
      expect(scene.currentY).toBe(scene.items.find((i) => i.current)!.y);
    },
  );

  it('never draws a frame after the current step, and is a pure function of its inputs', () => {
    const frames = track('one-laptop', 'imap');
    const a = sequenceScene(frames, 10, 500);
    expect(Math.max(...a.items.map((i) => i.step))).toBe(10);
    expect(sequenceScene(frames, 10, 500)).toEqual(a);
  });

  it('draws a multi-line reply as one block: first line and "+ N lines", expandable', () => {
    const frames = track('one-laptop', 'pop3');
    const retr = frames.find(
      (f) => f.direction === 's2c' && /^\+OK/.test(f.display!) && f.display!.split('\r\n').length > 4,
    )!;
    const lines = bytesToDisplayText(retr.display!).replace(/\r\n$/, '').split('\r\n');
    const closed = sequenceScene(frames, end(frames), 600);
    const arrow = arrows(closed.items).find((a) => a.step === retr.step)!;
    expect(arrow.text).toBe(lines[0]);
    expect(arrow.moreLines).toBe(lines.length - 1);
    expect(arrow.block).toEqual([]);
    expect(arrow.height).toBe(SCENE.row);

    const opened = sequenceScene(frames, end(frames), 600, new Set([retr.step]));
    const open = arrows(opened.items).find((a) => a.step === retr.step)!;
    expect(open.expanded).toBe(true);
    expect(open.block.length).toBe(Math.min(SCENE.maxBlockLines, lines.length - 1));
    expect(open.block[0]).toBe(fit(lines[1]!, Math.abs(open.x2 - open.x1) - 12));
    // Everything below moves down by the block's height.
    const grow = open.height - arrow.height;
    expect(grow).toBeGreaterThan(0);
    expect(opened.height - closed.height).toBe(grow);
  });

  it('marks the further lines "+ N lines", and "+N" where the arrow is too short for both', () => {
    const frames = track('one-laptop', 'pop3');
    const retr = arrows(sequenceScene(frames, end(frames), 600).items).find((a) => a.moreLines > 4)!;
    expect(retr.more).toBe(`+ ${retr.moreLines} lines`);
    const open = arrows(sequenceScene(frames, end(frames), 600, new Set([retr.step])).items).find(
      (a) => a.step === retr.step,
    )!;
    expect(open.more).toBe(`− ${retr.moreLines} lines`);
    // Three devices in a 240-unit column: the lifelines are close, so the mark is short.
    const pop3 = track('webmail-and-desktop', 'pop3');
    const narrow = arrows(sequenceScene(pop3, end(pop3), 240).items).filter((a) => a.moreLines > 0);
    expect(narrow.some((a) => a.more === `+${a.moreLines}`)).toBe(true);
  });

  // Every arrow of every story at widths from a narrow embed column to a wide one: the label
  // (centred left of the mark) and the mark ("+ N lines") each fit in their part of the arrow.
  it.each([240, 320, 480, 640])('no label runs under its "+ N lines" mark, at %i units', (width) => {
    const charWidth = SCENE.charWidth;
    for (const scenario of SCENARIOS)
      for (const protocol of ['pop3', 'imap'] as const) {
        const frames = track(scenario.id, protocol);
        for (const a of arrows(sequenceScene(frames, end(frames), width).items)) {
          const span = Math.abs(a.x2 - a.x1) - 12;
          if (a.moreLines > 0) expect(a.more.length * charWidth, a.more).toBeLessThanOrEqual(a.moreRoom - 6);
          // fit keeps three characters however short the room: only check where three fit.
          if (span - a.moreRoom >= 3 * charWidth)
            expect(a.label.length * charWidth, `${scenario.id} ${a.label}`).toBeLessThanOrEqual(
              span - a.moreRoom,
            );
        }
      }
  });

  it.each(['pop3', 'imap'] as const)(
    '%s: a dropped connection is a broken arrow at that step',
    (protocol) => {
      const frames = track('dropped-connection', protocol);
      const drop = frames.find(
        (f, i) =>
          i > 0 &&
          f.direction === 'none' &&
          f.devices.some((d) => !d.connected && frames[i - 1]!.devices.find((p) => p.id === d.id)?.connected),
      )!;
      expect(drop).toBeDefined();
      const scene = sequenceScene(frames, end(frames), 600);
      const breaks = scene.items.filter((i) => i.kind === 'break');
      expect(breaks.map((b) => b.step)).toContain(drop.step);
      const before = sequenceScene(frames, drop.step - 1, 600);
      expect(before.items.some((i) => i.kind === 'break')).toBe(false);
      // At the drop the lifeline says so: not connected, and no session state.
      const laptop = sequenceScene(frames, drop.step, 600).lifelines.find((l) => l.id === 'laptop')!;
      expect(laptop.connected).toBe(false);
      expect(laptop.state).toBeNull();
      expect(laptop.status).toBe('not connected');
    },
  );

  it('a session closed with QUIT or LOGOUT is no broken arrow', () => {
    for (const protocol of ['pop3', 'imap'] as const) {
      const frames = track('one-laptop', protocol);
      expect(sequenceScene(frames, end(frames), 600).items.filter((i) => i.kind === 'break')).toEqual([]);
    }
  });

  it('an IMAP client that idles says so on its lifeline, from the server\u2019s "+" until DONE, in its state', () => {
    const frames = track('laptop-and-phone', 'imap');
    const phone = (step: number) => sequenceScene(frames, step, 600).lifelines.find((l) => l.id === 'phone')!;
    const idle = frames.filter((f) => f.device === 'phone' && f.command === 'IDLE');
    const command = idle.find((f) => f.direction === 'c2s')!;
    const go = idle.find((f) => f.direction === 's2c' && f.outcome === 'continue')!;
    const done = idle.find((f) => f.direction === 'c2s' && f.raw?.startsWith('DONE'))!;
    expect(phone(command.step).status).toBe('connected · Selected');
    expect(phone(go.step)).toMatchObject({ state: 'Selected', status: 'connected · Selected · IDLE' });
    // Mail arriving meanwhile is announced while the client still idles.
    for (let step = go.step; step < done.step; step++) expect(phone(step).status).toMatch(/ · IDLE$/);
    expect(phone(done.step).status).toBe('connected · Selected');
    // The story's last IDLE is never ended: the phone idles until the story ends, or its link goes.
    const last = frames[frames.length - 1]!;
    const idlesAtEnd = last.devices.find((d) => d.id === 'phone')!.connected;
    expect(phone(last.step).status.endsWith(' · IDLE')).toBe(idlesAtEnd);
  });

  it('the lifeline shows the session state after the latest line, and the line is solid while connected', () => {
    const frames = track('one-laptop', 'pop3');
    const pass = frames.find((f) => f.stateBefore === 'AUTHORIZATION' && f.stateAfter === 'TRANSACTION')!;
    const scene = sequenceScene(frames, pass.step, 600);
    const laptop = scene.lifelines.find((l) => l.id === 'laptop')!;
    expect(laptop.state).toBe('TRANSACTION');
    expect(laptop.status).toBe('connected · TRANSACTION');
    const segs = scene.segments.filter((s) => s.id === 'laptop');
    expect(segs[0]!.connected).toBe(false);
    expect(segs[segs.length - 1]!.connected).toBe(true);
    expect(segs[segs.length - 1]!.y2).toBe(scene.height);
  });

  it('notes: a story event spans the diagram; a device note sits by its lifeline', () => {
    const frames = track('dropped-connection', 'imap');
    const scene = sequenceScene(frames, 3, 600);
    const notes = scene.items.filter((i) => i.kind === 'note');
    expect(notes.find((n) => n.step === 1)).toMatchObject({ device: null, text: frames[1]!.narration });
    expect(notes.find((n) => n.step === 2)).toMatchObject({ device: 'laptop' });
  });
});

describe('sequenceScene: a device sending mail over SMTP', () => {
  const head = (frames: readonly Frame[], step: number, id: string) =>
    sequenceScene(frames, step, 600).lifelines.find((l) => l.id === id)!;
  const smtpOf = (frames: readonly Frame[], device: string) =>
    frames.filter((f) => f.wire === 'smtp' && f.device === device);
  const quitReply = (f: Frame) => f.direction === 's2c' && f.command?.toUpperCase() === 'QUIT';

  it('POP3: the phone’s head says "SMTP connected" while its arrows flow, and "not connected" after QUIT', () => {
    const frames = track('send-from-phone', 'pop3');
    const smtp = smtpOf(frames, 'phone');
    const greeting = smtp[0]!;
    const mail = smtp.find((f) => f.direction === 's2c' && f.command === 'MAIL')!;
    expect(head(frames, greeting.step - 1, 'phone').status).toBe('not connected');
    expect(head(frames, greeting.step, 'phone')).toMatchObject({ connected: true, status: 'SMTP connected' });
    expect(head(frames, mail.step, 'phone')).toMatchObject({
      connected: true,
      state: null,
      status: 'SMTP connected · after MAIL FROM',
    });
    const bye = smtp.find(quitReply)!;
    expect(head(frames, bye.step, 'phone')).toMatchObject({ connected: false, status: 'not connected' });
    // The SMTP session's rows are on a solid (connected) stretch of the phone's lifeline.
    const scene = sequenceScene(frames, bye.step, 600);
    const row = scene.items.find((i) => i.step === mail.step)!;
    const seg = scene.segments.find((s) => s.id === 'phone' && s.y1 <= row.y && row.y < s.y2)!;
    expect(seg.connected).toBe(true);
  });

  it('IMAP: the head shows the idling IMAP session and the SMTP one, and SMTP’s state never as IMAP’s', () => {
    const frames = track('send-from-phone', 'imap');
    const smtp = smtpOf(frames, 'phone');
    const mail = smtp.find((f) => f.direction === 's2c' && f.command === 'MAIL')!;
    expect(head(frames, mail.step, 'phone')).toMatchObject({
      state: 'Selected',
      status: 'connected · Selected · IDLE + SMTP · after MAIL FROM',
    });
    // After the SMTP session, the note: the IMAP client still has INBOX selected, and idles.
    const after = smtp[smtp.length - 1]!.step + 1;
    expect(head(frames, after, 'phone')).toMatchObject({
      state: 'Selected',
      status: 'connected · Selected · IDLE',
    });
  });

  it('in every story that sends, a head never shows an SMTP state by the engine’s name (Mail, Rcpt…)', () => {
    // RFC 5321 names no states; the heads say which command led there (smtpStateWords).
    const raw = /\b(Connected|Ready|Mail|Rcpt|Data)\b/;
    let checked = 0;
    for (const scenario of SCENARIOS)
      for (const protocol of ['pop3', 'imap'] as const) {
        const frames = scenarioTimeline(scenario, []).tracks[protocol];
        for (const f of frames) {
          if (f.wire !== 'smtp' || !f.device || f.device === SENDER) continue;
          const status = head(frames, f.step, f.device)?.status ?? '';
          expect(status, `${scenario.id} ${protocol} step ${f.step}`).not.toMatch(raw);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(10);
  });

  it('in every story that sends, each SMTP line up to QUIT is drawn on a connected lifeline', () => {
    let checked = 0;
    for (const scenario of SCENARIOS)
      for (const variant of [null, ...(scenario.variants ?? []).map((v) => v.id)])
        for (const protocol of ['pop3', 'imap'] as const) {
          const frames = scenarioTimeline(scenario, [], variant).tracks[protocol];
          for (const f of frames) {
            if (f.wire !== 'smtp' || f.device === SENDER || !f.device) continue;
            const where = `${scenario.id} ${variant ?? ''} ${protocol} step ${f.step}`;
            const scene = sequenceScene(frames, f.step, 600);
            const device = scene.lifelines.find((l) => l.id === f.device)!;
            if (quitReply(f)) {
              expect(device.status, where).not.toMatch(/SMTP/);
              continue;
            }
            expect(device.connected, where).toBe(true);
            expect(device.status, where).toMatch(/SMTP/);
            const row = scene.items.find((i) => i.step === f.step)!;
            const seg = scene.segments.find((s) => s.id === f.device && s.y1 <= row.y && row.y < s.y2);
            expect(seg?.connected, where).toBe(true);
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(50);
  });
});
