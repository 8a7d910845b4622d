import styles from './stores.module.css';

/** Every state a message card can show as an icon. */
export type IconKind =
  'unread' | 'read' | 'flagged' | 'deleted' | 'headers' | 'full' | 'partial' | 'cached' | 'only';

// The pictures are 16×16 outlines drawn by CSS (stores.module.css: an SVG mask per kind, filled
// with the kind's colour), so an icon is two elements, not an SVG tree: a store of many cards
// stays cheap to draw when a seek replaces it.

/**
 * One state as an icon with its words for screen readers, find-in-page and tests (`text`);
 * `shown` also prints the words beside the icon.
 */
export function StoreIcon({
  kind,
  text,
  shown = false,
  className = '',
}: {
  kind: IconKind;
  text: string;
  shown?: boolean;
  /** More classes for the icon (its place in a card, an animation). */
  className?: string;
}) {
  return (
    <span className={`${styles.icon} ${className}`} data-icon={kind}>
      <span className={shown ? styles.iconText : styles.visuallyHidden}>{text}</span>
    </span>
  );
}

/** The key to the icons, folded away until asked for (no script). */
export function IconKey() {
  const rows: [IconKind, string][] = [
    ['unread', 'unread'],
    ['read', 'read (\\Seen)'],
    ['flagged', 'flagged (\\Flagged)'],
    ['deleted', 'marked \\Deleted, not yet expunged'],
    [
      'headers',
      'envelope only: the client fetched a summary of the header (ENVELOPE), flags and size, not the body',
    ],
    ['partial', 'text part only: attachments left on the server'],
    ['full', 'full copy'],
    [
      'cached',
      'the server still has it: an IMAP client’s copy is a cache, kept in step; a POP3 client’s is a copy of its own',
    ],
    [
      'only',
      'gone from the server’s INBOX (the maildrop POP3 sees): the only copy, unless a folder such as Trash keeps one',
    ],
  ];
  return (
    <details className={styles.key}>
      <summary>Key to the icons</summary>
      <ul>
        {rows.map(([kind, text]) => (
          <li key={kind}>
            <StoreIcon kind={kind} text={text} shown />
          </li>
        ))}
      </ul>
    </details>
  );
}
