import styles from './stores.module.css';

/** Every state a message card can show as an icon. */
export type IconKind =
  'unread' | 'read' | 'flagged' | 'deleted' | 'headers' | 'full' | 'partial' | 'cached' | 'only';

// 16×16 outlines drawn in currentColor; the colour comes from the icon's kind (stores.module.css).
const PATHS: Record<IconKind, React.ReactNode> = {
  unread: <circle cx="8" cy="8" r="4.5" fill="currentColor" />,
  read: <circle cx="8" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  flagged: (
    <path d="M4 14.5V2h8.5l-2.2 3.2 2.2 3.3H4" fill="currentColor" stroke="currentColor" strokeWidth="1.3" />
  ),
  deleted: (
    <path
      d="M2.5 4h11M6 4V2.3h4V4M4 4l.8 10h6.4L12 4M6.7 6.5v5M9.3 6.5v5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    />
  ),
  headers: (
    <g fill="none" stroke="currentColor" strokeWidth="1.3">
      <rect x="2.5" y="1.5" width="11" height="13" rx="1" strokeDasharray="2 1.6" />
      <path d="M5 4.5h6M5 6.5h4" />
    </g>
  ),
  full: (
    <g fill="none" stroke="currentColor" strokeWidth="1.3">
      <rect x="2.5" y="1.5" width="11" height="13" rx="1" />
      <path d="M5 4.5h6M5 6.5h4M5 9h6M5 11h6" />
    </g>
  ),
  partial: (
    <g fill="none" stroke="currentColor" strokeWidth="1.3">
      <rect x="2.5" y="1.5" width="11" height="13" rx="1" />
      <path d="M5 4.5h6M5 6.5h4M5 9h6" />
      <path d="M2.5 11.5h11" strokeDasharray="1.5 1.5" />
    </g>
  ),
  cached: (
    <g fill="none" stroke="currentColor" strokeWidth="1.3">
      <path d="M4.5 12.5h7.2a2.8 2.8 0 0 0 .3-5.6 4 4 0 0 0-7.7 1A2.3 2.3 0 0 0 4.5 12.5z" />
      <path d="M6 9.8l1.4 1.3L10 8.3" />
    </g>
  ),
  only: (
    <g fill="none" stroke="currentColor" strokeWidth="1.3">
      <path d="M4.5 12.5h7.2a2.8 2.8 0 0 0 .3-5.6 4 4 0 0 0-7.7 1A2.3 2.3 0 0 0 4.5 12.5z" />
      <path d="M2 2l12 12" />
    </g>
  ),
};

/**
 * One state as an icon with its words for screen readers, find-in-page and tests (`text`);
 * `shown` also prints the words beside the icon.
 */
export function StoreIcon({ kind, text, shown = false }: { kind: IconKind; text: string; shown?: boolean }) {
  return (
    <span className={styles.icon} data-icon={kind}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        {PATHS[kind]}
      </svg>
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
    ['headers', 'headers only: the body was not downloaded'],
    ['partial', 'text part only: attachments left on the server'],
    ['full', 'full copy'],
    ['cached', 'the server still has it: this copy is a cache'],
    ['only', 'gone from the server: this is the only copy'],
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
