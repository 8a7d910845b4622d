'use client';
import { useReducedMotion } from 'motion/react';
import * as m from 'motion/react-m';
import type { Tone } from './frame-text';
import styles from './compare.module.css';

/**
 * One wire unit travelling along a lane: a command right to left (device to server), a reply
 * left to right. Under reduced motion it simply appears at its destination.
 */
export function Packet(props: { toServer: boolean; tone: Tone; label: string; durationMs: number }) {
  const reduced = useReducedMotion();
  const { toServer } = props;
  return (
    <m.span
      className={`${styles.packet} ${styles[`tone-${props.tone}`]}`}
      initial={reduced ? false : { left: toServer ? '100%' : '0%', x: toServer ? '-100%' : '0%' }}
      animate={{ left: toServer ? '0%' : '100%', x: toServer ? '0%' : '-100%' }}
      transition={{
        duration: reduced ? 0 : Math.min(0.9, (props.durationMs * 0.7) / 1000),
        ease: 'easeInOut',
      }}
    >
      {props.label}
    </m.span>
  );
}
