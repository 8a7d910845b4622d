import { describe, expect, it } from 'vitest';
import { results, scenarioTimeline } from './timeline';
import { CATALOG, variantsOf, type ScenarioId } from './catalog';
import { PREDICTIONS, predictionsFor } from './predictions';
import { SCENARIOS } from './scenarios';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';

describe.each(SCENARIOS.filter((s) => s.id !== 'sandbox').map((s) => [s.id, s] as const))(
  'scenario %s',
  (_, scenario) => {
    const timeline = scenarioTimeline(scenario);

    it.each(scenario.takeaways(results(timeline)).map((t) => [t.statement, t.holds]))('%s', (_, holds) => {
      expect(holds).toBe(true);
    });

    it('answers no command with an error it did not expect', () => {
      for (const track of [timeline.tracks.pop3, timeline.tracks.imap]) {
        const errors = track.filter(
          (f) =>
            f.direction === 's2c' &&
            (f.outcome === 'err' || f.outcome === 'no' || f.outcome === 'bad') &&
            !scenario.expectedErrors?.some((e) => e.test(f.raw ?? '')),
        );
        expect(errors.map((f) => f.raw)).toEqual([]);
      }
    });

    describe.each((scenario.variants ?? []).map((v) => [v.id, v] as const))('variant %s', (_, variant) => {
      const run = results(scenarioTimeline(scenario, [], variant.id));
      it.each(variant.takeaways(run).map((t) => [t.statement, t.holds]))('%s', (_, holds) => {
        expect(holds).toBe(true);
      });
    });

    it('shows something in both columns at every intent', () => {
      for (const track of [timeline.tracks.pop3, timeline.tracks.imap])
        scenario.intents.forEach((_, i) => {
          expect(
            track.filter((f) => f.intent === i).length,
            `intent ${i} in ${track[0]!.protocol}`,
          ).toBeGreaterThan(1);
        });
    });

    it('breaks each link the story announces, in each column it names ("after N more commands")', () => {
      const runs = [timeline, ...(scenario.variants ?? []).map((v) => scenarioTimeline(scenario, [], v.id))];
      for (const run of runs)
        run.intents.forEach((intent, i) => {
          if (intent.type !== 'dropConnection' || !intent.afterCommands) return;
          for (const protocol of ['pop3', 'imap'] as const) {
            if (intent.afterCommands[protocol] === undefined) continue;
            const broke = run.tracks[protocol].some(
              (f) =>
                f.intent >= i &&
                f.direction === 'none' &&
                f.device === intent.device &&
                /connection breaks (before|after)/.test(f.narration),
            );
            expect(broke, `${protocol}: intent ${i} announces a break that never comes`).toBe(true);
          }
        });
    });

    it('says where a POP3 session’s \\Seen marks come from: the reply that sets them names the server’s policy', () => {
      const runs = [timeline, ...(scenario.variants ?? []).map((v) => scenarioTimeline(scenario, [], v.id))];
      for (const run of runs) {
        const seen = (store: StoreSnapshot) =>
          new Set(
            store.accounts.flatMap((a) =>
              a.mailboxes.flatMap((b) =>
                b.messages
                  .filter((m) => m.flags.includes('\\Seen'))
                  .map((m) => `${a.user}/${b.name}/${m.uid}`),
              ),
            ),
          );
        run.tracks.pop3.forEach((f, i) => {
          const before = run.tracks.pop3[i - 1];
          if (!before || f.direction !== 's2c') return;
          const was = seen(before.server);
          if (![...seen(f.server)].some((m) => !was.has(m))) return;
          // RFC 1939 has no flags: marking \Seen is this server's policy (lib/pop3/maildrop.ts).
          expect(f.explanation, f.raw ?? '').toMatch(/\\Seen.*policy/);
        });
        // POP3 carries no flags, but this server's store keeps them: no line may say it has none.
        for (const f of run.tracks.pop3)
          expect(f.narration).not.toMatch(/no flags (on|at) the server|has no flags/i);
      }
    });

    it('says who can read each password on the wire: inside TLS only the server, else anyone on the path', () => {
      const runs = [timeline, ...(scenario.variants ?? []).map((v) => scenarioTimeline(scenario, [], v.id))];
      for (const run of runs)
        for (const f of [...run.tracks.pop3, ...run.tracks.imap]) {
          if (f.direction !== 'c2s') continue;
          // The lines that carry a password: LOGIN, PASS, and SASL (AUTHENTICATE, AUTH) with one.
          const secret =
            f.command === 'LOGIN' ||
            f.command === 'PASS' ||
            ((f.command === 'AUTHENTICATE' || f.command === 'AUTH') &&
              /password|credentials/.test(f.explanation ?? ''));
          if (!secret) continue;
          expect(f.explanation, f.raw ?? '').toMatch(
            f.encrypted
              ? /this connection is inside TLS, so only the server can read/
              : /this connection is not inside TLS, so anyone on the path can read/,
          );
        }
    });

    it('is deterministic: a second run gives identical JSON', () => {
      expect(JSON.stringify(scenarioTimeline(scenario))).toBe(JSON.stringify(timeline));
    });
  },
);

describe('catalog', () => {
  it('lists every scenario, in order, with the title and claim the scenario teaches', () => {
    expect(CATALOG.map((c) => c.id)).toEqual(SCENARIOS.map((s) => s.id));
    for (const s of SCENARIOS) {
      const entry = CATALOG.find((c) => c.id === s.id)!;
      expect({ id: entry.id, title: entry.title, claim: entry.claim }).toEqual({
        id: s.id,
        title: s.title,
        claim: s.claim,
      });
      expect(variantsOf(s.id).map((v) => v.id)).toEqual((s.variants ?? []).map((v) => v.id));
    }
  });
});

describe('predictions', () => {
  it('ask before an intent the scenario has, with exactly one right answer', () => {
    for (const [id, predictions] of Object.entries(PREDICTIONS)) {
      const scenario = SCENARIOS.find((s) => s.id === id)!;
      for (const p of predictions!) {
        expect(p.beforeIntent).toBeLessThan(scenario.intents.length);
        expect(p.choices.filter((c) => c.correct)).toHaveLength(1);
      }
    }
  });

  // laptop-and-phone's answer ("POP3: no mail at all") is false with "leave a copy" on: an
  // answer written for the story's client settings is not asked when a variant changes them.
  it('are asked for the story as told, not for a variant that changes a client setting', () => {
    const withVariants = SCENARIOS.filter(
      (s) => PREDICTIONS[s.id as ScenarioId] && variantsOf(s.id).length > 0,
    );
    expect(withVariants.map((s) => s.id)).toContain('laptop-and-phone');
    for (const s of withVariants) {
      expect(predictionsFor(s.id as ScenarioId, null).length).toBeGreaterThan(0);
      for (const v of variantsOf(s.id)) expect(predictionsFor(s.id as ScenarioId, v.id)).toEqual([]);
    }
  });

  // A graded answer that depends on a client setting or this server's policy says so in the
  // question (RFC 1939 §8: keeping mail is the client's choice; RFC 2177 §3: IDLE's timing is
  // the server's; RFC 1939 §4: how the lock is held is the server's).
  it.each([
    ['laptop-and-phone', /POP3 client is set to delete after download/],
    ['new-mail', /IMAP client waits in IDLE/],
    ['dropped-connection', /This server locks the maildrop for a whole session/],
  ] as const)('%s: the question states the setting or policy its answer rests on', (id, said) => {
    expect(PREDICTIONS[id]!.some((p) => said.test(p.question))).toBe(true);
  });
});
