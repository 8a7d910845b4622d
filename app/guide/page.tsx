import type { Metadata } from 'next';
import Guide from './_components/Guide';

export const metadata: Metadata = { title: 'Which should I choose: POP3 or IMAP? — POP vs IMAP Lab' };

/** /guide: an interactive, honest guide to choosing between the protocols. */
export default function GuidePage() {
  return (
    <main>
      <Guide />
    </main>
  );
}
