import type { Metadata } from 'next';
import HandoutShell from './_components/HandoutShell';

export const metadata: Metadata = { title: 'Handout — POP vs IMAP Lab' };

/** /handout/?scenario=<id>: a scenario's narration and transcripts, laid out for printing. */
export default function HandoutPage() {
  return <HandoutShell />;
}
