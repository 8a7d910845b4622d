/**
 * A class student for bench:classroom: joined through the real join API, reading its page's
 * Server-Sent Events stream (/api/class/events/, the student's whole view per `data:` frame, as
 * lib/live/classroom/view-stream.ts sends it) and handing each view, with the time it arrived
 * (performance.now(), milliseconds), to `onView`.
 */
import { performance } from 'node:perf_hooks';

/** The parts of a student's view (lib/live/classroom/class-hub.ts StudentView) the bench reads. */
export interface BenchStudentView {
  me: { number: number; name: string; user: string; password: string };
  step: { scenario: string; step: number } | null;
  prompt: { key: string; choices: unknown[]; answered: number | null; revealed: boolean } | null;
}

/** Same-origin JSON, as the class routes require (lib/live/classroom/guard.ts). */
export function jsonHeaders(base: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin', ...extra };
}

/** Joins with `code` as `name`; resolves to the student's token, or throws with the server's answer. */
export async function join(base: string, code: string, name: string): Promise<string> {
  const response = await fetch(`${base}/api/class/join/`, {
    method: 'POST',
    headers: jsonHeaders(base),
    body: JSON.stringify({ code, name }),
  });
  const body = (await response.json()) as { ok: boolean; token?: string; error?: string };
  if (!body.ok || !body.token) throw new Error(`join answered ${response.status}: ${body.error}`);
  return body.token;
}

/**
 * Opens the student's event stream. `onView` gets every view; `onEnd` is called once if the
 * stream ends or fails before `close()`.
 */
export function follow(
  base: string,
  token: string,
  onView: (view: BenchStudentView, at: number) => void,
  onEnd: (why: string) => void,
) {
  const abort = new AbortController();
  let closed = false;
  const decoder = new TextDecoder();
  const done = fetch(`${base}/api/class/events/`, {
    headers: { 'x-class-token': token },
    signal: abort.signal,
  })
    .then(async (response) => {
      if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
      let buffer = '';
      for await (const chunk of response.body) {
        const at = performance.now();
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data && !frame.startsWith('event:')) onView(JSON.parse(data) as BenchStudentView, at);
        }
      }
      if (!closed) onEnd('the stream ended');
    })
    .catch((error: Error) => {
      if (!closed) onEnd(error.message);
    });
  return {
    close: async () => {
      closed = true;
      abort.abort();
      await done;
    },
  };
}

/** Answers prompt `key` with `choice`; resolves to null, or the error the server gave. */
export async function answer(
  base: string,
  token: string,
  key: string,
  choice: number,
): Promise<string | null> {
  try {
    const response = await fetch(`${base}/api/class/answer/`, {
      method: 'POST',
      headers: jsonHeaders(base, { 'x-class-token': token }),
      body: JSON.stringify({ prompt: key, choice }),
    });
    if (response.ok) return null;
    return `answer ${response.status}: ${((await response.json()) as { error?: string }).error}`;
  } catch (error) {
    return `answer: ${(error as Error).message}`;
  }
}
