/**
 * Node only. The trainer's choice for the Live page in class mode: show students' display names
 * on the trainer's page, or not (the default: "student 3"). One per process, kept where every
 * route handler finds it (route bundles do not share module state).
 */
const KEY = Symbol.for('pop-vs-imap-lab.class-live-names');

interface Setting {
  showNames: boolean;
}

function slot(): Setting {
  const global = globalThis as Record<symbol, Setting | undefined>;
  return (global[KEY] ??= { showNames: false });
}

/** Whether the trainer's Live page shows display names (false until the trainer switches). */
export function showNamesOnLive(): boolean {
  return slot().showNames;
}

/** The trainer switches names on or off. */
export function setShowNamesOnLive(show: boolean): void {
  slot().showNames = show;
}
