/**
 * Node only: the live server's certificate. Either a real one read from files (`--tls-cert`,
 * `--tls-key`), or a self-signed one for `localhost`, 127.0.0.1 and ::1 made at start with
 * `selfsigned`. A student's client cannot check a self-signed certificate against a CA, so the
 * server prints its SHA-256 fingerprint, and the Live page shows it, for them to compare by eye.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { generate } from 'selfsigned';

/** A certificate and its key, PEM, and the certificate's fingerprint. */
export interface LiveCertificate {
  /** PEM certificate (chain). */
  readonly cert: string;
  /** PEM private key. */
  readonly key: string;
  /**
   * SHA-256 over the DER certificate, upper-case hex pairs joined by colons (`AB:CD:…`), the form
   * openssl, Firefox and Thunderbird show.
   */
  readonly fingerprint256: string;
  /** True when made here at start, false when read from files. */
  readonly selfSigned: boolean;
}

/** SHA-256 of DER bytes as `AB:CD:…`. */
export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

let generated: Promise<LiveCertificate> | null = null;

/**
 * The self-signed certificate, made once per process (an EC P-256 key, valid a year) and shared
 * by every server started in it, so tests do not each pay for a key.
 */
export function selfSignedCertificate(): Promise<LiveCertificate> {
  generated ??= (async () => {
    const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 365 * 24 * 60 * 60 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    return withFingerprint(pems.cert, pems.private, true);
  })();
  return generated;
}

/**
 * Reads a real certificate and key (PEM files). Throws an Error naming the file when one cannot
 * be read (the certificate when neither can) or the certificate does not parse.
 */
export async function certificateFromFiles(certPath: string, keyPath: string): Promise<LiveCertificate> {
  // Both read at once; when both fail, the certificate is named, whichever failed first (the
  // message does not change from run to run).
  const [cert, key] = await Promise.allSettled([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  if (cert.status === 'rejected') throw new Error(`cannot read the certificate ${certPath}`);
  if (key.status === 'rejected') throw new Error(`cannot read the key ${keyPath}`);
  return withFingerprint(cert.value, key.value, false);
}

function withFingerprint(cert: string, key: string, selfSigned: boolean): LiveCertificate {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new Error('the certificate is not a PEM X.509 certificate');
  }
  return { cert, key, fingerprint256: fingerprintOf(x509.raw), selfSigned };
}
