import { Fragment } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { GLOSSARY } from '@/simulations/glossary';
import styles from '../claims/_components/claims.module.css';
import { GlossaryText } from '../_components/GlossaryText';

export const metadata: Metadata = { title: 'Glossary — POP vs IMAP Lab' };

/**
 * /glossary: every term the lab uses as jargon, defined with its RFC section. Each entry's id is
 * its anchor; narrations and explanations link here at a term's first use (GlossaryText).
 */
export default function GlossaryPage() {
  const entries = [...GLOSSARY].sort((a, b) =>
    a.term.replace(/^\W+/, '').localeCompare(b.term.replace(/^\W+/, ''), 'en', { sensitivity: 'base' }),
  );
  return (
    <main className={styles.page}>
      <nav aria-label="More of the lab" className={styles.nav}>
        <Link href="/">POP vs IMAP Lab</Link>
        <Link href="/guide/">Which should I choose?</Link>
        <Link href="/claims/">Common claims, checked</Link>
      </nav>
      <h1>Glossary</h1>
      <p>
        The words the lab’s narrations and explanations use, in plain English, each with the RFC section that
        defines it. A narration links a term here the first time it uses it.
      </p>
      <dl className={styles.glossary}>
        {entries.map((g) => (
          <div key={g.id} id={g.id} className={styles.entry}>
            <dt>
              <dfn>{g.term}</dfn>
            </dt>
            <dd>
              <GlossaryText text={g.definition} skip={new Set([g.id])} />{' '}
              {/* Each RFC's citation kept on one line; a long list breaks between them (320 px). */}
              <span className={styles.rfcs}>
                (
                {g.rfc.split('; ').map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 && '; '}
                    <span className={styles.rfc}>{part}</span>
                  </Fragment>
                ))}
                )
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
