import type { Metadata } from 'next';
import StudentClass from './_components/StudentClass';
import styles from './_components/class.module.css';

export const metadata: Metadata = { title: 'Class — POP vs IMAP Lab' };

/** /class/: a student's page in a class (docs/CLASSROOM.md). */
export default function ClassPage() {
  return (
    <main className={styles.page}>
      <StudentClass />
    </main>
  );
}
