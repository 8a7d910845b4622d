'use client';
import { useReducedMotion } from 'motion/react';
import { describeClientState } from '@/simulations/client-states';
import { memo, useMemo } from 'react';
import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import type { DeviceSnapshot } from '@/simulations/types';
import { formatBytes } from './frame-text';
import { FolderCards } from './FolderCards';
import { CardList } from './MessageCard';
import { useChangeInView } from './use-change-in-view';
import { useOverflowTabStop } from './use-overflow-tab-stop';
import { GRID_THRESHOLD, MessageGrid } from './MessageGrid';
import { RemovedNote } from './RemovedNote';
import { copyWords, deviceKeys, diffDevice, serverKey, withLeaving } from './store-diff';
import styles from './compare.module.css';

const KIND_LABEL = { laptop: 'Laptop', phone: 'Phone', webmail: 'Webmail' } as const;

function deviceTitle(device: DeviceSnapshot): string {
  const name = device.id.charAt(0).toUpperCase() + device.id.slice(1);
  return name === KIND_LABEL[device.kind] ? name : `${name} (${KIND_LABEL[device.kind].toLowerCase()})`;
}

/** Card keys (`account/uid`) of the messages in the server's INBOXes. */
function serverKeys(server: StoreSnapshot): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const account of server.accounts) {
    const inbox = account.mailboxes.find((b) => b.name === 'INBOX');
    for (const m of inbox?.messages ?? []) keys.add(serverKey(account.user, m.uid));
  }
  return keys;
}

/**
 * Each device: online or not, connected or not (its mail client, and SMTP while it sends), its
 * client's settings and state, and the mail stored on it as cards. What this step changed,
 * against `previous`, is highlighted; with `server`, each stored copy says whether the server
 * still has the original.
 */
export function DevicesPanel({
  devices,
  previous,
  server,
  protocol,
  still,
}: {
  devices: readonly DeviceSnapshot[];
  /** The same protocol's devices at the previous step, to highlight what this step changed. */
  previous?: readonly DeviceSnapshot[];
  /** The same frame's server, to tell a cached copy from the only one. */
  server?: StoreSnapshot;
  protocol: string;
  /** No motion at this step (it was reached by a jump): cards show their new state at once. */
  still: boolean;
}) {
  // Frames share unchanged snapshots, so this is computed again only when the server changed.
  const onServer = useMemo(() => (server ? serverKeys(server) : null), [server]);
  return (
    <div className={styles.devices}>
      {devices.map((device) => (
        <DeviceCard
          key={device.id}
          device={device}
          previous={previous?.find((d) => d.id === device.id)}
          onServer={device.client === 'server' ? null : onServer}
          protocol={protocol}
          still={still}
        />
      ))}
    </div>
  );
}

/** One device. Frames share unchanged device snapshots, so an unchanged card is not redrawn. */
const DeviceCard = memo(function DeviceCard({
  device,
  previous,
  onServer,
  protocol,
  still,
}: {
  device: DeviceSnapshot;
  previous: DeviceSnapshot | undefined;
  onServer: ReadonlySet<string> | null;
  protocol: string;
  still: boolean;
}) {
  const animate = !(useReducedMotion() ?? false) && !still;
  const diff = diffDevice(device, previous);
  const keys = deviceKeys(device.messages);
  // Cards this step removed fade out where they were (only with motion; the note below says it).
  const shown = withLeaving(
    device.messages,
    keys,
    animate && previous && diff.removed.length > 0
      ? { messages: previous.messages, keys: deviceKeys(previous.messages) }
      : undefined,
  );
  const stores = device.client !== 'server';
  // On wide screens each device scrolls in its share of the stores' column (compare.module.css).
  const [ref, tabIndex] = useOverflowTabStop<HTMLDivElement>({ unlessFocusableInside: true });
  useChangeInView(ref, device);
  return (
    <div ref={ref} tabIndex={tabIndex} className={styles.device} data-store={device.id}>
      <h3 className={styles.panelTitle}>
        {deviceTitle(device)}
        <span className={device.online ? styles.online : styles.offline}>
          {device.online ? 'online' : 'offline'}
        </span>
        {device.connected && <span className={styles.connected}>connected</span>}
        {device.smtp && <span className={styles.connected}>SMTP connected</span>}
      </h3>
      {/* The mail first: in a short window the panel shows its first lines (layout.module.css). */}
      {device.messages.length > GRID_THRESHOLD ? (
        <MessageGrid
          label={`On the ${device.id}`}
          messages={device.messages.map((m, i) => ({
            uid: m.uid,
            seen: m.seen,
            flagged: m.flagged,
            deleted: Boolean(m.deleted),
            copy: stores ? copyWords(m) : null,
            changed: diff.changed.has(keys[i]!),
          }))}
        />
      ) : (
        <CardList
          label={`Mail on the ${device.id}`}
          place="device"
          animate={animate}
          changes={diff.changed}
          empty="no mail on this device"
          listed={shown.map(({ message, key, leaving }) => ({
            key,
            leaving,
            message: {
              from: message.from,
              subject: message.subject,
              size: message.size,
              seen: message.seen,
              flagged: message.flagged,
              deleted: Boolean(message.deleted),
              uid: null,
              copy: stores ? copyWords(message) : null,
              onServer: !onServer
                ? null
                : !onServer.has(serverKey(message.account, message.uid))
                  ? 'only'
                  : device.client === 'imap'
                    ? 'cache'
                    : 'copy',
              account: message.account !== 'student' ? message.account : null,
            },
          }))}
        />
      )}
      <RemovedNote subjects={diff.removed} place={`from the ${device.id}`} />
      <p className={styles.deviceMeta}>
        {stores
          ? `${protocol} client: ${describeClientState(device.client, device.clientState)}. Stored here: ${formatBytes(device.localBytes)}.`
          : 'Reads the server mailbox directly; stores nothing.'}
      </p>
      {stores && (
        <p className={styles.deviceSettings} title={`Settings: ${device.settings}`}>
          <span>Settings:</span> {device.settings}
        </p>
      )}
      {device.folder && <FolderCards folder={device.folder} device={device.id} />}
    </div>
  );
});
