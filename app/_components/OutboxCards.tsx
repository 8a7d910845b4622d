import type { OutboxSnapshot } from '@/lib/mailstore/snapshot';
import { formatBytes } from './frame-text';
import styles from './compare.module.css';
import cards from './stores.module.css';

/**
 * The server's teaching outbox: mail accepted for other domains, one group per destination
 * domain, named by where a real server would relay it (the MX lookup of RFC 5321 §5.1, which the
 * lab does not make: it has no network and sends nothing).
 */
export function OutboxCards({ outbox }: { outbox: readonly OutboxSnapshot[] }) {
  const groups = new Map<
    string,
    { route: string; items: { key: string; entry: OutboxSnapshot; to: string }[] }
  >();
  for (const entry of outbox)
    for (const relay of entry.relays) {
      const group = groups.get(relay.domain) ?? { route: relay.route, items: [] };
      group.items.push({ key: `${entry.id}:${relay.domain}`, entry, to: relay.recipients.join(', ') });
      groups.set(relay.domain, group);
    }
  return (
    <>
      {[...groups].map(([domain, group]) => (
        <div key={domain}>
          <p className={styles.accountName}>
            Outbox (would be relayed to the mail exchanger, MX, of {domain}): {group.items.length} message
            {group.items.length === 1 ? '' : 's'}
          </p>
          <details className={styles.meterLabel}>
            <summary>How a real server would find it (MX lookup, RFC 5321 §5.1)</summary>
            {group.route}
          </details>
          <ul className={cards.cards} aria-label={`Outbox for ${domain}`} tabIndex={0}>
            {group.items.map(({ key, entry, to }) => (
              <li key={key} className={cards.card} title={`from ${entry.from || '<>'} to ${to}`}>
                <span className={cards.from}>to {to}</span>
                <span className={cards.meta}>{formatBytes(entry.size)}</span>
                <span className={cards.subject}>{entry.subject}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
