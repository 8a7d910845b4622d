'use client';
import type { DeviceSnapshot, Frame } from '@/simulations/types';
import { packetLabel, toneOf } from './frame-text';
import { Packet } from './Packet';
import styles from './compare.module.css';

/**
 * The network between the server and each device. The current wire unit travels as a packet
 * labelled with its verb: right to left for a command, left to right for a reply. With reduced
 * motion the packet simply appears at its destination.
 */
export function WireLanes({
  frame,
  devices,
  durationMs,
}: {
  frame: Frame;
  devices: readonly DeviceSnapshot[];
  durationMs: number;
}) {
  const lanes = devices.filter((d) => d.client !== 'server');
  return (
    <div className={styles.wire} aria-hidden="true">
      {lanes.map((device) => {
        const active = frame.device === device.id && frame.direction !== 'none';
        const toServer = frame.direction === 'c2s';
        return (
          <div key={device.id} className={`${styles.lane} ${device.online ? '' : styles.laneOffline}`}>
            <span className={styles.laneEnd}>server</span>
            <div className={styles.track}>
              {active && (
                <Packet
                  key={frame.step}
                  toServer={toServer}
                  tone={toneOf(frame)}
                  label={packetLabel(frame)}
                  durationMs={durationMs}
                />
              )}
            </div>
            <span className={styles.laneEnd}>{device.id}</span>
          </div>
        );
      })}
    </div>
  );
}
