'use client';
import { useEffect, useState } from 'react';
import { SseParser } from './sse-parser';

/** Where a class page's stream stands, as the page shows it. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'unavailable' | 'refused';

/** Seconds between attempts after the stream breaks (the server's `retry:` is 2 s, too). */
const RETRY_MS = 2_000;

/**
 * Reads a class view stream (app/api/class/events) with fetch, sending `headers` (the trainer
 * key or the student's token), and keeps the newest view. Reconnects by itself after a break;
 * stops on 401 ('refused', with the server's message) and on 404 ('unavailable': a static copy
 * of the lab has no server). `headers` null: not yet (no token).
 */
export function useClassStream<T>(
  url: string,
  headers: Record<string, string> | null,
): { view: T | null; status: StreamStatus; error: string | null } {
  const [view, setView] = useState<T | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  const key = headers === null ? null : JSON.stringify(headers);

  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connect = async () => {
      try {
        const response = await fetch(url, {
          headers: JSON.parse(key) as Record<string, string>,
          cache: 'no-store',
          signal: abort.signal,
        });
        if (response.status === 401 || response.status === 404 || response.status === 503) {
          const body = (await response.json().catch(() => null)) as { error?: string } | null;
          setStatus(response.status === 401 ? 'refused' : 'unavailable');
          setError(
            response.status === 404
              ? 'This copy of the lab is a static site: it has no server, so there is no class.'
              : (body?.error ?? 'The server refused.'),
          );
          return;
        }
        if (!response.ok || !response.body) throw new Error(String(response.status));
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            if (event.event === 'gone') {
              setStatus('refused');
              setError('You are no longer in this class.');
              return;
            }
            setView(JSON.parse(event.data) as T);
            setStatus('live');
            setError(null);
          }
        }
        throw new Error('ended');
      } catch {
        if (abort.signal.aborted) return;
        setStatus('reconnecting');
        timer = setTimeout(() => void connect(), RETRY_MS);
      }
    };
    void connect();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
    };
  }, [url, key]);

  return { view, status, error };
}

/** The words for a stream's status, for a `role="status"` line. */
export function statusText(status: StreamStatus): string {
  switch (status) {
    case 'connecting':
      return 'Connecting to the class…';
    case 'live':
      return 'Connected: live.';
    case 'reconnecting':
      return 'Disconnected: reconnecting…';
    case 'unavailable':
      return 'Unavailable.';
    case 'refused':
      return 'Not connected.';
  }
}
