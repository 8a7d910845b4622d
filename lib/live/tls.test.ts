import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { startLiveServer, type LiveServer } from './server';
import { certificateFromFiles, selfSignedCertificate } from './tls';

let server: LiveServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const store = new MailStore();
  seedStore(store);
  const cert = await selfSignedCertificate();
  server = await startLiveServer({
    store,
    pop3Port: 0,
    imapPort: 0,
    imapsPort: 0,
    pop3sPort: 0,
    authFailureDelayMs: 0,
    tls: cert,
  });
  const port = (p: string, implicit = false) =>
    server!.listeners.find((l) => l.protocol === p && l.tls === implicit)!.port;
  return { pop3: port('pop3'), imap: port('imap'), imaps: port('imap', true), cert };
}

/** Reads from a socket (plain or TLS) until a pattern appears. */
function reader(socket: net.Socket) {
  let buffer = '';
  let closed = false;
  socket.on('data', (d: Buffer) => (buffer += d.toString('latin1')));
  socket.on('close', () => (closed = true));
  return {
    text: () => buffer,
    isClosed: () => closed,
    async read(until: RegExp) {
      for (let i = 0; i < 400 && !until.test(buffer) && !closed; i++)
        await new Promise((r) => setTimeout(r, 5));
      if (!until.test(buffer)) throw new Error(`no ${until} in ${JSON.stringify(buffer)}`);
      return buffer;
    },
  };
}

async function upgrade(socket: net.Socket) {
  const secure = tls.connect({ socket, rejectUnauthorized: false });
  await once(secure, 'secureConnect');
  return secure;
}

describe('the live certificate', () => {
  it('is made once per process, for localhost, 127.0.0.1 and ::1, with the fingerprint openssl would print', async () => {
    const a = await selfSignedCertificate();
    expect(await selfSignedCertificate()).toBe(a);
    const x509 = new X509Certificate(a.cert);
    expect(a.fingerprint256).toBe(x509.fingerprint256);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x509.checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(a.key)))).toBe(
      true,
    );
    expect(a.selfSigned).toBe(true);
  });

  it('reads a given certificate and key; names the file it cannot read or parse', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lab-cert-'));
    try {
      const own = await selfSignedCertificate();
      await writeFile(path.join(dir, 'c.pem'), own.cert);
      await writeFile(path.join(dir, 'k.pem'), own.key);
      await writeFile(path.join(dir, 'bad.pem'), 'not a certificate');
      const read = await certificateFromFiles(path.join(dir, 'c.pem'), path.join(dir, 'k.pem'));
      expect(read.fingerprint256).toBe(own.fingerprint256);
      expect(read.selfSigned).toBe(false);
      await expect(certificateFromFiles(path.join(dir, 'no.pem'), path.join(dir, 'k.pem'))).rejects.toThrow(
        /cannot read the certificate .*no\.pem/,
      );
      await expect(certificateFromFiles(path.join(dir, 'bad.pem'), path.join(dir, 'k.pem'))).rejects.toThrow(
        /not a PEM X\.509 certificate/,
      );
      await expect(certificateFromFiles(path.join(dir, 'c.pem'), path.join(dir, 'no.key'))).rejects.toThrow(
        /cannot read the key .*no\.key/,
      );
      // Neither readable: the certificate is named, every time (the two reads race).
      for (let i = 0; i < 20; i++)
        await expect(
          certificateFromFiles(path.join(dir, 'no.pem'), path.join(dir, 'no.key')),
        ).rejects.toThrow(/cannot read the certificate .*no\.pem/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('TLS on the live server', () => {
  it('IMAP STARTTLS: a command pipelined behind it in plain text is never run inside TLS (RFC 9051 §6.2.1)', async () => {
    const { imap } = await start();
    const plain = net.connect(imap, '127.0.0.1');
    const r = reader(plain);
    await r.read(/^\* OK .*\r\n/);
    plain.write('a STARTTLS\r\nb LOGIN student secret\r\n');
    await r.read(/a OK .*\r\n/);
    expect(r.text()).not.toMatch(/^b /m);
    const secure = await upgrade(plain);
    const s = reader(secure);
    secure.write('c CAPABILITY\r\n');
    const text = await s.read(/c OK .*\r\n/);
    expect(text).not.toMatch(/^b /m);
    expect(text).toMatch(/^\* CAPABILITY .*AUTH=PLAIN/m);
    expect(text).not.toMatch(/STARTTLS/);
    secure.write('d LOGIN student secret\r\n');
    await s.read(/d OK .*\r\n/);
    secure.destroy();
  });

  it('POP3 STLS: USER pipelined in plain text is dropped; inside TLS the client starts over (RFC 2595 §4)', async () => {
    const { pop3 } = await start();
    const plain = net.connect(pop3, '127.0.0.1');
    const r = reader(plain);
    await r.read(/^\+OK .*\r\n/);
    plain.write('STLS\r\nUSER student\r\n');
    await r.read(/^\+OK .*\r\n.*\r\n/);
    expect(r.text().split('\r\n').filter(Boolean)).toHaveLength(2);
    const secure = await upgrade(plain);
    const s = reader(secure);
    secure.write('PASS secret\r\n');
    // Had USER survived the upgrade, PASS would log in.
    await s.read(/^-ERR .*\r\n/);
    secure.write('CAPA\r\n');
    const capa = await s.read(/\r\n\.\r\n/);
    expect(capa).not.toMatch(/^STLS/m);
    secure.destroy();
  });

  it('IMAPS: the handshake comes first, the greeting after it; a plain-text client hears no greeting (RFC 8314 §3.2)', async () => {
    const { imaps, cert } = await start();
    const secure = tls.connect({ host: '127.0.0.1', port: imaps, rejectUnauthorized: false });
    await once(secure, 'secureConnect');
    const der = secure.getPeerCertificate().raw;
    expect(new X509Certificate(der).fingerprint256).toBe(cert.fingerprint256);
    const s = reader(secure);
    await s.read(/^\* OK .*\r\n/);
    secure.write('a CAPABILITY\r\n');
    expect(await s.read(/a OK .*\r\n/)).not.toMatch(/STARTTLS|LOGINDISABLED/);
    secure.destroy();

    const plain = net.connect(imaps, '127.0.0.1');
    const r = reader(plain);
    await once(plain, 'connect');
    plain.write('a CAPABILITY\r\n');
    for (let i = 0; i < 200 && !r.isClosed(); i++) await new Promise((done) => setTimeout(done, 5));
    expect(r.isClosed()).toBe(true);
    expect(r.text()).not.toMatch(/OK|CAPABILITY/);
  });
});
