import type { Frame } from '@/simulations/types';
import { formatBytes } from './frame-text';
import styles from './compare.module.css';

/** The protocols compared at this step, in numbers. */
export function MetricsStrip({ pop3, imap }: { pop3: Frame; imap: Frame }) {
  const rows: [string, (f: Frame) => string][] = [
    ['Bytes down', (f) => formatBytes(f.metrics.bytesDown)],
    ['Bytes up', (f) => formatBytes(f.metrics.bytesUp)],
    ['Round trips', (f) => String(f.metrics.roundTrips)],
    ['Messages on the server', (f) => String(f.metrics.serverMessages)],
    ...pop3.devices.map(
      (d, i) =>
        [`Messages on the ${d.id}`, (f: Frame) => String(f.devices[i]?.messages.length ?? 0)] as [
          string,
          (f: Frame) => string,
        ],
    ),
    ['Virtual time', (f) => `${(f.t / 1000).toFixed(1)} s`],
  ];
  return (
    <div className={styles.metricsWrap}>
      <table className={styles.metrics}>
        <caption className={styles.visuallyHidden}>POP3 and IMAP compared at this step</caption>
        <thead>
          <tr>
            <td />
            {rows.map(([label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[['POP3', pop3] as const, ['IMAP', imap] as const].map(([name, frame]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {rows.map(([label, value]) => (
                <td key={label}>{value(frame)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
