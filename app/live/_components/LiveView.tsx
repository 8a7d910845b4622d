'use client';
import { LazyMotion } from 'motion/react';
import Link from 'next/link';
import { useEffect, useReducer, useState } from 'react';
import type { LiveEvent, LiveInfo, LiveSessionView } from '@/lib/live/view-types';
import { unpackEvent, type StreamedEvent } from '@/lib/live/line-codec';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import { ServerPanel } from '../../_components/ServerPanel';
import { ThemeToggle } from '../../_components/ThemeToggle';
import styles from '../../_components/compare.module.css';
import { ConnectHelp } from './ConnectHelp';
import { ClassNamesSwitch, useClassLabels, useLabelledSessions } from './ClassNames';
import { LiveDiagram } from './LiveDiagram';
import { SessionList } from './SessionList';
import { TrainerPanel } from './TrainerPanel';
import live from './live.module.css';
import {
  applyLiveEvents,
  EMPTY_MODEL,
  freezeLanes,
  LANES_SHOWN,
  resetSessions,
  type LiveModel,
} from './live-model';

const loadMotionFeatures = () => import('../../_components/motion-features').then((m) => m.default);

type Action =
  | { type: 'reset'; info: LiveInfo; sessions: LiveSessionView[]; store: StoreSnapshot | null; seq: number }
  | { type: 'info'; info: LiveInfo }
  | { type: 'batch'; events: LiveEvent[] }
  | { type: 'freeze'; frozen: boolean };

function reducer(model: LiveModel, action: Action): LiveModel {
  switch (action.type) {
    case 'reset':
      return resetSessions(model, action);
    case 'info':
      return { ...model, info: action.info };
    case 'batch':
      return applyLiveEvents(model, action.events);
    case 'freeze':
      return freezeLanes(model, action.frozen);
  }
}

/** How long the page waits for the state at a resync before giving up, in milliseconds. */
const STATE_TIMEOUT_MS = 10_000;

/**
 * The page takes the stream's batches at most this often (on an animation frame): a busy room
 * sends one every 50 ms, and text that changes faster than this cannot be read anyway.
 */
const UPDATE_MS = 150;

type Status = 'connecting' | 'connected' | 'reconnecting' | 'unavailable';

/** Real clients talking to the lab's mail server, each session a lane, as it happens. */
export default function LiveView() {
  const [model, dispatch] = useReducer(reducer, EMPTY_MODEL);
  const [status, setStatus] = useState<Status>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  // Class mode: a student's sessions labelled "student n", or their name on the trainer's page.
  const hasClass = model.sessions.some((s) => typeof s.student === 'number');
  const classLabels = useClassLabels(hasClass);
  const lanes = useLabelledSessions(model.lanes, classLabels.labels);
  const sessions = useLabelledSessions(model.sessions, classLabels.labels);

  useEffect(() => {
    let closed = false;
    // While the state is fetched, streamed events wait in the queue: applied before it, the state
    // (a little older than they are) would then replace them and they would be lost; applied
    // after it, those the state already includes are skipped by their sequence numbers.
    let syncing = 0; // resyncs in flight (a reconnect's may overlap a 'resync' notice's)
    // Only the latest resync's state is shown: an earlier one's answer arriving after it is older.
    let latest = 0;
    const resync = async () => {
      syncing++;
      const mine = ++latest;
      try {
        // A state that does not come within STATE_TIMEOUT_MS is given up (the stream waits for it).
        const response = await fetch('/api/live/state/', {
          cache: 'no-store',
          signal: AbortSignal.timeout(STATE_TIMEOUT_MS),
        });
        if (response.status === 404) {
          setStatus('unavailable');
          setProblem(
            'This copy of the lab is a static site: it has no mail server, so there is nothing live to show.',
          );
          return false;
        }
        const body = (await response.json()) as {
          info: LiveInfo;
          sessions?: LiveSessionView[];
          store?: StoreSnapshot;
          seq?: number;
        };
        if (!response.ok || !body.info.running) {
          setStatus('unavailable');
          setProblem(body.info.error ?? 'The live mail server is not running.');
          return false;
        }
        if (!closed && mine === latest)
          dispatch({
            type: 'reset',
            info: body.info,
            sessions: body.sessions ?? [],
            store: body.store ?? null,
            seq: body.seq ?? 0,
          });
        return true;
      } catch {
        setStatus('reconnecting');
        return false;
      } finally {
        syncing--;
        if (queued.length > 0) schedule();
      }
    };
    let source: EventSource | null = null;
    // Batches wait here and are applied together, on an animation frame, at most every UPDATE_MS.
    let queued: LiveEvent[] = [];
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastUpdate = 0;
    const apply = () => {
      frame = 0;
      timer = null;
      if (syncing > 0) return; // the resync schedules the queue once the state is in
      lastUpdate = performance.now();
      const events = queued;
      queued = [];
      if (!closed && events.length > 0) dispatch({ type: 'batch', events });
    };
    const schedule = () => {
      if (frame || timer) return;
      const wait = UPDATE_MS - (performance.now() - lastUpdate);
      if (wait <= 0) frame = requestAnimationFrame(apply);
      else
        timer = setTimeout(() => {
          timer = null;
          frame = requestAnimationFrame(apply);
        }, wait);
    };
    void resync().then((ok) => {
      if (!ok || closed) return;
      source = new EventSource('/api/live/events/');
      source.onopen = () => {
        setStatus('connected');
        // After a reconnect, fetch what was missed.
        void resync();
      };
      source.onerror = () => setStatus('reconnecting');
      source.addEventListener('batch', (e) => {
        for (const event of JSON.parse((e as MessageEvent<string>).data) as StreamedEvent[])
          queued.push(unpackEvent(event));
        schedule();
      });
      // We fell behind and the server dropped events for us: fetch the state anew.
      source.addEventListener('resync', () => {
        queued = [];
        void resync();
      });
    });
    return () => {
      closed = true;
      source?.close();
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, []);

  const open = model.sessions.filter((s) => s.open).length;
  const refreshInfo = (info: LiveInfo) => dispatch({ type: 'info', info });
  const freeze = (frozen: boolean) => dispatch({ type: 'freeze', frozen });
  const drawn = new Set(model.lanes.map((s) => s.id));
  const notDrawn = model.sessions.filter((s) => !drawn.has(s.id)).length;

  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <div className={styles.app}>
        <header className={styles.header}>
          <div className={styles.brand}>
            <h1>Live: watch a real mail client</h1>
            <p className={styles.tagline}>
              Point Thunderbird, curl or Python at the lab&apos;s own server and watch every command and
              reply. <Link href="/">Back to the scenarios</Link>
            </p>
          </div>
          <div className={styles.headerTools}>
            <ThemeToggle />
          </div>
        </header>

        <p className={live.status} role="status" data-status={status}>
          {status === 'connected' &&
            `Connected to the lab server. ${open} open session${open === 1 ? '' : 's'}.`}
          {status === 'connecting' && 'Connecting to the lab server…'}
          {status === 'reconnecting' && 'Disconnected from the lab server: reconnecting…'}
          {status === 'unavailable' && (problem ?? 'The live view is not available.')}
        </p>

        {status !== 'unavailable' && model.info && (
          <>
            <ConnectHelp info={model.info} clientConnected={open > 0} />
            <div className={live.layout}>
              <section
                aria-labelledby="sessions-heading"
                className={live.sessions}
                onPointerEnter={() => freeze(true)}
                onPointerLeave={() => freeze(false)}
                onFocus={() => freeze(true)}
                onBlur={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null)) freeze(false);
                }}
              >
                <h2 id="sessions-heading">Sessions</h2>
                {model.sessions.length === 0 && <p className={styles.empty}>No client has connected yet.</p>}
                {model.sessions.length > 0 && <LiveDiagram sessions={sessions} />}
                <SessionList lanes={lanes} />
                {notDrawn > 0 && (
                  <p className={styles.empty}>
                    …and {notDrawn} more session{notDrawn === 1 ? '' : 's'} (at most {LANES_SHOWN} are drawn:
                    the open ones first, newest first; they hold still while the pointer is on the list).
                  </p>
                )}
              </section>
              <aside aria-labelledby="server-heading" className={live.side}>
                <h2 id="server-heading">The server&apos;s store</h2>
                {model.store && (
                  // The latest change is highlighted and moves as in a story (ServerPanel).
                  <ServerPanel
                    server={model.store}
                    previous={model.storeBefore ?? undefined}
                    capacity={capacityOf(model.store)}
                    still={false}
                    moment="most recently"
                  />
                )}
                <TrainerPanel
                  accounts={model.info.accounts}
                  keyRequired={model.info.trainerKeyRequired}
                  onInfo={refreshInfo}
                />
                {hasClass && (
                  <ClassNamesSwitch
                    labels={classLabels.labels}
                    error={classLabels.error}
                    onChange={(show) => void classLabels.setShowNames(show)}
                  />
                )}
              </aside>
            </div>
          </>
        )}
      </div>
    </LazyMotion>
  );
}

function capacityOf(store: StoreSnapshot): number {
  return Math.max(8192, ...store.accounts.map((a) => a.usedBytes * 1.5));
}
