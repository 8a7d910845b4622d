'use client';
import { useEffect } from 'react';

export interface Shortcuts {
  togglePlay(): void;
  back(): void;
  forward(): void;
  first(): void;
  last(): void;
  help(): void;
}

/** Elements whose own keys must win: typing, sliders, menus, buttons (Space presses them). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return Boolean(target.closest('input, textarea, select, button, summary, dialog, [role="slider"], a'));
}

/** Space play/pause, ←/→ step, Home/End, ? help (issue: compare UI). */
export function useShortcuts(shortcuts: Shortcuts) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === '?') {
        if (e.target instanceof HTMLElement && e.target.closest('input, textarea')) return;
        e.preventDefault();
        shortcuts.help();
        return;
      }
      if (ownsKeys(e.target)) return;
      const action: Record<string, (() => void) | undefined> = {
        ' ': shortcuts.togglePlay,
        ArrowLeft: shortcuts.back,
        ArrowRight: shortcuts.forward,
        Home: shortcuts.first,
        End: shortcuts.last,
      };
      const run = action[e.key];
      if (run) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
}
