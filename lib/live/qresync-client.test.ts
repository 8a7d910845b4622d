import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailServerProcess, type MailServerProcess } from './testing';

/**
 * imapflow (npm) with `qresync: true` against `npm run mail-server`: a real client's CONDSTORE
 * and QRESYNC (RFC 7162). One client remembers UIDVALIDITY and HIGHESTMODSEQ and logs out; a
 * second changes a flag and deletes a message; the first comes back with one SELECT … QRESYNC.
 */
let server: MailServerProcess;

beforeAll(async () => {
  server = await startMailServerProcess();
});
afterAll(async () => {
  await server?.stop();
});

const connect = (qresync: boolean) =>
  new ImapFlow({
    host: '127.0.0.1',
    port: server.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: 'student', pass: 'secret' },
    qresync,
    logger: false,
  });

describe('imapflow with qresync: true (RFC 7162)', () => {
  it('enables QRESYNC, resyncs with SELECT … QRESYNC: VANISHED (EARLIER) and the changed flags only', async () => {
    const phone = connect(true);
    await phone.connect();
    expect(phone.enabled.has('QRESYNC')).toBe(true);
    const first = await phone.mailboxOpen('INBOX');
    const { uidValidity, highestModseq } = first;
    expect(typeof highestModseq).toBe('bigint');
    await phone.logout();

    const laptop = connect(false);
    await laptop.connect();
    await laptop.mailboxOpen('INBOX');
    await laptop.messageFlagsAdd('2', ['\\Flagged'], { uid: true });
    await laptop.messageDelete('3', { uid: true });
    await laptop.logout();

    const back = connect(true);
    const vanished: { uid: number; earlier: boolean }[] = [];
    const flags: { uid: number; flags: Set<string>; modseq?: bigint }[] = [];
    back.on('expunge', (e: { uid?: number; vanished: boolean; earlier?: boolean }) => {
      if (e.vanished && e.uid !== undefined) vanished.push({ uid: e.uid, earlier: e.earlier ?? false });
    });
    back.on('flags', (e: { uid: number; flags: Set<string>; modseq?: bigint }) => flags.push(e));
    await back.connect();
    const again = await back.mailboxOpen('INBOX', { uidValidity, changedSince: highestModseq });
    expect(again.highestModseq! > highestModseq!).toBe(true);
    expect(vanished).toEqual([{ uid: 3, earlier: true }]);
    expect(flags.map((f) => [f.uid, [...f.flags]])).toEqual([[2, ['\\Flagged']]]);

    // FETCH … (CHANGEDSINCE n): only what changed since, with its MODSEQ (§3.1.4.1).
    const changed = await back.fetchAll(
      '1:*',
      { flags: true, uid: true },
      { uid: true, changedSince: highestModseq },
    );
    expect(changed.map((m) => m.uid)).toEqual([2]);
    expect(typeof changed[0]!.modseq).toBe('bigint');
    await back.logout();
  });
});
