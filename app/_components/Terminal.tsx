'use client';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { LoopbackConnection } from '@/lib/session/loopback';
import type { SessionEvent } from '@/lib/session/types';
import { bytesToDisplayText, textToBytes } from '@/lib/wire/bytes';
import { Packet } from './Packet';
import { useOverflowTabStop } from './use-overflow-tab-stop';
import styles from './compare.module.css';

const EXAMPLES = {
  pop3: [
    'USER student',
    'PASS secret',
    'STAT',
    'LIST',
    'UIDL',
    'TOP 1 0',
    'RETR 1',
    'DELE 1',
    'RSET',
    'QUIT',
  ],
  imap: [
    'a1 LOGIN student secret',
    'a2 SELECT INBOX',
    'a3 FETCH 1:* (FLAGS ENVELOPE)',
    'a4 FETCH 2 BODY[]',
    'a5 SEARCH UNSEEN',
    'a6 STORE 3 +FLAGS (\\Flagged)',
    'a7 LOGOUT',
  ],
};

/**
 * Type raw POP3 or IMAP commands at the lab's server, as with telnet. The server runs in the
 * page: the same engine, a fresh seed mailbox, nothing sent anywhere.
 */
export const Terminal = memo(function Terminal() {
  const [protocol, setProtocol] = useState<'pop3' | 'imap'>('imap');
  const [events, setEvents] = useState<SessionEvent[]>([]);
  const [input, setInput] = useState('');
  const [closed, setClosed] = useState(true);
  const connection = useRef<LoopbackConnection | null>(null);
  /** Events of the exchange in progress, collected synchronously by the session. */
  const sink = useRef<SessionEvent[]>([]);

  /** The connection being opened, so that focus and a quick Enter do not open two. */
  const opening = useRef<Promise<void> | null>(null);
  const ensureConnected = () => {
    if (connection.current && !connection.current.serverClosed) return Promise.resolve();
    opening.current ??= connect().finally(() => {
      opening.current = null;
    });
    return opening.current;
  };

  const connect = async (which = protocol) => {
    // The engine is loaded on first use: the page itself plays prebuilt timelines.
    const { openTerminalConnection } = await import('./terminal-engine');
    sink.current = [];
    connection.current = openTerminalConnection(which, (e) => sink.current.push(e));
    setEvents(sink.current.slice());
    setClosed(false);
  };

  const send = (line: string) => {
    const c = connection.current;
    if (!c || c.serverClosed) return;
    sink.current = [];
    c.sendRaw(textToBytes(line) + '\r\n');
    const exchange = sink.current.slice();
    // The log keeps the last few hundred units: a long session never grows without bound.
    setEvents((prev) => [...prev, ...exchange].slice(-400));
    if (c.serverClosed) setClosed(true);
  };

  // As in a terminal, the newest line shows: the log follows its end, and a command field that has
  // the focus stays in the window while the log above it grows (the greeting arrives on focus).
  const [logRef, logTabIndex] = useOverflowTabStop<HTMLOListElement>();
  const inputRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
    if (inputRef.current && document.activeElement === inputRef.current)
      inputRef.current.scrollIntoView({ block: 'nearest' });
  }, [events, closed, logRef]);

  const last = events[events.length - 1];
  const state = last ? last.stateAfter : null;

  return (
    <section aria-labelledby="terminal-heading" className={styles.terminal}>
      <h2 id="terminal-heading">Terminal: talk to the server yourself</h2>
      <p className={styles.deviceMeta}>
        Like <code>telnet</code> to port {protocol === 'pop3' ? 110 : 143}: type a command and press Enter.
        The server runs in this page with a fresh copy of the seed mailbox (user <code>student</code>,
        password <code>secret</code>).{' '}
        {protocol === 'imap' ? (
          <>
            An IMAP command starts with a tag of your choosing, a new one for each command (RFC 9051 §2.2.1);
            the server’s final OK, NO or BAD line repeats it, and the data lines before it start with{' '}
            <code>*</code> (§2.2.2): <code>a1 LOGIN student secret</code>, then <code>a2 SELECT INBOX</code>.
          </>
        ) : (
          <>
            POP3 commands have no tag: <code>USER student</code>, <code>PASS secret</code>, then{' '}
            <code>LIST</code>.
          </>
        )}
      </p>
      <div className={styles.sandboxRow}>
        <label>
          Protocol{' '}
          <select
            value={protocol}
            onChange={(e) => {
              const next = e.target.value as 'pop3' | 'imap';
              setProtocol(next);
              void connect(next);
            }}
          >
            <option value="imap">IMAP</option>
            <option value="pop3">POP3</option>
          </select>
        </label>
        <button type="button" className={styles.button} onClick={() => void connect()}>
          {closed ? 'Connect' : 'Reconnect'}
        </button>
        {state && <span className={styles.protocolState}>Session state: {state}</span>}
      </div>
      <div className={styles.lane} aria-hidden="true">
        <span className={styles.laneEnd}>server</span>
        <div className={styles.track}>
          {last && (
            <Packet
              key={events.length}
              toServer={last.direction === 'c2s'}
              tone={
                last.direction === 'c2s'
                  ? 'request'
                  : last.outcome === 'ok'
                    ? 'ok'
                    : ['err', 'no', 'bad'].includes(last.outcome ?? '')
                      ? 'error'
                      : 'info'
              }
              label={bytesToDisplayText(last.raw)
                .split(/[\r\n]/, 1)[0]!
                .split(' ')
                .slice(0, 2)
                .join(' ')}
              durationMs={700}
            />
          )}
        </div>
        <span className={styles.laneEnd}>you</span>
      </div>
      <ol
        ref={logRef}
        tabIndex={logTabIndex}
        className={styles.terminalLog}
        aria-label="Terminal session"
        aria-live="polite"
        hidden={events.length === 0}
      >
        {events.map((e, i) => (
          <li key={i} className={e.direction === 'c2s' ? styles.termClient : undefined}>
            <pre>
              {e.direction === 'c2s' ? 'C: ' : 'S: '}
              {bytesToDisplayText(e.raw).replace(/\r\n$/, '')}
            </pre>
            {e.explanation && (
              <p className={styles.termExplain}>
                {e.explanation}
                {e.rfc ? ` (${e.rfc})` : ''}
              </p>
            )}
          </li>
        ))}
        {closed && events.length > 0 && <li className={styles.empty}>Connection closed.</li>}
      </ol>
      <form
        className={styles.terminalForm}
        onSubmit={async (e) => {
          e.preventDefault();
          // Take the line now: the next one may be typed while the engine loads.
          const line = input;
          setInput('');
          await ensureConnected();
          send(line);
        }}
      >
        <label htmlFor="terminal-input">Command</label>
        <input
          ref={inputRef}
          id="terminal-input"
          list="terminal-examples"
          value={input}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setInput(e.target.value)}
          onFocus={() => {
            if (events.length === 0) void ensureConnected();
          }}
        />
        <datalist id="terminal-examples">
          {EXAMPLES[protocol].map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
        <button type="submit" className={styles.button}>
          Send
        </button>
      </form>
    </section>
  );
});
