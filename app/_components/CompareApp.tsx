'use client';
import { LazyMotion } from 'motion/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { catalogEntry, type ScenarioId } from '@/simulations/catalog';
import { predictionsFor } from '@/simulations/predictions';
import { seek } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import { Narration } from './Narration';
import { CompareHeader } from './CompareHeader';
import { CompareIntro } from './CompareIntro';
import { Controls } from './Controls';
import { EmbedDialog } from './EmbedDialog';
import { ExportMenu } from './ExportMenu';
import { HelpDialog } from './HelpDialog';
import { MetricsStrip } from './MetricsStrip';
import { PredictionPrompt } from './PredictionPrompt';
import { ProtocolColumns } from './ProtocolColumns';
import { ProtocolSwitch } from './ProtocolSwitch';
import { Sandbox } from './Sandbox';
import { ShareStory } from './ShareStory';
import { StepBar } from './StepBar';
import { Terminal } from './Terminal';
import { serverCapacity } from './timeline-source';
import { BASE_STEP_MS, usePlayer } from './use-player';
import { BranchCompare } from './BranchCompare';
import { useWhatIf } from './use-what-if';
import { WhatIfMenu } from './WhatIfMenu';
import { useShortcuts } from './use-shortcuts';
import { useStoryLink } from './use-story-link';
import { useAddressBar } from './use-address-bar';
import { useCopyLink } from './use-copy-link';
import { stepLabel, storyEventSteps } from './story-event';
import { useScenarioTimeline } from './use-scenario-timeline';
import { usePredictions } from './use-predictions';
import { useSandboxActions } from './use-sandbox-actions';
import { usePresenter } from './use-presenter';
import { parseViewParams, viewQuery, type Speed } from './url-state';
import styles from './compare.module.css';
import layout from './layout.module.css';

const loadMotionFeatures = () => import('./motion-features').then((m) => m.default);

/** The compare view: one story, POP3 and IMAP side by side, stepped in lockstep. */
export default function CompareApp({ search }: { search: string }) {
  const [initial] = useState(() => parseViewParams(new URLSearchParams(search)));
  // A story carried by the link (?story=), shown instead of a built-in scenario.
  const { state: story, leave: leaveStory, open: openStory } = useStoryLink(search);
  const storyActive = story.status === 'checking' || story.status === 'running' || story.status === 'ready';
  const [scenarioId, setScenarioId] = useState(initial.view.scenario as ScenarioId);
  const [variant, setVariant] = useState<string | null>(initial.view.variant);
  const [requestedStep, setStep] = useState(initial.view.step);
  const [speed, setSpeed] = useState<Speed>(initial.view.speed);
  const [playing, setPlaying] = useState(false);
  const [selected, setSelected] = useState<{ pop3: number | null; imap: number | null }>({
    pop3: null,
    imap: null,
  });
  const [notices, setNotices] = useState<string[]>(initial.problems);
  const { status: copyStatus, copy } = useCopyLink();
  const [generation, setGeneration] = useState(0);
  const {
    presenting,
    blanked,
    setBlanked,
    toggle: togglePresenting,
    leave: leavePresenting,
  } = usePresenter();
  // On a narrow screen one protocol shows at a time (CSS hides the other; wide screens show both).
  const [shown, setShown] = useState<Protocol>('pop3');
  // The eavesdropper's panel, open in both columns or in neither.
  const [eavesdropping, setEavesdropping] = useState(false);
  const helpRef = useRef<HTMLDialogElement>(null);
  const embedRef = useRef<HTMLDialogElement>(null);

  // The sandbox's actions: each plays from the first step it added.
  const {
    extra,
    act,
    reset: resetActions,
  } = useSandboxActions(scenarioId, variant, (firstNew) => {
    setStep(firstNew);
    setSelected({ pop3: null, imap: null });
    setPlaying(true);
  });
  const entry = catalogEntry(scenarioId);
  const predictions =
    story.status === 'ready' ? (story.story.predictions ?? []) : predictionsFor(scenarioId, variant);
  const { timeline: builtIn, error: loadError } = useScenarioTimeline(scenarioId, variant, extra, (t) => {
    if (initial.view.step > t.steps.length - 1) {
      setNotices((n) => [
        ...n,
        `Step ${initial.view.step} is past the end of this scenario: showing its last step.`,
      ]);
      setStep(t.steps.length - 1);
    }
  });
  const timeline = story.status === 'ready' ? story.timeline : storyActive ? null : builtIn;

  const lastStep = timeline ? timeline.steps.length - 1 : 0;
  const step = Math.min(requestedStep, lastStep);
  // The story pauses at the first step of an intent that has a prediction not yet settled.
  const {
    prediction,
    score,
    answer,
    settle,
    reset: resetPredictions,
  } = usePredictions(timeline, step, predictions);

  // The URL holds the view (not while playing, loading, or showing a linked story, whose link
  // is its address; a refused one keeps it until its notice is dismissed, so the reader can copy
  // the link to fix it: StoryNotice says so).
  useAddressBar(
    { scenario: scenarioId, variant, step, speed },
    playing || !timeline || storyActive || story.status === 'refused',
  );

  // A jump (not a single step) redraws the lists at once, without enter and exit animations.
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
      blank: presenting ? () => setBlanked((b) => !b) : undefined,
      leave: presenting ? leavePresenting : undefined,
    }),
    [togglePlay, goTo, step, lastStep, presenting, setBlanked, leavePresenting],
  );
  useShortcuts(shortcuts);

  const selectPop3 = useCallback((s: number | null) => setSelected((x) => ({ ...x, pop3: s })), []);
  const selectImap = useCallback((s: number | null) => setSelected((x) => ({ ...x, imap: s })), []);

  /** An arrow chosen in a diagram: seek to the first step showing that frame, and explain it. */
  const chooseFrame = useCallback(
    (protocol: Protocol, frame: number) => {
      if (!timeline) return;
      const target = timeline.steps.findIndex((s) => s[protocol] === frame);
      if (target < 0) return;
      setPlaying(false);
      goTo(target);
      setSelected((x) => ({ ...x, [protocol]: frame }));
    },
    [timeline, goTo],
  );

  /** Another story, or the same with other settings: from its first step, nothing chosen or answered. */
  const startOver = () => {
    resetActions();
    setPlaying(false);
    setStep(0);
    setGeneration((g) => g + 1);
    setSelected({ pop3: null, imap: null });
    resetPredictions();
  };

  /** The same story with other client settings: it starts again from the first step. */
  const chooseVariant = (v: string | null) => {
    setVariant(v);
    startOver();
  };

  const chooseScenario = (id: ScenarioId) => {
    leaveStory();
    setVariant(null);
    setScenarioId(id);
    startOver();
  };

  // A linked story's address is its link; a built-in one's is the view shown.
  const copyLink = () =>
    copy(
      storyActive
        ? window.location.href
        : `${window.location.origin}${window.location.pathname}${viewQuery({ scenario: scenarioId, variant, step, speed })}`,
    );

  // What if…: a branch of the story on screen, beside it from the step where it parts.
  const onBranched = useCallback((s: number) => {
    setPlaying(false);
    setStep(s);
    setGeneration((g) => g + 1);
    setSelected({ pop3: null, imap: null });
  }, []);
  const whatIf = useWhatIf({ story, timeline, scenarioId, variant, open: openStory, onBranched });

  const at = timeline ? seek(timeline, step) : null;
  // While a prediction is asked, the story waits (and Play shows as paused).
  const running = playing && !prediction;
  usePlayer({ playing: running && timeline !== null, step, lastStep, speed, onStep: goTo, onEnd: stop });
  const intentNarration = at
    ? (timeline!.tracks.pop3.find((f) => f.intent === at.step.intent && f.device === null)?.narration ?? '')
    : '';
  // The story event's steps: the narration above says it for every one of them.
  const span = timeline ? storyEventSteps(timeline, step) : undefined;
  const ticks = useMemo(
    () =>
      timeline
        ? timeline.steps.flatMap((s, i) => (i === 0 || timeline.steps[i - 1]!.intent !== s.intent ? [i] : []))
        : [],
    [timeline],
  );
  const capacity = useMemo(() => (timeline ? serverCapacity(timeline) : 1), [timeline]);
  const stepMs = BASE_STEP_MS / speed;
  const skipToDiagrams = (e: React.MouseEvent) => {
    e.preventDefault();
    // The shown column's list (the diagram's or the transcript's) at its Tab stop, else the columns.
    const target =
      document.querySelector<HTMLElement>(`[data-protocol="${shown}"] ol button[tabindex="0"]`) ??
      document.getElementById('diagrams');
    target?.focus();
  };

  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <div
        className={`${styles.app} ${layout.app} ${presenting ? `${styles.presenting} ${layout.presenting}` : ''}`}
      >
        {/* A keyboard's way past the header, the settings and the player (WCAG 2.4.1): to the
            shown diagram's Tab stop, the arrow of the current step. */}
        <a href="#diagrams" className={layout.skip} onClick={skipToDiagrams}>
          Skip to the diagrams
        </a>
        {blanked && (
          <button type="button" className={styles.blank} onClick={() => setBlanked(false)} autoFocus>
            <span className={styles.visuallyHidden}>Screen blanked: press B or click to show it again</span>
          </button>
        )}
        {/* The first screen: the chrome above at its own height, the columns (and so the diagrams) fill
            the rest of the window on wide screens, whatever the lesson's or narration's length. */}
        <div className={layout.screen}>
          <CompareHeader
            storyActive={storyActive}
            scenario={scenarioId}
            onScenario={chooseScenario}
            onCopyLink={copyLink}
            copyStatus={copyStatus}
            onEmbed={() => embedRef.current?.showModal()}
            exportMenu={
              timeline && (
                <ExportMenu
                  timeline={timeline}
                  step={step}
                  variant={variant}
                  story={story.status === 'ready' ? story.value : undefined}
                  title={story.status === 'ready' ? story.story.title : entry.title}
                  predictions={predictions}
                />
              )
            }
            onHelp={() => helpRef.current?.showModal()}
            presenting={presenting}
            onPresent={togglePresenting}
          />

          <CompareIntro
            notices={notices}
            onDismissNotices={() => setNotices([])}
            story={story}
            onLeaveStory={leaveStory}
            entry={entry}
            variant={variant}
            onVariant={chooseVariant}
            presenting={presenting}
          />

          <StepBar>
            <Controls
              step={step}
              lastStep={lastStep}
              playing={running}
              speed={speed}
              ticks={ticks}
              stepLabel={stepLabel(step, lastStep, span, intentNarration)}
              onPlay={togglePlay}
              onStep={(s) => {
                setPlaying(false);
                goTo(s);
              }}
              onSpeed={setSpeed}
            >
              <WhatIfMenu
                timeline={timeline}
                step={step}
                devices={
                  story.status === 'ready'
                    ? story.story.devices
                    : (at?.pop3.devices.map((d) => ({ name: d.id, kind: d.kind })) ?? [])
                }
                onChoose={(choice) => void whatIf.choose(choice, step)}
              />
            </Controls>
            <p className={styles.visuallyHidden} role="status" data-testid="what-if-status">
              {whatIf.announcement}
            </p>
            <Narration
              step={step}
              lastStep={lastStep}
              text={at ? intentNarration : null}
              span={span}
              waiting={loadError ?? 'Loading the scenario…'}
            />
            {at && <ProtocolSwitch shown={shown} onShow={setShown} />}
          </StepBar>

          {at && timeline && (
            <>
              {prediction && (
                <PredictionPrompt
                  key={`${scenarioId}-${prediction.beforeIntent}`}
                  prediction={prediction}
                  onAnswer={answer}
                  onContinue={() => {
                    settle(prediction);
                    setPlaying(true);
                  }}
                />
              )}
              {score.asked > 0 && (
                <p className={styles.stepNo}>
                  Predictions: {score.right} of {score.asked} right.
                </p>
              )}
              {story.status === 'ready' && story.story.branch && (
                <BranchCompare
                  story={story.story}
                  timeline={timeline}
                  original={whatIf.original}
                  step={step}
                  pop3={at.step.pop3}
                  imap={at.step.imap}
                  onSeek={(s) => {
                    setPlaying(false);
                    goTo(s);
                  }}
                />
              )}
              <MetricsStrip timeline={timeline} step={step} pop3={at.pop3} imap={at.imap} />
              {scenarioId === 'sandbox' && !storyActive && !presenting && (
                <>
                  <Sandbox devices={at.pop3.devices.map((d) => d.id)} onAct={act} />
                  <ShareStory intents={extra} />
                </>
              )}
              <ProtocolColumns
                timeline={timeline}
                frames={at}
                selected={selected}
                onSelect={{ pop3: selectPop3, imap: selectImap }}
                onChoose={chooseFrame}
                capacity={capacity}
                stepMs={stepMs}
                generation={generation}
                presenting={presenting}
                shown={shown}
                eavesdropping={eavesdropping}
                onEavesdrop={setEavesdropping}
                step={step}
              />
            </>
          )}
        </div>

        {/* Drawn once the scenario is in, so nothing above it shifts while it loads. */}
        {at && !presenting && <Terminal />}
        <HelpDialog ref={helpRef} />
        <EmbedDialog
          ref={embedRef}
          scenario={scenarioId}
          step={step}
          story={story.status === 'none' || story.status === 'refused' ? undefined : story.value}
        />
      </div>
    </LazyMotion>
  );
}
