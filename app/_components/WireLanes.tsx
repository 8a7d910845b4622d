'use client';
import { useReducedMotion } from 'motion/react';
import * as m from 'motion/react-m';
import type { DeviceSnapshot, Frame } from '@/simulations/types';
import { packetLabel, toneOf } from './frame-text';
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
  const reduced = useReducedMotion();
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
                <m.span
                  key={frame.step}
                  className={`${styles.packet} ${styles[`tone-${toneOf(frame)}`]}`}
                  initial={reduced ? false : { left: toServer ? '100%' : '0%', x: toServer ? '-100%' : '0%' }}
                  animate={{ left: toServer ? '0%' : '100%', x: toServer ? '0%' : '-100%' }}
                  transition={{
                    duration: reduced ? 0 : Math.min(0.9, (durationMs * 0.7) / 1000),
                    ease: 'easeInOut',
                  }}
                >
                  {packetLabel(frame)}
                </m.span>
              )}
            </div>
            <span className={styles.laneEnd}>{device.id}</span>
          </div>
        );
      })}
    </div>
  );
}
