'use client';
import { useState } from 'react';
import type { PresenterView } from '@/lib/live/classroom/class-hub';
import type { LessonScenario } from '@/lib/live/classroom/lesson';
import styles from './class.module.css';
import { PresenterPrompt } from './PresenterPrompt';
import { StepCard } from './StepCard';
import { statusText, useClassStream } from './use-class-stream';

/** The Live page's trainer panel keeps the key here too: typed once per tab, never in a URL. */
const KEY_STORAGE = 'pop-vs-imap-lab.trainer-key';

type View = PresenterView & { joinUrl: string; qrSvg: string | null };

function storedKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

/** /class/present/: the projector's join screen and the trainer's controls. */
export default function Presenter({ scenarios }: { scenarios: readonly LessonScenario[] }) {
  const [key, setKey] = useState<string | null>(() => (typeof window === 'undefined' ? null : storedKey()));
  const [typed, setTyped] = useState('');
  const headers: Record<string, string> | null = key === null ? null : key ? { 'x-trainer-key': key } : {};
  const { view, status, error } = useClassStream<View>('/api/class/events/?as=presenter', headers);
  const [problem, setProblem] = useState<string | null>(null);
  const [scenario, setScenario] = useState(scenarios[0]?.id ?? '');

  const act = async (body: Record<string, unknown>) => {
    setProblem(null);
    const response = await fetch('/api/class/trainer/', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-trainer-key': key } : {}) },
      body: JSON.stringify(body),
    }).catch(() => null);
    const result = (await response?.json().catch(() => null)) as { ok?: boolean; error?: string } | null;
    if (!result?.ok) setProblem(result?.error ?? 'The server cannot be reached.');
  };
  const download = async () => {
    const response = await fetch('/api/class/summary/', { headers: key ? { 'x-trainer-key': key } : {} });
    if (!response.ok) return setProblem(`The summary could not be made (${response.status}).`);
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'class-summary.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (status === 'refused')
    return (
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          sessionStorage.setItem(KEY_STORAGE, typed);
          setKey(typed);
        }}
      >
        <p className={styles.error} role="alert">
          {error}
        </p>
        <label>
          Trainer key (printed where the server started)
          <br />
          <input
            type="password"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit">Use this key</button>
      </form>
    );

  const position = view?.step ?? null;
  const current = scenarios.find((s) => s.id === (position?.scenario ?? scenario));
  const goTo = (id: string, step: number) => void act({ action: 'step', scenario: id, step });
  return (
    <>
      <p className={styles.status} role="status" data-status={status}>
        {statusText(status)} {status === 'unavailable' ? error : null}
      </p>
      {view ? (
        <>
          <section className={styles.card} aria-labelledby="class-join">
            <h2 id="class-join">Join the class</h2>
            {view.code ? (
              <div className={styles.join}>
                {view.qrSvg ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a data: SVG made on the server
                  <img
                    className={styles.qr}
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(view.qrSvg)}`}
                    alt={`QR code of ${view.joinUrl}`}
                  />
                ) : null}
                <div>
                  <p>Open</p>
                  <p>
                    <strong data-testid="class-join-url">{view.joinUrl.replace(/\?.*$/, '')}</strong>
                  </p>
                  <p>and type the code</p>
                  <p className={styles.code} data-testid="class-code">
                    {view.code}
                  </p>
                </div>
              </div>
            ) : (
              <p>Joining is closed.</p>
            )}
            <p data-testid="class-students">
              {view.students} {view.students === 1 ? 'student' : 'students'} joined
            </p>
            <div className={styles.row}>
              <button type="button" onClick={() => void act({ action: 'open' })}>
                {view.code ? 'New code' : 'Open the class'}
              </button>
              {view.code ? (
                <button type="button" onClick={() => void act({ action: 'close' })}>
                  Close joining
                </button>
              ) : null}
              <button type="button" onClick={() => void download()}>
                Download the class summary (CSV)
              </button>
            </div>
          </section>
          <section className={styles.card} aria-labelledby="class-drive">
            <h2 id="class-drive">Lead the class</h2>
            <div className={styles.row}>
              <label>
                Scenario{' '}
                <select
                  value={current?.id ?? scenario}
                  onChange={(e) => {
                    setScenario(e.target.value);
                    goTo(e.target.value, 0);
                  }}
                >
                  {scenarios.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                      {s.promptSteps.length > 0 ? ` (${s.promptSteps.length} to predict)` : ''}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={!position || position.step <= 0}
                onClick={() => position && goTo(position.scenario, position.step - 1)}
              >
                Previous step
              </button>
              <button
                type="button"
                disabled={!!position && position.step >= position.steps.length - 1}
                onClick={() =>
                  position ? goTo(position.scenario, position.step + 1) : goTo(current?.id ?? scenario, 0)
                }
              >
                {position ? 'Next step' : 'Start'}
              </button>
            </div>
            {problem ? (
              <p className={styles.error} role="alert">
                {problem}
              </p>
            ) : null}
          </section>
          {view.prompt ? (
            <PresenterPrompt
              prompt={view.prompt}
              students={view.students}
              onReveal={() => void act({ action: 'reveal' })}
              onAskAgain={() => void act({ action: 'again' })}
              onShowNames={(show) => void act({ action: 'names', show })}
            />
          ) : null}
          {position ? <StepCard step={position} heading="The class is at" /> : null}
        </>
      ) : null}
    </>
  );
}
