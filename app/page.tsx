import CompareShell from './_components/CompareShell';

/** The compare view. Its state lives in the URL, read on the client. */
export default function HomePage() {
  return (
    <main>
      <CompareShell />
    </main>
  );
}
