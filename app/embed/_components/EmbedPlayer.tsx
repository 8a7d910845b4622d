'use client';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { catalogEntry, type ScenarioId } from '@/simulations/catalog';
import { seek, type Timeline } from '@/simulations/seek';
import { Narration } from '../../_components/Narration';
import { Controls } from '../../_components/Controls';
import { ProtocolColumn } from '../../_components/ProtocolColumn';
import { loadTimeline, serverCapacity } from '../../_components/timeline-source';
import { BASE_STEP_MS, usePlayer } from '../../_components/use-player';
import type { Speed } from '../../_components/url-state';
import styles from '../../_components/compare.module.css';
import embedStyles from './embed.module.css';
import { parseEmbedParams } from '../embed-params';
import { NAMESPACE, type EmbedMessage } from '../protocol';
import { EMBED_TITLE_ID } from '../embed-boot';
import type { EmbedOpening } from '../opening';
import { MinimalControls } from './MinimalControls';
import { StoryNotice } from '../../_components/StoryNotice';
import { useStoryLink } from '../../_components/use-story-link';
import { columnWaits, stepLabel, storyEventSteps } from '../../_components/story-event';
import { headLinesOf } from '../../_components/lifeline-status';

function post(message: EmbedMessage) {
  // The host is unknown (any documentation site); nothing private is ever sent.
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

/** Runs `task` when the browser is idle (soon, where it cannot tell); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 300);
  return () => window.clearTimeout(id);
}

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** What `ready` and `step` messages name as the scenario while a `?story=` link is shown. */
const STORY = 'story';

/**
 * The player without site chrome, for documentation pages (see docs/EMBEDDING.md).
 * Until the whole run has loaded, step 0 of the page's own scenario is drawn from `opening`.
 */
export default function EmbedPlayer({ opening }: { opening: EmbedOpening }) {
  // The query, once hydrated: the prerender could not know it. Taken as a transition, so the
  // same DOM is updated in place, in slices that leave the main thread free.
  const [search, setSearch] = useState<string | null>(null);
  useEffect(() => startTransition(() => setSearch(window.location.search)), []);
  const pending = search === null;
  const params = useMemo(
    () => parseEmbedParams(new URLSearchParams(search ?? ''), opening.scenario),
    [search, opening.scenario],
  );
  const [scenarioId, setScenarioId] = useState<ScenarioId>(params.scenario);
  // A story carried by the link (?story=, docs/STORIES.md), shown instead of the scenario.
  const { state: story } = useStoryLink(search);
  const storyActive = story.status === 'checking' || story.status === 'running' || story.status === 'ready';
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The eavesdropper's panel, open in both columns or in neither (the diagrams stay level).
  const [eavesdropping, setEavesdropping] = useState(false);
  const [requestedStep, setStep] = useState(params.step);
  const [speed, setSpeed] = useState<Speed>(params.speed);
  // Autoplay is off by default, and never under reduced motion.
  const [playing, setPlaying] = useState(false);

  // Once the query is known, the player starts from it (adjusting state during render, so the
  // first real frame is drawn once, not drawn with the defaults and then corrected).
  const [appliedSearch, setAppliedSearch] = useState(search);
  if (appliedSearch !== search) {
    setAppliedSearch(search);
    setScenarioId(params.scenario);
    setStep(params.step);
    setSpeed(params.speed);
  }

  useEffect(() => {
    if (params.theme !== 'system') document.documentElement.dataset.theme = params.theme;
  }, [params.theme]);

  // The whole run is drawn only once something needs it: the reader or the host acts, autoplay,
  // or the URL asks for more than the prerendered opening. Until then the opening stays as it
  // is and the run is only fetched, when the browser is idle: a reader who just looks costs no
  // extra rendering, and one who acts finds the data already there.
  const [engaged, setEngaged] = useState(false);
  const opened = opening.scenario === scenarioId ? opening : null;
  const needsRun = engaged || params.autoplay || opened === null || requestedStep !== 0;
  const announced = useRef<string | null>(null);
  const announce = useCallback((scenario: string, total: number) => {
    if (announced.current === scenario) return;
    announced.current = scenario;
    post({ source: NAMESPACE, type: 'ready', scenario, total });
  }, []);

  // A linked story (?story=) is announced as "story", with its own length, once its run is in.
  const storyTotal = story.status === 'ready' ? story.timeline.steps.length : null;
  useEffect(() => {
    if (storyTotal !== null) announce(STORY, storyTotal);
  }, [storyTotal, announce]);

  useEffect(() => {
    if (pending || storyActive) return;
    if (!needsRun) {
      if (opened) announce(scenarioId, opened.totalSteps);
      return whenIdle(() => void loadTimeline(scenarioId).catch(() => undefined));
    }
    let current = true;
    loadTimeline(scenarioId).then(
      (t) => {
        if (!current) return;
        startTransition(() => setTimeline(t));
        announce(scenarioId, t.steps.length);
        if (params.autoplay && !prefersReducedMotion()) setPlaying(true);
      },
      (error: Error) => current && setFailed(error.message),
    );
    return () => {
      current = false;
    };
  }, [pending, storyActive, needsRun, opened, scenarioId, params.autoplay, announce]);

  const full =
    story.status === 'ready'
      ? story.timeline
      : storyActive
        ? null
        : timeline?.scenario === scenarioId
          ? timeline
          : null;
  const lastStep = full ? full.steps.length - 1 : opened ? opened.totalSteps - 1 : 0;
  // Until the run arrives, the opening stays on screen (so a first click does not blank the
  // player), unless the URL asked for a later step: that is never shown as step 0.
  const step = full ? Math.min(requestedStep, lastStep) : 0;
  const shown = full ?? (opened && !storyActive && (requestedStep === 0 || engaged) ? opened.timeline : null);
  const at = shown ? seek(shown, step) : null;
  const narration = at
    ? (shown!.tracks.pop3.find((f) => f.intent === at.step.intent && f.device === null)?.narration ?? '')
    : '';

  // The story event's steps, once the whole run is in (the opening holds only its first steps).
  const span = full ? storyEventSteps(full, step) : undefined;

  const goTo = useCallback((next: number) => setStep(Math.max(0, Math.min(lastStep, next))), [lastStep]);
  const stop = useCallback(() => setPlaying(false), []);
  usePlayer({ playing: playing && full !== null, step, lastStep, speed, onStep: goTo, onEnd: stop });

  // Tell the host where we are, and how tall we are, so it can size the iframe.
  useEffect(() => {
    if (at)
      post({
        source: NAMESPACE,
        type: 'step',
        scenario: storyActive ? STORY : scenarioId,
        index: step,
        total: lastStep + 1,
        narration,
      });
  }, [at, storyActive, scenarioId, step, lastStep, narration]);
  useEffect(() => {
    const report = () =>
      post({ source: NAMESPACE, type: 'height', height: Math.ceil(document.documentElement.scrollHeight) });
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // The host drives the player: play, pause, seek, setScenario. Malformed messages are ignored.
  useEffect(() => {
    const onMessage = async (event: MessageEvent) => {
      // Cheap check first; the validator (zod) loads only once a host actually talks to us.
      if ((event.data as { source?: unknown } | null)?.source !== NAMESPACE) return;
      const { parseHostMessage } = await import('../messages');
      const message = parseHostMessage(event.data);
      if (!message) return;
      setEngaged(true);
      // A host's play is the reader's own action, so it plays even under reduced motion.
      if (message.type === 'play') setPlaying(true);
      else if (message.type === 'pause') setPlaying(false);
      else if (message.type === 'seek') {
        setPlaying(false);
        setStep(message.step);
      } else {
        setPlaying(false);
        setStep(0);
        setScenarioId(message.scenario as ScenarioId);
      }
    };
    const listener = (event: MessageEvent) => void onMessage(event);
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);

  const fullCapacity = useMemo(() => (full ? serverCapacity(full) : null), [full]);
  const capacity = fullCapacity ?? opened?.capacity ?? 1;
  const protocols = params.protocol === 'both' ? (['pop3', 'imap'] as const) : ([params.protocol] as const);
  // Room in the heads for the tallest status of the run shown (of its opening, until it is in).
  const headLines = useMemo(() => {
    if (!shown) return 2;
    const { pop3, imap } = shown.tracks;
    return params.protocol === 'both' ? headLinesOf(pop3, imap) : headLinesOf(shown.tracks[params.protocol]);
  }, [shown, params.protocol]);
  const entry = catalogEntry(scenarioId);
  const selectNone = useCallback(() => undefined, []);
  // An arrow chosen in a diagram: seek to the first step that shows it.
  const chooseFrame = useCallback(
    (protocol: 'pop3' | 'imap', frame: number) => {
      const target = shown ? shown.steps.findIndex((s) => s[protocol] === frame) : -1;
      if (target < 0) return;
      setEngaged(true);
      setPlaying(false);
      goTo(target);
    },
    [shown, goTo],
  );
  const stepTo = (next: number) => {
    setEngaged(true);
    setPlaying(false);
    goTo(next);
  };
  const playPause = () => {
    setEngaged(true);
    setPlaying((p) => !p);
  };

  return (
    <>
      <div className={embedStyles.embed}>
        <div className={embedStyles.top}>
          {/* The boot script may have written the URL's title here already. */}
          <h1 id={EMBED_TITLE_ID} className={embedStyles.title} suppressHydrationWarning>
            {story.status === 'checking' ? 'The linked story' : storyActive ? story.story.title : entry.title}
          </h1>
          <p className={embedStyles.credit}>
            <a
              href={storyActive ? `/${search ?? ''}` : `/?scenario=${scenarioId}&step=${step}`}
              target="_blank"
              rel="noopener"
            >
              Open in POP vs IMAP Lab
            </a>
          </p>
        </div>
        {/* While hydrating, both kinds of controls are in the page and CSS shows the one the
            boot script read from the URL (embed.module.css), so nothing moves at hydration. */}
        {story.status === 'refused' && <StoryNotice problems={story.problems} />}
        {(pending || params.controls === 'full') && (
          <div className={pending ? embedStyles.ifFullControls : undefined}>
            <Controls
              step={step}
              lastStep={lastStep}
              playing={playing}
              speed={speed}
              ticks={[]}
              stepLabel={stepLabel(step, lastStep, span, narration)}
              onPlay={playPause}
              onStep={stepTo}
              onSpeed={setSpeed}
            />
          </div>
        )}
        {(pending || params.controls === 'minimal') && (
          <div className={pending ? embedStyles.ifMinimalControls : undefined}>
            <MinimalControls
              step={step}
              lastStep={lastStep}
              playing={playing}
              onPlay={playPause}
              onStep={stepTo}
            />
          </div>
        )}
        {/* While hydrating, the prerendered story is hidden if it is not the one the URL asks
            for (data-embed-wait, set by the boot script). */}
        <div className={`${embedStyles.stage} ${pending ? embedStyles.ifPrerenderWanted : ''}`}>
          <Narration
            step={step}
            lastStep={lastStep}
            text={at ? narration : null}
            span={span}
            waiting={
              story.status === 'checking'
                ? 'Opening the story…'
                : story.status === 'running'
                  ? 'Running the story…'
                  : (failed ?? 'Loading…')
            }
          />
          {at && shown && (
            <div
              className={
                protocols.length === 2 ? `${styles.columns} ${embedStyles.columns}` : embedStyles.one
              }
            >
              {protocols.map((p) => (
                <ProtocolColumn
                  key={p}
                  protocol={p}
                  frames={shown.tracks[p]}
                  frame={at[p]}
                  capacity={capacity}
                  stepMs={BASE_STEP_MS / speed}
                  selected={null}
                  onSelect={selectNone}
                  onChoose={chooseFrame}
                  generation={0}
                  eavesdropping={eavesdropping}
                  onEavesdrop={setEavesdropping}
                  waits={full ? columnWaits(full, step, p) : false}
                  headLines={headLines}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </>
  );
}
