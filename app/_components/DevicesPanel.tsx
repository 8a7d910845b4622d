'use client';
import { AnimatePresence } from 'motion/react';
import * as m from 'motion/react-m';
import { describeClientState } from '@/simulations/client-states';
import { memo } from 'react';
import type { DeviceSnapshot } from '@/simulations/types';
import { formatBytes } from './frame-text';
import { GRID_THRESHOLD, MessageGrid } from './MessageGrid';
import styles from './compare.module.css';

const KIND_LABEL = { laptop: 'Laptop', phone: 'Phone', webmail: 'Webmail' } as const;

function deviceTitle(device: DeviceSnapshot): string {
  const name = device.id.charAt(0).toUpperCase() + device.id.slice(1);
  return name === KIND_LABEL[device.kind] ? name : `${name} (${KIND_LABEL[device.kind].toLowerCase()})`;
}

/** Each device: online or not, connected or not, and the mail stored on it. */
export function DevicesPanel({
  devices,
  protocol,
  generation,
}: {
  devices: readonly DeviceSnapshot[];
  /** The same protocol's devices at the previous step, to highlight what this step changed. */
  previous?: readonly DeviceSnapshot[];
  protocol: string;
  generation: number;
}) {
  return (
    <div className={styles.devices}>
      {devices.map((device) => (
        <DeviceCard key={device.id} device={device} protocol={protocol} generation={generation} />
      ))}
    </div>
  );
}

/** One device. Frames share unchanged device snapshots, so an unchanged card is not redrawn. */
const DeviceCard = memo(function DeviceCard({
  device,
  protocol,
  generation,
}: {
  device: DeviceSnapshot;
  protocol: string;
  generation: number;
}) {
  return (
    <div className={styles.device}>
      <h3 className={styles.panelTitle}>
        {deviceTitle(device)}
        <span className={device.online ? styles.online : styles.offline}>
          {device.online ? 'online' : 'offline'}
        </span>
        {device.connected && <span className={styles.connected}>connected</span>}
      </h3>
      <p className={styles.deviceMeta}>
        {device.client === 'server'
          ? 'Reads the server mailbox directly; stores nothing.'
          : `${protocol} client: ${describeClientState(device.client, device.clientState)}. Stored here: ${formatBytes(device.localBytes)}.`}
      </p>
      {device.client !== 'server' && (
        <p className={styles.deviceSettings}>
          <span>Settings:</span> {device.settings}
        </p>
      )}
      {device.messages.length > GRID_THRESHOLD ? (
        <MessageGrid
          label={`On the ${device.id}`}
          messages={device.messages.map((m) => ({
            ...m,
            hasBody: device.client === 'server' ? null : m.hasBody,
          }))}
        />
      ) : (
        <ul key={generation} className={styles.messageList} aria-label={`Mail on the ${device.id}`}>
          <AnimatePresence initial={false}>
            {device.messages.map((message, index) => (
              <m.li
                // A POP3 client may hold two copies of one UID after a dropped session.
                key={`${message.account}-${message.uid}-${index}`}
                initial={{ opacity: 0, y: -6 }}
                animate={{ opacity: 1, y: 0 }}
                exit={{ opacity: 0 }}
                className={`${styles.message} ${message.seen ? styles.seen : styles.unseen}`}
              >
                <span className={styles.uid}>{message.uid}</span>
                <span className={styles.subject}>
                  {message.subject}
                  {message.account !== 'student' ? ` · ${message.account}` : ''}
                </span>
                <span className={styles.badges}>
                  {message.seen ? (
                    <span className={styles.badge}>read</span>
                  ) : (
                    <span className={styles.badgeUnread}>unread</span>
                  )}
                  {message.flagged && <span className={styles.badge}>flagged</span>}
                  {message.deleted && <span className={styles.badgeHeader}>marked \Deleted</span>}
                  {device.client !== 'server' && (
                    <span className={message.hasBody ? styles.badgeFull : styles.badgeHeader}>
                      {!message.hasBody ? 'headers only' : message.partial ? 'text part only' : 'full copy'}
                    </span>
                  )}
                </span>
              </m.li>
            ))}
          </AnimatePresence>
          {device.messages.length === 0 && <li className={styles.empty}>no mail on this device</li>}
        </ul>
      )}
    </div>
  );
});
