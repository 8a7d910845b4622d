import type { StoreSnapshot } from '@/lib/mailstore/snapshot';
import type { LiveEvent, LiveInfo, LiveLine, LiveSessionView } from '@/lib/live/hub';

/** What the browser keeps: bounded, however long the workshop runs. */
export const LINES_PER_SESSION = 100;
export const SESSIONS_SHOWN = 60;

export interface LiveModel {
  info: LiveInfo | null;
  store: StoreSnapshot | null;
  sessions: LiveSessionView[];
}

export const EMPTY_MODEL: LiveModel = { info: null, store: null, sessions: [] };

/** Applies one server event to the page's model (pure, so it can be tested). */
export function applyLiveEvent(model: LiveModel, event: LiveEvent): LiveModel {
  if (event.type === 'store') return { ...model, store: event.store };
  if (event.type === 'session') {
    const existing = model.sessions.find((s) => s.id === event.session.id);
    const merged = existing ? { ...event.session, lines: existing.lines } : event.session;
    const others = model.sessions.filter((s) => s.id !== event.session.id);
    return { ...model, sessions: bound([...others, merged].sort((a, b) => a.id - b.id)) };
  }
  const sessions = model.sessions.map((s) =>
    s.id === event.session ? { ...s, state: event.line.state, lines: appendLine(s.lines, event.line) } : s,
  );
  if (!sessions.some((s) => s.id === event.session)) {
    // A line for a session we have not seen yet: its 'session' event follows at once.
    sessions.push({
      id: event.session,
      protocol: 'imap',
      client: '',
      state: event.line.state,
      open: true,
      lines: [event.line],
    });
  }
  return { ...model, sessions: bound(sessions) };
}

function appendLine(lines: readonly LiveLine[], line: LiveLine): LiveLine[] {
  const next = [...lines, line];
  return next.length > LINES_PER_SESSION ? next.slice(next.length - LINES_PER_SESSION) : next;
}

/** Keeps every open session and the most recent closed ones. */
function bound(sessions: LiveSessionView[]): LiveSessionView[] {
  if (sessions.length <= SESSIONS_SHOWN) return sessions;
  const closed = sessions.filter((s) => !s.open);
  const drop = new Set(closed.slice(0, sessions.length - SESSIONS_SHOWN).map((s) => s.id));
  return sessions.filter((s) => !drop.has(s.id));
}
