import type { Metadata } from 'next';
import LiveView from './_components/LiveView';

export const metadata: Metadata = { title: 'Live: watch a real mail client — POP vs IMAP Lab' };

/** /live: real clients talking to the lab's own mail server, as it happens. */
export default function LivePage() {
  return (
    <main>
      <LiveView />
    </main>
  );
}
