'use client';
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
  /**
   * Device cards: whether the server still holds the message, and what this copy then is: `cache`
   * (an IMAP client's, kept in step with the server's), `copy` (a POP3 client's: a separate copy,
   * nothing keeps the two in step), `only` (gone from the server's INBOX, the only mailbox a card is
   * matched against: UIDs differ from mailbox to mailbox); null where it does not apply.
   */
  readonly onServer: 'cache' | 'copy' | 'only' | null;
  /** Another account's message (two accounts on one device). */
  readonly account: string | null;
}

const ON_SERVER_WORDS = {
  cache: 'cached: the server still has it',
  copy: 'a copy: the server keeps one too, and nothing keeps the two in step',
  only: 'gone from the server’s INBOX: the only copy, unless a folder such as Trash keeps one',
} as const;

const COPY_ICON = { 'envelope only': 'headers', 'full copy': 'full', 'text part only': 'partial' } as const;

/**
 * One message as a card: sender, subject, size and its states as icons. A card that this step
 * changed is highlighted and says what changed. Motion (CSS animations, run by the compositor;
 * none when `animate` is false, as under reduced motion or after a jump): a copy arriving on a
 * device flies in from the server's side (above), a flag that changed flips, and a card the step
 * removed (`leaving`) fades out and folds away. A leaving card is hidden from assistive
 * technology: the panel's "Removed … at this step" line says it in words.
 */
export function MessageCard({
  message,
  place,
  change,
  animate,
  leaving = false,
  moment = 'at this step',
}: {
  message: CardMessage;
  place: 'server' | 'device';
  change: MessageChange | undefined;
  /** When `change` happened, in words (see RemovedNote): "at this step", or "most recently". */
  moment?: string;
  /** Play this step's motion (false under reduced motion and on a jump: the new state, still). */
  animate: boolean;
  /** The step removed this message: drawn once more, fading out (only when `animate`). */
  leaving?: boolean;
}) {
  const seenFlipped = change?.what.some((w) => w === 'now read' || w === 'now unread');
  const motion = !animate
    ? ''
    : leaving
      ? styles.leave
      : change?.kind === 'new'
        ? place === 'device'
          ? styles.arriveDevice
          : styles.arriveServer
        : '';
  return (
    <li
      className={`${styles.card} ${message.seen ? styles.read : styles.unread} ${message.deleted ? styles.deleted : ''} ${change && !leaving ? styles.changed : ''} ${motion}`}
      data-change={leaving ? undefined : change?.kind}
      data-leaving={leaving || undefined}
      aria-hidden={leaving || undefined}
    >
      {/* Keyed by the state, so that a flip starts its animation afresh. */}
      <StoreIcon
        key={message.seen ? 'read' : 'unread'}
        kind={message.seen ? 'read' : 'unread'}
        text={message.seen ? (place === 'server' ? '\\Seen' : 'read') : 'unread'}
        className={`${styles.state} ${seenFlipped && animate && !leaving ? styles.flipIn : ''}`}
      />
      <span className={styles.from}>
        {message.from || '(no sender)'}
        {message.account ? <span className={styles.account}> · {message.account}</span> : null}
      </span>
      {/* The tooltip gives a mouse what a one-line card (a short window) hides; keyboard focus on the list shows it. */}
      <span
        className={styles.subject}
        title={`${message.subject}: from ${message.from || '(no sender)'}, ${formatBytes(message.size)}`}
      >
        {message.subject}
      </span>
      <span className={styles.foot}>
        <span className={styles.meta}>
          {message.uid !== null && <span>UID {message.uid}</span>}
          <span>{formatBytes(message.size)}</span>
        </span>
        <span className={styles.icons}>
          {message.flagged && (
            <StoreIcon
              kind="flagged"
              text={place === 'server' ? '\\Flagged' : 'flagged'}
              className={animate && change?.what.includes('now flagged') ? styles.flagIn : ''}
            />
          )}
          {message.deleted && (
            <StoreIcon
              kind="deleted"
              text={place === 'server' ? '\\Deleted' : 'marked \\Deleted'}
              className={animate && change?.what.includes('marked \\Deleted') ? styles.flagIn : ''}
            />
          )}
          {message.onServer !== null && (
            <StoreIcon
              kind={message.onServer === 'only' ? 'only' : 'cached'}
              text={ON_SERVER_WORDS[message.onServer]}
            />
          )}
          {message.copy && <StoreIcon kind={COPY_ICON[message.copy]} text={message.copy} shown />}
        </span>
      </span>
      {change && !leaving && (
        <span className={styles.change}>
          <span className={styles.visuallyHidden}>Changed {moment}: </span>
          {change.what.join(', ')}
        </span>
      )}
    </li>
  );
}

/** One card to draw: its key, whether the step removed it, and what it shows. */
export interface ListedCard {
  readonly key: string;
  readonly leaving: boolean;
  readonly message: CardMessage;
}

/**
 * A store's messages as a list of cards (the server's INBOX, a device's mail): scrolls when long,
 * so it is one Tab stop; `empty` is said when it holds nothing (cards leaving do not count).
 */
export function CardList({
  label,
  place,
  listed,
  changes,
  animate,
  empty,
  moment,
}: {
  label: string;
  place: 'server' | 'device';
  listed: readonly ListedCard[];
  /** What this step changed, by card key (see store-diff.ts). */
  changes: ReadonlyMap<string, MessageChange>;
  animate: boolean;
  empty: string;
  /** When the changes happened, in words (see MessageCard). */
  moment?: string;
}) {
  return (
    <ul className={styles.cards} aria-label={label} tabIndex={0}>
      {listed.map(({ key, leaving, message }) => (
        <MessageCard
          key={key}
          place={place}
          animate={animate}
          leaving={leaving}
          change={changes.get(key)}
          moment={moment}
          message={message}
        />
      ))}
      {listed.every((c) => c.leaving) && <li className={styles.empty}>{empty}</li>}
    </ul>
  );
}
