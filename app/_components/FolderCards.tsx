import type { DeviceSnapshot } from '@/simulations/types';
import { formatBytes } from './frame-text';
import styles from './compare.module.css';
import cards from './stores.module.css';

/**
 * The other folder an IMAP client last opened (e.g. Sent), as it fetched it: envelopes only,
 * read from the server (LIST, SELECT, UID FETCH ENVELOPE; RFC 9051 §6.3.9, §6.3.2, §6.4.5).
 */
export function FolderCards({
  folder,
  device,
}: {
  folder: NonNullable<DeviceSnapshot['folder']>;
  device: string;
}) {
  const n = folder.messages.length;
  return (
    <>
      <p className={styles.deviceMeta}>
        {folder.name} on the server, as the {device} last fetched it: {n} message{n === 1 ? '' : 's'}{' '}
        (envelopes only)
      </p>
      <ul
        className={cards.cards}
        aria-label={`${folder.name} on the server, seen from the ${device}`}
        tabIndex={0}
      >
        {folder.messages.map((m) => (
          <li key={m.uid} className={cards.card}>
            <span className={cards.from}>{m.from}</span>
            <span className={cards.meta}>{formatBytes(m.size)}</span>
            <span className={cards.subject}>{m.subject}</span>
          </li>
        ))}
        {n === 0 && <li className={cards.empty}>empty</li>}
      </ul>
    </>
  );
}
