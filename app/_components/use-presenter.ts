'use client';
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Presenter mode: the diagram, large, full screen where the browser allows it (the page asks;
 * a refusal leaves it in the window). `blanked` is the trainer's blank screen (B). Leaving full
 * screen by the browser's own means (Esc, F11) leaves presenter mode too.
 */
export function usePresenter(): {
  presenting: boolean;
  blanked: boolean;
  setBlanked: Dispatch<SetStateAction<boolean>>;
  /** Enters presenter mode, or leaves it. */
  toggle: () => void;
  /** Leaves presenter mode (and full screen). */
  leave: () => void;
} {
  const [presenting, setPresenting] = useState(false);
  const [blanked, setBlanked] = useState(false);
  const toggle = useCallback(() => {
    const next = !presenting;
    setPresenting(next);
    setBlanked(false);
    if (next) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, [presenting]);
  const leave = useCallback(() => {
    setPresenting(false);
    setBlanked(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  useEffect(() => {
    const onFullscreen = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => document.removeEventListener('fullscreenchange', onFullscreen);
  }, []);
  return { presenting, blanked, setBlanked, toggle, leave };
}
