'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StudentView } from '@/lib/live/classroom/class-hub';
import styles from './class.module.css';
import { MailSettings, type MailSettingsView } from './MailSettings';
import { StepCard } from './StepCard';
import { StudentPrompt } from './StudentPrompt';
import { statusText, useClassStream } from './use-class-stream';

/** Where this browser keeps its place in the class: the token, never in a URL. */
const TOKEN_STORAGE = 'pop-vs-imap-lab.class-token';

type View = StudentView & { mail: MailSettingsView };

function load(): string | null {
  try {
    return localStorage.getItem(TOKEN_STORAGE);
  } catch {
    return null;
  }
}

function save(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_STORAGE, token);
    else localStorage.removeItem(TOKEN_STORAGE);
  } catch {
    // private mode: the token lives as long as the page
  }
}

/** /class/: join with the code and a name, then follow the trainer, answer, connect a client. */
export default function StudentClass() {
  // The page is prerendered without storage: it draws only once mounted in the browser.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [token, setToken] = useState<string | null>(() => (typeof window === 'undefined' ? null : load()));
  if (!mounted) return null;
  return token ? (
    <Joined
      token={token}
      onLeave={(message) => {
        save(null);
        setToken(null);
        if (message) sessionStorage.setItem(LEFT_STORAGE, message);
      }}
    />
  ) : (
    <JoinForm
      onJoined={(t) => {
        save(t);
        setToken(t);
      }}
    />
  );
}

const noSubscription = () => () => undefined;

/** Why the page left the class last time (shown once on the join form). */
const LEFT_STORAGE = 'pop-vs-imap-lab.class-left';

function takeLeftMessage(): string | null {
  try {
    const message = sessionStorage.getItem(LEFT_STORAGE);
    sessionStorage.removeItem(LEFT_STORAGE);
    return message;
  } catch {
    return null;
  }
}

function JoinForm({ onJoined }: { onJoined: (token: string) => void }) {
  // Rendered only in the browser (see StudentClass): the QR code's address carries the code.
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(takeLeftMessage);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/class/join/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        token?: string;
        error?: string;
      };
      if (body.ok && body.token) onJoined(body.token);
      else
        setError(
          response.status === 404
            ? 'This copy of the lab is a static site: it has no server, so there is no class to join.'
            : (body.error ?? `The server refused (${response.status}).`),
        );
    } catch {
      setError('The server cannot be reached. Check the address and your network.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Join the class</h1>
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <label>
          Code (on the trainer&apos;s screen)
          <br />
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={12}
            autoComplete="off"
            required
          />
        </label>
        <label>
          Your name (only the trainer&apos;s counts are shown, never names)
          <br />
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </>
  );
}

function Joined({ token, onLeave }: { token: string; onLeave: (message: string | null) => void }) {
  const { view, status, error } = useClassStream<View>('/api/class/events/', { 'x-class-token': token });
  const [following, setFollowing] = useState(true);
  const [ownStep, setOwnStep] = useState(0);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (status === 'refused') onLeave(`${error ?? 'The class does not know you.'} Join again.`);
  }, [status, error, onLeave]);
  const answer = async (prompt: string, choice: number) => {
    setBusy(true);
    setAnswerError(null);
    try {
      const response = await fetch('/api/class/answer/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-class-token': token },
        body: JSON.stringify({ prompt, choice }),
      });
      const body = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string };
      if (!body.ok) setAnswerError(body.error ?? `The server refused (${response.status}).`);
    } catch {
      setAnswerError('The answer did not reach the server; try again.');
    } finally {
      setBusy(false);
    }
  };
  const trainerStep = view?.step ?? null;
  const shown =
    trainerStep && !following
      ? { ...trainerStep, step: Math.min(Math.max(ownStep, 0), trainerStep.steps.length - 1) }
      : trainerStep;
  return (
    <>
      <h1>{view ? `${view.me.name} — ${view.me.user}` : 'The class'}</h1>
      <p className={styles.status} role="status" data-status={status} data-testid="class-connection">
        {statusText(status)}
      </p>
      {view ? (
        <>
          {view.prompt ? (
            <StudentPrompt
              key={view.prompt.key}
              prompt={view.prompt}
              busy={busy}
              error={answerError}
              onAnswer={(choice) => void answer(view.prompt!.key, choice)}
            />
          ) : null}
          <div className={styles.row}>
            {following ? (
              <button
                type="button"
                onClick={() => {
                  setOwnStep(trainerStep?.step ?? 0);
                  setFollowing(false);
                }}
              >
                Leave follow mode
              </button>
            ) : (
              <>
                <button type="button" onClick={() => setFollowing(true)}>
                  Follow the trainer
                </button>
                <button
                  type="button"
                  onClick={() => setOwnStep((s) => s - 1)}
                  disabled={!shown || shown.step <= 0}
                >
                  Previous step
                </button>
                <button
                  type="button"
                  onClick={() => setOwnStep((s) => s + 1)}
                  disabled={!shown || shown.step >= shown.steps.length - 1}
                >
                  Next step
                </button>
              </>
            )}
            <span data-testid="class-follow">
              {following
                ? 'Following the trainer.'
                : `On your own${trainerStep ? `; the trainer is at step ${trainerStep.step + 1}` : ''}.`}
            </span>
          </div>
          {shown ? (
            <StepCard step={shown} heading={following ? 'The trainer’s step' : 'Your step'} />
          ) : (
            <p className={styles.card}>The trainer has not started a scenario yet.</p>
          )}
          <MailSettings user={view.me.user} password={view.me.password} mail={view.mail} />
        </>
      ) : null}
    </>
  );
}
