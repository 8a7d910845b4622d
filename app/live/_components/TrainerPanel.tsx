'use client';
import { useState } from 'react';
import type { LiveInfo } from '@/lib/live/hub';
import styles from '../../_components/compare.module.css';
import live from './live.module.css';

async function act(body: Record<string, string>): Promise<{ ok: boolean; error?: string; info?: LiveInfo }> {
  const response = await fetch('/api/live/actions/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; error?: string; info?: LiveInfo };
}

/** A trainer's controls: reset the store, add an account, deliver a message. */
export function TrainerPanel({
  accounts,
  onInfo,
}: {
  accounts: readonly string[];
  onInfo: (info: LiveInfo) => void;
}) {
  const [message, setMessage] = useState('');
  const run = async (body: Record<string, string>, done: string) => {
    const result = await act(body);
    setMessage(result.ok ? done : (result.error ?? 'That did not work.'));
    if (result.info) onInfo(result.info);
  };
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
