import type { Metadata } from 'next';
import Link from 'next/link';
import { CLAIMS } from '@/simulations/claims';
import { resolveLinks } from '@/simulations/resolve-links';
import { ClaimList } from '../claims/_components/ClaimList';
import claimStyles from '../claims/_components/claims.module.css';
import Guide from './_components/Guide';
import { guideLinks } from './recommend';

export const metadata: Metadata = { title: 'Which should I choose: POP3 or IMAP? — POP vs IMAP Lab' };

/**
 * /guide: an interactive, honest guide to choosing between the protocols, with the common claims
 * panel. Every link's step is found at build time by running its scenario.
 */
export default function GuidePage() {
  const links = resolveLinks(guideLinks());
  const claimLinks = resolveLinks(CLAIMS.map((c) => ({ id: c.id, link: c.link })));
  return (
    <main>
      <Guide links={links}>
        <section aria-labelledby="claims-heading" className={claimStyles.panel}>
          <h2 id="claims-heading">Common claims, checked</h2>
          <p>
            What popular articles say, and what the RFCs and the scenarios show. The full reasons are on the{' '}
            <Link href="/claims/">common claims page</Link>.
          </p>
          <ClaimList claims={CLAIMS} links={claimLinks} compact headingLevel={3} />
        </section>
      </Guide>
    </main>
  );
}
