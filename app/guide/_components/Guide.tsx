'use client';
import Link from 'next/link';
import { useState } from 'react';
import { catalogEntry } from '@/simulations/catalog';
import styles from '../../_components/compare.module.css';
import guide from './guide.module.css';
import { NUANCES, QUESTIONS, recommend, type Answers } from '../recommend';

/** "Which should I choose?": each answer moves the recommendation and links to the proof. */
export default function Guide() {
  const [answers, setAnswers] = useState<Answers>({});
  const result = recommend(answers);
  const answered = Object.keys(answers).length;
  return (
    <div className={guide.page}>
      <p className={guide.nav}>
        <Link href="/">POP vs IMAP Lab</Link>
      </p>
      <h1>Which should I choose: POP3 or IMAP?</h1>
      <p>
        Answer what applies to you; each answer moves the recommendation, and each reason links to the
        scenario that shows it.
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
        <ul>
          {result.reasons.map((r) => (
            <li key={r.text}>
              <strong>{r.favours}:</strong> {r.text}{' '}
              <Link href={`/?scenario=${r.scenario}`}>See it: {catalogEntry(r.scenario).title}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="nuance-heading">
        <h2 id="nuance-heading">Whatever you choose</h2>
        <ul>
          {NUANCES.map((n) => (
            <li key={n.text}>
              {n.text} <Link href={`/?scenario=${n.scenario}`}>See it: {catalogEntry(n.scenario).title}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
