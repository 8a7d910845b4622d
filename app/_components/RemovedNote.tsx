import styles from './stores.module.css';

/**
 * Names the messages this step removed from a store (expunged, deleted at POP3 QUIT, or a
 * copy dropped from a device): their cards fade out, and this line stays for the step. More
 * than three are counted, not named. `moment` says when, in words: "at this step" in a story,
 * "most recently" on the Live page (see ServerPanel).
 */
export function RemovedNote({
  subjects,
  place,
  moment = 'at this step',
}: {
  subjects: readonly string[];
  place: string;
  moment?: string;
}) {
  if (subjects.length === 0) return null;
  const n = subjects.length;
  return (
    <p className={styles.removed}>
      Removed {place} {moment}:{' '}
      {n === 1 ? subjects[0] : n <= 3 ? `${n} messages (${subjects.join(', ')})` : `${n} messages`}
    </p>
  );
}
