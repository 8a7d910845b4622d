'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LiveSessionView } from '@/lib/live/view-types';
import { sessionLabel, type ClassLabels } from '@/lib/live/classroom/live-labels';
import styles from '../../_components/compare.module.css';
import live from './live.module.css';

/** The trainer key as the Trainer panel keeps it (this tab only, never in a URL). */
const KEY_STORAGE = 'pop-vs-imap-lab.trainer-key';
/** How often the trainer's page asks for the labels while class sessions are listed (ms). */
const REFRESH_MS = 3_000;

/** A session as the Live page draws it: with the class label when it is a student's. */
export type LabelledSession = LiveSessionView & { readonly label?: string };

function trainerHeaders(): Record<string, string> {
  try {
    const key = sessionStorage.getItem(KEY_STORAGE);
    return key ? { 'x-trainer-key': key } : {};
  } catch {
    return {};
  }
}

async function request(init?: RequestInit): Promise<{ labels: ClassLabels | null; status: number }> {
  try {
    const response = await fetch('/api/class/labels/', { cache: 'no-store', ...init });
    const body = (await response.json()) as ClassLabels & { ok: boolean };
    return {
      labels: body.ok ? { showNames: body.showNames, names: body.names } : null,
      status: response.status,
    };
  } catch {
    return { labels: null, status: 0 };
  }
}

/**
 * The class labels this page may show. Only a trainer's page (the trainer key in this tab, or
 * loopback) gets any names, and only once the trainer switched them on; every other page
 * labels a student's session "student n". Asked for while `active` (class sessions listed).
 */
export function useClassLabels(active: boolean) {
  const [labels, setLabels] = useState<ClassLabels | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const ask = () =>
      void request({ headers: trainerHeaders() }).then((r) => {
        if (live) setLabels(r.labels);
      });
    ask();
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active]);
  const setShowNames = useCallback(async (showNames: boolean) => {
    const r = await request({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...trainerHeaders() },
      body: JSON.stringify({ showNames }),
    });
    setError(
      r.labels
        ? null
        : r.status === 401
          ? 'Type the trainer key in the Trainer panel first.'
          : 'Not switched.',
    );
    if (r.labels) setLabels(r.labels);
  }, []);
  return { labels, error, setShowNames };
}

/** Labelled copies by session object, so a lane's session keeps its object while nothing changes. */
const labelled = new WeakMap<LiveSessionView, LabelledSession>();

/** Each session with its label; a session keeps its object while its label stays the same. */
export function useLabelledSessions(sessions: readonly LiveSessionView[], labels: ClassLabels | null) {
  return useMemo(
    () =>
      sessions.map((s) => {
        const label = sessionLabel(s, labels);
        if (label === null) return s;
        let made = labelled.get(s);
        if (made?.label !== label) labelled.set(s, (made = { ...s, label }));
        return made;
      }),
    [sessions, labels],
  );
}

/** The trainer's switch: students' names, or "student n", on this page. */
export function ClassNamesSwitch({
  labels,
  error,
  onChange,
}: {
  labels: ClassLabels | null;
  error: string | null;
  onChange: (showNames: boolean) => void;
}) {
  return (
    <section aria-labelledby="class-names-heading" className={live.trainer}>
      <h3 id="class-names-heading" className={styles.panelTitle}>
        Class sessions
      </h3>
      <label>
        <input
          type="checkbox"
          checked={labels?.showNames ?? false}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        Show students&apos; names (on the trainer&apos;s page only; others see &ldquo;student 3&rdquo;)
      </label>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
