'use client';
import { LazyMotion } from 'motion/react';
import Link from 'next/link';
import { useEffect, useReducer, useState } from 'react';
import type { LiveEvent, LiveInfo, LiveSessionView } from '@/lib/live/hub';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import { ServerPanel } from '../../_components/ServerPanel';
import { ThemeToggle } from '../../_components/ThemeToggle';
import styles from '../../_components/compare.module.css';
import { ConnectHelp } from './ConnectHelp';
import { SessionLane } from './SessionLane';
import { TrainerPanel } from './TrainerPanel';
import live from './live.module.css';
import { applyLiveEvent, EMPTY_MODEL, type LiveModel } from './live-model';

const loadMotionFeatures = () => import('../../_components/motion-features').then((m) => m.default);

type Action = { type: 'reset'; model: LiveModel } | { type: 'batch'; events: LiveEvent[] };

function reducer(model: LiveModel, action: Action): LiveModel {
  return action.type === 'reset' ? action.model : action.events.reduce(applyLiveEvent, model);
}

type Status = 'connecting' | 'connected' | 'reconnecting' | 'unavailable';

/** Real clients talking to the lab's mail server, each session a lane, as it happens. */
export default function LiveView() {
  const [model, dispatch] = useReducer(reducer, EMPTY_MODEL);
  const [status, setStatus] = useState<Status>('connecting');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let closed = false;
    const resync = async () => {
      try {
        const response = await fetch('/api/live/state/', { cache: 'no-store' });
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
        };
        if (!response.ok || !body.info.running) {
          setStatus('unavailable');
          setProblem(body.info.error ?? 'The live mail server is not running.');
          return false;
        }
        if (!closed)
          dispatch({
            type: 'reset',
            model: { info: body.info, sessions: body.sessions ?? [], store: body.store ?? null },
          });
        return true;
      } catch {
        setStatus('reconnecting');
        return false;
      }
    };
    let source: EventSource | null = null;
    void resync().then((ok) => {
      if (!ok || closed) return;
      source = new EventSource('/api/live/events/');
      source.onopen = () => {
        setStatus('connected');
        // After a reconnect, fetch what was missed.
        void resync();
      };
      source.onerror = () => setStatus('reconnecting');
      source.addEventListener('batch', (e) =>
        dispatch({ type: 'batch', events: JSON.parse((e as MessageEvent<string>).data) as LiveEvent[] }),
      );
      // We fell behind and the server dropped events for us: fetch the state anew.
      source.addEventListener('resync', () => void resync());
    });
    return () => {
      closed = true;
      source?.close();
    };
  }, []);

  const open = model.sessions.filter((s) => s.open).length;
  const refreshInfo = (info: LiveInfo) => dispatch({ type: 'reset', model: { ...model, info } });

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
            <ConnectHelp info={model.info} />
            <div className={live.layout}>
              <section aria-labelledby="sessions-heading" className={live.sessions}>
                <h2 id="sessions-heading">Sessions</h2>
                {model.sessions.length === 0 && <p className={styles.empty}>No client has connected yet.</p>}
                {shownSessions(model.sessions).map((s) => (
                  <SessionLane key={s.id} session={s} />
                ))}
                {model.sessions.length > LANES_SHOWN && (
                  <p className={styles.empty}>
                    …and {model.sessions.length - LANES_SHOWN} more sessions (the {LANES_SHOWN} most recently
                    active are shown).
                  </p>
                )}
              </section>
              <aside aria-labelledby="server-heading" className={live.side}>
                <h2 id="server-heading">The server&apos;s store</h2>
                {model.store && (
                  <ServerPanel server={model.store} capacity={capacityOf(model.store)} generation={0} />
                )}
                <TrainerPanel
                  accounts={model.info.accounts}
                  keyRequired={model.info.trainerKeyRequired}
                  onInfo={refreshInfo}
                />
              </aside>
            </div>
          </>
        )}
      </div>
    </LazyMotion>
  );
}

/** Lanes drawn at once: a full workshop room stays readable and the page stays smooth. */
const LANES_SHOWN = 24;

/** The most recently active sessions first. */
function shownSessions(sessions: readonly LiveSessionView[]): LiveSessionView[] {
  const lastSeq = (s: LiveSessionView) => s.lines[s.lines.length - 1]?.seq ?? 0;
  return [...sessions].sort((a, b) => lastSeq(b) - lastSeq(a) || b.id - a.id).slice(0, LANES_SHOWN);
}

function capacityOf(store: StoreSnapshot): number {
  return Math.max(8192, ...store.accounts.map((a) => a.usedBytes * 1.5));
}
