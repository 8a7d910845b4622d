'use client';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import type { ResolvedLink } from '@/simulations/resolve-links';
import { GlossaryText } from '../../_components/GlossaryText';
import styles from '../../_components/compare.module.css';
import guide from './guide.module.css';
import { NUANCES, QUESTIONS, recommend, type Answers, type Reason } from '../recommend';
import { SeeIt } from './SeeIt';

/**
 * "Which should I choose?": each answer moves the recommendation; each reason says what the
 * protocol, the client and the server decide, and links to the step that shows it (`links`,
 * by reason or nuance id, resolved at build time). `children` follow at the end of the page.
 */
export default function Guide(props: {
  links: Readonly<Record<string, ResolvedLink>>;
  children?: ReactNode;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const result = recommend(answers);
  const answered = Object.keys(answers).length;
  return (
    <div className={guide.page}>
      <nav aria-label="More of the lab" className={guide.nav}>
        <Link href="/">POP vs IMAP Lab</Link>
        <Link href="/claims/">Common claims, checked</Link>
        <Link href="/glossary/">Glossary</Link>
      </nav>
      <h1>Which should I choose: POP3 or IMAP?</h1>
      <p>
        Answer what applies to you; each answer moves the recommendation, and each reason links to the step of
        a scenario that shows it. Each reason also says which part is the protocol, which is a setting of your
        mail client, and which is your provider’s policy.
      </p>
      <form className={guide.questions} onSubmit={(e) => e.preventDefault()}>
        {QUESTIONS.map((q) => (
          <fieldset key={q.id} className={guide.question}>
            <legend>{q.text}</legend>
            {q.options.map((o) => (
              <label key={o.value} className={guide.option}>
                <input
                  type="radio"
                  name={q.id}
                  value={o.value}
                  checked={answers[q.id] === o.value}
                  onChange={() => setAnswers((a) => ({ ...a, [q.id]: o.value }))}
                />{' '}
                {o.label}
              </label>
            ))}
          </fieldset>
        ))}
        <button
          type="button"
          className={styles.button}
          onClick={() => setAnswers({})}
          disabled={answered === 0}
        >
          Start again
        </button>
      </form>
      <section aria-labelledby="verdict-heading" className={guide.result} aria-live="polite">
        <h2 id="verdict-heading">
          {answered === 0
            ? 'Answer a question to see a recommendation'
            : result.verdict === 'Either'
              ? 'Either will do: the trade-offs balance'
              : `Recommendation: ${result.verdict}`}
        </h2>
        <ul className={guide.reasons}>
          {result.reasons.map((r) => (
            <ReasonItem key={r.id} reason={r} link={props.links[r.id]} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="nuance-heading">
        <h2 id="nuance-heading">Whatever you choose</h2>
        <ul className={guide.reasons}>
          {NUANCES.map((n) => (
            <li key={n.id}>
              <GlossaryText text={n.text} /> {props.links[n.id] && <SeeIt link={props.links[n.id]!} />}
            </li>
          ))}
        </ul>
      </section>
      {props.children}
    </div>
  );
}

function ReasonItem(props: { reason: Reason; link: ResolvedLink | undefined }) {
  const { reason: r } = props;
  return (
    <li>
      <strong>{r.favours === 'Neither' ? 'Neither protocol' : r.favours}:</strong> {r.text}
      <dl className={guide.parts}>
        <dt>Protocol</dt>
        <dd>
          <GlossaryText text={r.protocol} />
        </dd>
        {r.client && (
          <>
            <dt>Client setting</dt>
            <dd>
              <GlossaryText text={r.client} />
            </dd>
          </>
        )}
        {r.server && (
          <>
            <dt>Server policy</dt>
            <dd>
              <GlossaryText text={r.server} />
            </dd>
          </>
        )}
      </dl>
      {props.link && <SeeIt link={props.link} />}
    </li>
  );
}
