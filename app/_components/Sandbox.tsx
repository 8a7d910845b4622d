'use client';
import { useState } from 'react';
import type { Intent } from '@/simulations/types';
import styles from './compare.module.css';

/** The learner acts; both protocols respond. Each action appends an intent to the story. */
export function Sandbox({ devices, onAct }: { devices: readonly string[]; onAct: (intent: Intent) => void }) {
  const [device, setDevice] = useState(devices[0] ?? 'laptop');
  const [message, setMessage] = useState(1);
  const onDevice = (type: 'openApp' | 'checkMail' | 'closeApp' | 'goOffline' | 'goOnline') =>
    onAct({ type, device });
  const onMessage = (type: 'openMessage' | 'markRead' | 'markUnread' | 'flag' | 'delete') =>
    onAct({ type, device, message });
  return (
    <section aria-labelledby="sandbox-heading" className={styles.sandbox}>
      <h2 id="sandbox-heading">Try it yourself</h2>
      <div className={styles.sandboxRow}>
        <label>
          Device{' '}
          <select value={device} onChange={(e) => setDevice(e.target.value)}>
            {devices.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <button type="button" className={styles.button} onClick={() => onDevice('openApp')}>
          Open app
        </button>
        <button type="button" className={styles.button} onClick={() => onDevice('checkMail')}>
          Check mail
        </button>
        <button type="button" className={styles.button} onClick={() => onDevice('closeApp')}>
          Close app
        </button>
        <button type="button" className={styles.button} onClick={() => onDevice('goOffline')}>
          Go offline
        </button>
        <button type="button" className={styles.button} onClick={() => onDevice('goOnline')}>
          Go online
        </button>
        <button
          type="button"
          className={styles.button}
          onClick={() => onAct({ type: 'dropConnection', device })}
        >
          Drop the connection
        </button>
      </div>
      <div className={styles.sandboxRow}>
        <label>
          Message (server UID){' '}
          <input
            type="number"
            min={1}
            max={99}
            value={message}
            onChange={(e) => setMessage(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <button type="button" className={styles.button} onClick={() => onMessage('openMessage')}>
          Open message
        </button>
        <button type="button" className={styles.button} onClick={() => onMessage('markRead')}>
          Mark read
        </button>
        <button type="button" className={styles.button} onClick={() => onMessage('markUnread')}>
          Mark unread
        </button>
        <button type="button" className={styles.button} onClick={() => onMessage('flag')}>
          Flag
        </button>
        <button type="button" className={styles.button} onClick={() => onMessage('delete')}>
          Delete
        </button>
        <button
          type="button"
          className={styles.button}
          onClick={() =>
            onAct({
              type: 'newMail',
              subject: 'A new message',
              from: 'Chris Classmate <chris@students.example>',
            })
          }
        >
          New mail arrives
        </button>
      </div>
    </section>
  );
}
