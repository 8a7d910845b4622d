'use client';
import type { Protocol } from '@/simulations/types';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * On a narrow screen, which protocol's column shows (the other is hidden by CSS; wide screens
 * show both and hide this). It sits in the step bar, which stays at the top as the page scrolls,
 * so the switch is always at hand.
 */
export function ProtocolSwitch(props: { shown: Protocol; onShow: (protocol: Protocol) => void }) {
  return (
    <div className={layout.switch} role="group" aria-label="Protocol shown">
      {(['pop3', 'imap'] as const).map((p) => (
        <button
          key={p}
          type="button"
          className={styles.button}
          aria-pressed={props.shown === p}
          onClick={() => props.onShow(p)}
        >
          {p === 'pop3' ? 'POP3' : 'IMAP'}
        </button>
      ))}
    </div>
  );
}
