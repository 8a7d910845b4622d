'use client';
import { domAnimation, LazyMotion } from 'motion/react';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { findScenario, SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline, seek } from '@/simulations/timeline';
import { cachedTimeline } from './timeline-cache';
import type { Intent } from '@/simulations/types';
import { Controls } from './Controls';
import { HelpDialog } from './HelpDialog';
import { MetricsStrip } from './MetricsStrip';
import { ProtocolColumn } from './ProtocolColumn';
import { Sandbox } from './Sandbox';
import { Terminal } from './Terminal';
import { ThemeToggle } from './ThemeToggle';
import { BASE_STEP_MS, usePlayer } from './use-player';
import { useShortcuts } from './use-shortcuts';
import { parseViewParams, viewQuery, type Speed } from './url-state';
import styles from './compare.module.css';

/** The compare view: one story, POP3 and IMAP side by side, stepped in lockstep. */
export default function CompareApp() {
  const searchParams = useSearchParams();
  const [initial] = useState(() => {
    const parsed = parseViewParams(new URLSearchParams(searchParams.toString()));
    const steps = scenarioTimeline(findScenario(parsed.view.scenario)!).steps.length;
    if (parsed.view.step > steps - 1) {
      parsed.problems.push(
        `Step ${parsed.view.step} is past the end of this scenario: showing its last step.`,
      );
      parsed.view.step = steps - 1;
    }
    return parsed;
  });
  const [scenarioId, setScenarioId] = useState(initial.view.scenario);
  const [extra, setExtra] = useState<Intent[]>([]);
  const [requestedStep, setStep] = useState(initial.view.step);
  const [speed, setSpeed] = useState<Speed>(initial.view.speed);
  const [playing, setPlaying] = useState(false);
  const [selected, setSelected] = useState<{ pop3: number | null; imap: number | null }>({
    pop3: null,
    imap: null,
  });
  const [notices, setNotices] = useState<string[]>(initial.problems);
  const [copyStatus, setCopyStatus] = useState('');
  const helpRef = useRef<HTMLDialogElement>(null);

  const scenario = findScenario(scenarioId)!;
  const timeline = cachedTimeline(scenario, extra);
  const lastStep = timeline.steps.length - 1;
  const step = Math.min(requestedStep, lastStep);
  const at = seek(timeline, step);

  // The URL holds the view, so it can be shared or reloaded (updated when playback pauses:
  // rewriting history on every step of a fast replay costs frames).
  useEffect(() => {
    if (playing) return;
    window.history.replaceState(null, '', viewQuery({ scenario: scenarioId, step, speed }));
  }, [scenarioId, step, speed, playing]);

  // A jump (not a single step) redraws the lists at once, without enter and exit animations.
  const [generation, setGeneration] = useState(0);
  const goTo = useCallback(
    (next: number) => {
      const target = Math.max(0, Math.min(lastStep, next));
      if (Math.abs(target - step) > 1) setGeneration((g) => g + 1);
      setStep(target);
      setSelected({ pop3: null, imap: null });
    },
    [lastStep, step],
  );
  const stop = useCallback(() => setPlaying(false), []);
  usePlayer({ playing, step, lastStep, speed, onStep: goTo, onEnd: stop });

  const togglePlay = useCallback(() => {
    if (!playing && step >= lastStep) goTo(0);
    setPlaying((p) => !p);
  }, [playing, step, lastStep, goTo]);

  const shortcuts = useMemo(
    () => ({
      togglePlay,
      back: () => {
        setPlaying(false);
        goTo(step - 1);
      },
      forward: () => {
        setPlaying(false);
        goTo(step + 1);
      },
      first: () => goTo(0),
      last: () => goTo(lastStep),
      help: () => helpRef.current?.showModal(),
    }),
    [togglePlay, goTo, step, lastStep],
  );
  useShortcuts(shortcuts);

  const selectPop3 = useCallback((s: number | null) => setSelected((x) => ({ ...x, pop3: s })), []);
  const selectImap = useCallback((s: number | null) => setSelected((x) => ({ ...x, imap: s })), []);

  const chooseScenario = (id: string) => {
    setScenarioId(id);
    setExtra([]);
    setPlaying(false);
    setStep(0);
    setSelected({ pop3: null, imap: null });
  };

  const act = (intent: Intent) => {
    const next = [...extra, intent];
    const nextTimeline = cachedTimeline(scenario, next);
    const firstNew = nextTimeline.steps.findIndex((s) => s.intent === scenario.intents.length + extra.length);
    setExtra(next);
    setStep(Math.max(0, firstNew));
    setSelected({ pop3: null, imap: null });
    setPlaying(true);
  };

  const copyLink = async () => {
    const url = `${window.location.origin}${window.location.pathname}${viewQuery({ scenario: scenarioId, step, speed })}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus('Link copied.');
    } catch {
      setCopyStatus(`Copy this link: ${url}`);
    }
  };

  const intentNarration =
    timeline.tracks.pop3.find((f) => f.intent === at.step.intent && f.device === null)?.narration ?? '';
  const stepLabel = `Step ${step + 1} of ${lastStep + 1}: ${intentNarration}`;
  const ticks = timeline.steps.flatMap((s, i) =>
    i === 0 || timeline.steps[i - 1]!.intent !== s.intent ? [i] : [],
  );
  const capacity =
    Math.max(...timeline.tracks.imap.map((f) => Math.max(...f.server.accounts.map((a) => a.usedBytes)))) *
    1.25;
  const stepMs = BASE_STEP_MS / speed;

  return (
    <LazyMotion features={domAnimation} strict>
      <div className={styles.app}>
        <header className={styles.header}>
          <div className={styles.brand}>
            <h1>POP vs IMAP Lab</h1>
            <p className={styles.tagline}>
              The same mail story, played against both protocols. Every line is the real wire text.
            </p>
          </div>
          <div className={styles.headerTools}>
            <label className={styles.picker}>
              <span>Scenario</span>
              <select value={scenarioId} onChange={(e) => chooseScenario(e.target.value)}>
                {SCENARIOS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={styles.button} onClick={copyLink}>
              Copy link
            </button>
            <ThemeToggle />
            <button type="button" className={styles.button} onClick={() => helpRef.current?.showModal()}>
              Help <kbd aria-hidden="true">?</kbd>
            </button>
          </div>
        </header>

        {notices.length > 0 && (
          <div className={styles.notice} role="status">
            {notices.map((n) => (
              <p key={n}>{n}</p>
            ))}
            <button type="button" className={styles.linkButton} onClick={() => setNotices([])}>
              Dismiss
            </button>
          </div>
        )}
        <p className={styles.visuallyHidden} role="status">
          {copyStatus}
        </p>

        <p className={styles.lesson}>
          <strong>{scenario.title}.</strong> {scenario.claim}
        </p>

        <div className={styles.stepBar}>
          <Controls
            step={step}
            lastStep={lastStep}
            playing={playing}
            speed={speed}
            ticks={ticks}
            stepLabel={stepLabel}
            onPlay={togglePlay}
            onStep={(s) => {
              setPlaying(false);
              goTo(s);
            }}
            onSpeed={setSpeed}
          />
          <p className={styles.narration} aria-live="polite" aria-atomic="true" data-testid="narration">
            <span className={styles.stepNo}>
              Step {step + 1} of {lastStep + 1}.
            </span>{' '}
            {intentNarration}
          </p>
        </div>

        <MetricsStrip pop3={at.pop3} imap={at.imap} />

        {scenarioId === 'sandbox' && (
          <Sandbox devices={scenario.setup.devices.map((d) => d.id)} onAct={act} />
        )}

        <div className={styles.columns}>
          <ProtocolColumn
            protocol="pop3"
            frames={timeline.tracks.pop3}
            frame={at.pop3}
            capacity={capacity}
            stepMs={stepMs}
            selected={selected.pop3}
            onSelect={selectPop3}
            generation={generation}
          />
          <ProtocolColumn
            protocol="imap"
            frames={timeline.tracks.imap}
            frame={at.imap}
            capacity={capacity}
            stepMs={stepMs}
            selected={selected.imap}
            onSelect={selectImap}
            generation={generation}
          />
        </div>

        <Terminal />
        <HelpDialog ref={helpRef} />
      </div>
    </LazyMotion>
  );
}
