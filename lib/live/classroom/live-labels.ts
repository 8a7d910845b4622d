/**
 * How the Live page names a class student's sessions (pure: the server and the page use it).
 * A session logged in to a class account (`student01` …, room.ts) is labelled with the
 * student's number, "student 3", unless the trainer has chosen to show names and this page is
 * the trainer's: then with the display name the student typed when joining. Sessions of other
 * accounts get no label.
 */

/** The number in a class account's name (`student03` → 3), or null for any other name. */
export function classStudentNumber(user: string): number | null {
  const match = /^student(\d{2,3})$/.exec(user);
  const n = match ? Number(match[1]) : 0;
  return n >= 1 ? n : null;
}

/** What the trainer's page learns from GET /api/class/labels/ (the trainer key in network mode). */
export interface ClassLabels {
  /** The trainer's choice: display names on the trainer's Live page (default false: anonymous). */
  readonly showNames: boolean;
  /** Display names by account (`student03` → "Ada"); empty unless `showNames`. */
  readonly names: Readonly<Record<string, string>>;
}

/** The anonymous label of class student `n`. */
export function anonymousLabel(n: number): string {
  return `student ${n}`;
}

/**
 * A session's label: the display name when `labels` (the trainer's page, names shown) holds
 * one for its account, else "student n" for a class student's session, else null.
 */
export function sessionLabel(
  session: { readonly user?: string | null; readonly student?: number | null },
  labels: ClassLabels | null,
): string | null {
  if (session.student === null || session.student === undefined) return null;
  const name = labels?.showNames && session.user ? labels.names[session.user] : undefined;
  return name ?? anonymousLabel(session.student);
}

/**
 * The labels the server sends the trainer's page: names only when the trainer chose to show
 * them, never otherwise.
 */
export function classLabelsFor(
  showNames: boolean,
  students: readonly { readonly user: string; readonly name: string }[],
): ClassLabels {
  return {
    showNames,
    names: showNames ? Object.fromEntries(students.map((s) => [s.user, s.name])) : {},
  };
}
