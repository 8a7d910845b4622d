'use client';
import * as m from 'motion/react-m';
import { formatBytes } from './frame-text';
import type { MessageChange } from './store-diff';
import { StoreIcon } from './StoreIcons';
import type { CopyWords } from './store-diff';
import styles from './stores.module.css';

/** What a card shows of one message, on the server or on a device. */
export interface CardMessage {
  readonly from: string;
  readonly subject: string;
  /** Octets of the whole message. */
  readonly size: number;
  readonly seen: boolean;
  readonly flagged: boolean;
  readonly deleted: boolean;
  /** Server cards: the UID; device cards: null. */
  readonly uid: number | null;
  /** Device cards: how much of the message is stored there; null on the server and webmail. */
  readonly copy: CopyWords | null;
  /** Device cards: whether the server still holds the original; null where it does not apply. */
  readonly onServer: boolean | null;
  /** Another account's message (two accounts on one device). */
  readonly account: string | null;
}

const COPY_ICON = { 'headers only': 'headers', 'full copy': 'full', 'text part only': 'partial' } as const;

/**
 * One message as a card: sender, subject, size and its states as icons. A card that this step
 * changed is highlighted and says what changed. Motion: a copy arriving on a device flies in
 * from the server's side (above), a removed card fades out (the list's AnimatePresence), a
 * flag that changed flips; with reduced motion the card just shows its new state.
 */
export function MessageCard({
  message,
  place,
  change,
  reduced,
}: {
  message: CardMessage;
  place: 'server' | 'device';
  change: MessageChange | undefined;
  reduced: boolean;
}) {
  const seenFlipped = change?.what.some((w) => w === 'now read' || w === 'now unread');
  const arrive = place === 'device' ? { opacity: 0, y: -56, scale: 0.9 } : { opacity: 0, x: -16 };
  return (
    <m.li
      initial={reduced || change?.kind !== 'new' ? false : arrive}
      animate={{ opacity: 1, x: 0, y: 0, scale: 1 }}
      exit={
        reduced ? { opacity: 0, transition: { duration: 0 } } : { opacity: 0, transition: { duration: 0.45 } }
      }
      transition={{ type: 'spring', stiffness: 260, damping: 26 }}
      className={`${styles.card} ${message.seen ? styles.read : styles.unread} ${message.deleted ? styles.deleted : ''} ${change ? styles.changed : ''}`}
      data-change={change?.kind}
    >
      <m.span
        key={message.seen ? 'read' : 'unread'}
        className={styles.state}
        initial={seenFlipped && !reduced ? { rotateY: 90 } : false}
        animate={{ rotateY: 0 }}
      >
        {message.seen ? (
          <StoreIcon kind="read" text={place === 'server' ? '\\Seen' : 'read'} />
        ) : (
          <StoreIcon kind="unread" text="unread" />
        )}
      </m.span>
      <span className={styles.from}>
        {message.from || '(no sender)'}
        {message.account ? <span className={styles.account}> · {message.account}</span> : null}
      </span>
      <span className={styles.subject}>{message.subject}</span>
      <span className={styles.foot}>
        <span className={styles.meta}>
          {message.uid !== null && <span className={styles.uid}>UID {message.uid}</span>}
          <span className={styles.size}>{formatBytes(message.size)}</span>
        </span>
        <span className={styles.icons}>
          {message.flagged && (
            <FlagFlip changed={change?.what.includes('now flagged')} reduced={reduced}>
              <StoreIcon kind="flagged" text={place === 'server' ? '\\Flagged' : 'flagged'} />
            </FlagFlip>
          )}
          {message.deleted && (
            <FlagFlip changed={change?.what.includes('marked \\Deleted')} reduced={reduced}>
              <StoreIcon kind="deleted" text={place === 'server' ? '\\Deleted' : 'marked \\Deleted'} />
            </FlagFlip>
          )}
          {message.onServer !== null && (
            <StoreIcon
              kind={message.onServer ? 'cached' : 'only'}
              text={message.onServer ? 'cached: the server still has it' : 'only copy: gone from the server'}
            />
          )}
          {message.copy && <StoreIcon kind={COPY_ICON[message.copy]} text={message.copy} shown />}
        </span>
      </span>
      {change && (
        <span className={styles.change}>
          <span className={styles.visuallyHidden}>Changed at this step: </span>
          {change.what.join(', ')}
        </span>
      )}
    </m.li>
  );
}

/** A flag icon that flips in when this step set it. */
function FlagFlip({
  changed,
  reduced,
  children,
}: {
  changed: boolean | undefined;
  reduced: boolean;
  children: React.ReactNode;
}) {
  return (
    <m.span
      className={styles.flip}
      initial={changed && !reduced ? { rotateY: 90, scale: 1.4 } : false}
      animate={{ rotateY: 0, scale: 1 }}
    >
      {children}
    </m.span>
  );
}
