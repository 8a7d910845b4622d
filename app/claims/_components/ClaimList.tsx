import Link from 'next/link';
import type { Claim, Verdict } from '@/simulations/claims';
import type { ResolvedLink } from '@/simulations/resolve-links';
import { GlossaryText } from '../../_components/GlossaryText';
import { SeeIt } from '../../guide/_components/SeeIt';
import styles from './claims.module.css';

const VERDICT: Record<Verdict, { label: string; className: string }> = {
  true: { label: 'True', className: styles.true! },
  false: { label: 'False', className: styles.false! },
  'it depends': { label: 'It depends', className: styles.depends! },
};

/** A claim's verdict as a badge: True, False or It depends. */
export function VerdictBadge(props: { verdict: Verdict }) {
  const v = VERDICT[props.verdict];
  return <span className={`${styles.verdict} ${v.className}`}>{v.label}</span>;
}

/**
 * The checked claims, in full (`/claims/`: why, who decides, and the step with its narration)
 * or `compact` (the guide's panel: claim, verdict, the step, and a link to the full entry).
 * `links` holds each claim's resolved step, by claim id.
 */
export function ClaimList(props: {
  claims: readonly Claim[];
  links: Readonly<Record<string, ResolvedLink>>;
  compact?: boolean;
  headingLevel: 2 | 3;
}) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className={styles.list}>
      {props.claims.map((c) => {
        const link = props.links[c.id]!;
        return (
          <li key={c.id} id={props.compact ? undefined : c.id} className={styles.claim}>
            <Heading className={styles.claimText}>
              <VerdictBadge verdict={c.verdict} /> “{c.claim}”
            </Heading>
            {props.compact ? (
              <p className={styles.links}>
                {/* The claim in quotes: "Why: <claim>" read as if the claim were the reason. */}
                <Link href={`/claims/#${c.id}`}>Read why: “{c.claim.replace(/\.$/, '')}”</Link>
                <SeeIt link={link} />
              </p>
            ) : (
              <>
                <p>
                  <GlossaryText text={c.why} />
                </p>
                <p className={styles.decided}>Decided by: {c.decidedBy.join(' and ')}.</p>
                <p className={styles.links}>
                  <SeeIt link={link} />
                  <span className={styles.shows}>
                    In the {link.protocol === 'pop3' ? 'POP3' : 'IMAP'} column, {link.shows}. At that step the
                    column says: “<span data-testid={`narration-${c.id}`}>{link.narration}</span>”
                  </span>
                </p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
