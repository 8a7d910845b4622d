'use client';
import { useEffect, useLayoutEffect, useRef } from 'react';

export interface Shortcuts {
  togglePlay(): void;
  back(): void;
  forward(): void;
  first(): void;
  last(): void;
  help(): void;
  /** Presenter mode only: blank the screen (B, as presentation software does). */
  blank?(): void;
  /** Presenter mode only: leave it (Escape, as full screen is left). */
  leave?(): void;
}

/**
 * Whether the focused element needs this key itself: fields, sliders, menus, radio groups and
 * dialogs (native or React Aria's `role="dialog"`) use them all;
 * buttons and links only Space (which presses them), so arrows still step after a click.
 */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target.closest(
      'input, textarea, select, dialog, [role="dialog"], [role="menu"], [role="radiogroup"], [role="slider"]',
    )
  )
    return true;
  return key === ' ' && Boolean(target.closest('button, summary, a'));
}

/** Space play/pause, ←/→ step, Home/End, ? help; in presenter mode B blanks, Escape leaves. */
export function useShortcuts(shortcuts: Shortcuts) {
  // The listener stays put and always calls the latest handlers: a key pressed right after an
  // update must not act on the view before it.
  const latest = useRef(shortcuts);
  useLayoutEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === '?') {
        if (e.target instanceof HTMLElement && e.target.closest('input, textarea')) return;
        e.preventDefault();
        latest.current.help();
        return;
      }
      if (ownsKey(e.target, e.key)) return;
      const s = latest.current;
      const action: Record<string, (() => void) | undefined> = {
        ' ': s.togglePlay,
        ArrowLeft: s.back,
        ArrowRight: s.forward,
        // Presentation clickers send PageUp/PageDown.
        PageUp: s.back,
        PageDown: s.forward,
        Home: s.first,
        End: s.last,
        b: s.blank,
        B: s.blank,
        Escape: s.leave,
      };
      const run = action[e.key];
      if (run) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
