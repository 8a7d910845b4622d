import { Suspense } from 'react';
import CompareApp from './_components/CompareApp';

/** The compare view. Its state lives in the URL, read on the client. */
export default function HomePage() {
  return (
    <main>
      <Suspense fallback={<p style={{ padding: '2rem' }}>Loading the lab…</p>}>
        <CompareApp />
      </Suspense>
    </main>
  );
}
