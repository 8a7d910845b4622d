'use client';
import { useEffect, useRef, useState } from 'react';

/** How long "Link copied." stays, from the latest copy (milliseconds). */
export const COPIED_MS = 4000;

/**
 * Copy link: `copy(url)` puts `url` on the clipboard and `status` says so ("Link copied.", gone
 * COPIED_MS after the latest copy); where the clipboard is refused, `status` holds the link to
 * copy by hand ("Copy this link: …") until the next try. Never rejects.
 */
export function useCopyLink(): { status: string; copy: (url: string) => Promise<void> } {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (url: string) => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
      timer.current = setTimeout(() => setStatus((s) => (s === 'Link copied.' ? '' : s)), COPIED_MS);
    } catch {
      setStatus(`Copy this link: ${url}`);
    }
  };
  return { status, copy };
}
