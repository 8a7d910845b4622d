import styles from '../../_components/compare.module.css';

/** `controls=minimal`: step back, play/pause and step forward, nothing else. */
export function MinimalControls(props: {
  step: number;
  lastStep: number;
  playing: boolean;
  onPlay: () => void;
  onStep: (step: number) => void;
}) {
  const { step, lastStep } = props;
  return (
    <div className={styles.controls} role="group" aria-label="Player">
      <button
        type="button"
        className={styles.button}
        onClick={() => props.onStep(step - 1)}
        disabled={step === 0}
      >
        Step back
      </button>
      <button type="button" className={`${styles.button} ${styles.primary}`} onClick={props.onPlay}>
        {props.playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={styles.button}
        onClick={() => props.onStep(step + 1)}
        disabled={step >= lastStep}
      >
        Step forward
      </button>
    </div>
  );
}
