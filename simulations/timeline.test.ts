import { describe, expect, it } from 'vitest';
import { findScenario } from './scenarios';
import { openingOf } from './seek';
import { branch, lockstep, runTrack, scenarioTimeline, seek } from './timeline';

const oneLaptop = findScenario('one-laptop')!;

describe('timeline', () => {
  const timeline = scenarioTimeline(oneLaptop);

  it('keeps both protocols in lockstep: each step shows the same intent in both columns', () => {
    for (const step of timeline.steps) {
      expect(timeline.tracks.pop3[step.pop3]!.intent).toBe(step.intent);
      expect(timeline.tracks.imap[step.imap]!.intent).toBe(step.intent);
    }
    // Every frame of both tracks is shown at some step, in order.
    expect(new Set(timeline.steps.map((s) => s.pop3)).size).toBe(timeline.tracks.pop3.length);
    expect(new Set(timeline.steps.map((s) => s.imap)).size).toBe(timeline.tracks.imap.length);
  });

  it('seeks to any step without replaying, clamping out-of-range steps', () => {
    const middle = Math.floor(timeline.steps.length / 2);
    const at = seek(timeline, middle);
    expect(at.pop3).toBe(timeline.tracks.pop3[timeline.steps[middle]!.pop3]);
    expect(seek(timeline, -5).step).toBe(timeline.steps[0]);
    expect(seek(timeline, 1e9).step).toBe(timeline.steps.at(-1));
  });

  it('the opening holds exactly what step 0 shows, and far less than the whole run', () => {
    const opening = openingOf(timeline);
    expect(seek(opening, 0)).toEqual(seek(timeline, 0));
    expect(opening.steps).toHaveLength(1);
    expect(JSON.stringify(opening).length).toBeLessThan(JSON.stringify(timeline).length / 5);
  });

  it('frames carry their own server and device pictures, so stepping back shows the earlier state', () => {
    const start = seek(timeline, 0);
    expect(start.pop3.devices[0]!.messages).toEqual([]);
    expect(seek(timeline, timeline.steps.length - 1).pop3.devices[0]!.messages).toHaveLength(6);
    expect(seek(timeline, 0)).toEqual(start);
  });

  it('branches: an intent inserted at step k gives the same frames before k and a new story after', () => {
    const k = timeline.steps.findIndex((s) => s.intent === 1);
    const branched = branch(timeline, oneLaptop.setup, k, { type: 'flag', device: 'laptop', message: 4 });
    expect(branched.intents.map((i) => i.type)).toEqual(['openApp', 'openMessage', 'flag', 'closeApp']);
    const before = timeline.steps.findIndex((s) => s.intent === 2);
    expect(branched.tracks.imap.slice(0, timeline.steps[before]!.imap)).toEqual(
      timeline.tracks.imap.slice(0, timeline.steps[before]!.imap),
    );
    expect(branched.tracks.imap.some((f) => f.raw === 'a7 UID STORE 4 +FLAGS (\\Flagged)\r\n')).toBe(true);
  });

  it('lockstep pads the shorter column with its last frame of the intent', () => {
    const steps = lockstep(timeline.tracks.pop3, timeline.tracks.imap);
    const openApp = steps.filter((s) => s.intent === 0);
    const popFrames = timeline.tracks.pop3.filter((f) => f.intent === 0).length;
    const imapFrames = timeline.tracks.imap.filter((f) => f.intent === 0).length;
    expect(openApp).toHaveLength(Math.max(popFrames, imapFrames));
  });

  it('advances a virtual clock by latency and transfer time', () => {
    const frames = timeline.tracks.pop3;
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.t).toBeGreaterThanOrEqual(frames[i - 1]!.t);
    const retr = frames.find((f) => f.direction === 's2c' && f.command === 'RETR')!;
    const before = frames[retr.step - 1]!;
    // 20 ms latency plus the reply's octets at 1000 octets/ms (each frame's t is rounded: ±1 ms).
    expect(Math.abs(retr.t - before.t - (20 + retr.bytes / 1000))).toBeLessThanOrEqual(1);
  });
});

describe('inspection', () => {
  it('hands every actor and event to an inspector such as @statelyai/inspect', () => {
    const events: string[] = [];
    const actors = new Set<string>();
    runTrackWithInspector((e) => {
      actors.add((e.actorRef as unknown as { id: string }).id);
      if (e.type === '@xstate.event') events.push(e.event.type);
    });
    expect([...actors]).toEqual(expect.arrayContaining(['laptop', 'laptop.network', 'laptop.imap.student']));
    expect(events).toEqual(expect.arrayContaining(['OPEN_APP', 'SYNC', 'REPLY']));
  });
});

function runTrackWithInspector(inspect: Parameters<typeof runTrack>[3]) {
  return runTrack('imap', oneLaptop.setup, oneLaptop.intents, inspect);
}
