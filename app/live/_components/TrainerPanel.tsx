'use client';
import { useState } from 'react';
import type { LiveInfo } from '@/lib/live/view-types';
import styles from '../../_components/compare.module.css';
import live from './live.module.css';

/** Where this tab keeps the trainer key once typed: never in the URL, gone with the tab. */
const KEY_STORAGE = 'pop-vs-imap-lab.trainer-key';

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

async function act(
  body: Record<string, string>,
  key: string | null,
): Promise<{ ok: boolean; status: number; error?: string; info?: LiveInfo }> {
  const response = await fetch('/api/live/actions/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-trainer-key': key } : {}) },
    body: JSON.stringify(body),
  });
  const result = (await response.json().catch(() => ({ ok: false }))) as { ok: boolean; error?: string };
  return { ...result, status: response.status };
}

/**
 * A trainer's controls: reset the store, add an account, deliver a message. In network mode
 * the server asks for the trainer key it printed at start; the trainer types it here once and
 * this tab sends it with each action (a header, never a URL the projector could show).
 */
export function TrainerPanel({
  accounts,
  keyRequired,
  onInfo,
}: {
  accounts: readonly string[];
  keyRequired: boolean;
  onInfo: (info: LiveInfo) => void;
}) {
  const [message, setMessage] = useState('');
  const [key, setKey] = useState<string | null>(storedKey);
  const run = async (body: Record<string, string>, done: string) => {
    const result = await act(body, keyRequired ? key : null);
    if (result.status === 401) {
      sessionStorage.removeItem(KEY_STORAGE);
      setKey(null);
    }
    setMessage(result.ok ? done : (result.error ?? 'That did not work.'));
    if (result.info) onInfo(result.info);
  };
  if (keyRequired && !key)
    return (
      <section aria-labelledby="trainer-heading" className={live.trainer}>
        <h2 id="trainer-heading">Trainer</h2>
        <p role="status">{message}</p>
        <form
          className={live.form}
          onSubmit={(e) => {
            e.preventDefault();
            const typed = String(new FormData(e.currentTarget).get('key')).trim();
            if (!typed) return;
            sessionStorage.setItem(KEY_STORAGE, typed);
            setKey(typed);
            setMessage('');
          }}
        >
          <p>The trainer&apos;s controls need the trainer key that the server printed when it started.</p>
          <label>
            Trainer key <input name="key" type="password" autoComplete="off" required />
          </label>
          <button type="submit" className={styles.button}>
            Unlock
          </button>
        </form>
      </section>
    );
  return (
    <section aria-labelledby="trainer-heading" className={live.trainer}>
      <h2 id="trainer-heading">Trainer</h2>
      <p role="status">{message}</p>
      <button
        type="button"
        className={styles.button}
        onClick={() => run({ action: 'reset' }, 'The store is back to the seed mailbox.')}
      >
        Reset the store
      </button>
      <form
        className={live.form}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          void run(
            {
              action: 'deliver',
              user: String(data.get('to')),
              from: String(data.get('from')),
              subject: String(data.get('subject')),
              text: String(data.get('text')),
            },
            'Delivered.',
          );
        }}
      >
        <h3 className={styles.panelTitle}>Deliver a message</h3>
        <label>
          To{' '}
          <select name="to" defaultValue={accounts[0]}>
            {accounts.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          From <input name="from" defaultValue="Trainer <trainer@popvsimap.lab>" />
        </label>
        <label>
          Subject <input name="subject" defaultValue="Hello from the trainer" />
        </label>
        <label>
          Text <textarea name="text" rows={2} defaultValue="Did your client see this arrive?" />
        </label>
        <button type="submit" className={styles.button}>
          Deliver
        </button>
      </form>
      <form
        className={live.form}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const user = String(data.get('user'));
          void run(
            { action: 'addAccount', user, password: String(data.get('password')) },
            `Account "${user}" added.`,
          );
        }}
      >
        <h3 className={styles.panelTitle}>Add an account</h3>
        <label>
          User <input name="user" required pattern="[A-Za-z0-9._\-]{1,32}" />
        </label>
        <label>
          Password <input name="password" required type="password" />
        </label>
        <button type="submit" className={styles.button}>
          Add account
        </button>
      </form>
    </section>
  );
}
