import type { Metadata } from 'next';
import { LESSON_SCENARIOS } from '@/lib/live/classroom/lesson';
import Presenter from '../_components/Presenter';
import styles from '../_components/class.module.css';

export const metadata: Metadata = { title: 'Presenter — POP vs IMAP Lab class' };

/** /class/present/: the trainer's join screen and controls (docs/CLASSROOM.md). */
export default function PresentPage() {
  return (
    <main className={styles.page}>
      <h1>Class</h1>
      <Presenter scenarios={LESSON_SCENARIOS} />
    </main>
  );
}
