import type { Metadata } from 'next';
import Link from 'next/link';
import { CLAIMS } from '@/simulations/claims';
import { resolveLinks } from '@/simulations/resolve-links';
import { ClaimList } from './_components/ClaimList';
import styles from './_components/claims.module.css';

export const metadata: Metadata = { title: 'Common claims about POP3 and IMAP, checked — POP vs IMAP Lab' };

/**
 * /claims: what popular articles say about POP3 and IMAP, checked against the RFCs. Static: each
 * claim's step is found at build time by running its scenario (a broken link fails the build).
 */
export default function ClaimsPage() {
  const links = resolveLinks(CLAIMS.map((c) => ({ id: c.id, link: c.link })));
  return (
    <main className={styles.page}>
      <nav aria-label="More of the lab" className={styles.nav}>
        <Link href="/">POP vs IMAP Lab</Link>
        <Link href="/guide/">Which should I choose?</Link>
        <Link href="/glossary/">Glossary</Link>
      </nav>
      <h1>Common claims, checked</h1>
      <p>
        Articles comparing POP and IMAP repeat claims; some are right, many are wrong or only half true. Each
        one here gets a verdict, the reason with the RFC section behind it, who decides the matter (the
        protocol, your mail client’s settings, or your provider), and a link to the step of a scenario where
        you can watch it happen on the wire.
      </p>
      <ClaimList claims={CLAIMS} links={links} headingLevel={2} />
    </main>
  );
}
