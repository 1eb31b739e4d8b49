import { generate } from 'selfsigned';

export interface StandInCertificate {
  key: string;
  cert: string;
}

/**
 * A fresh certificate for each start, for 127.0.0.1 and localhost only. Clients trust it
 * by being handed it (the `ca` of the stand-in), never by switching checks off.
 */
export async function makeLoopbackCertificate(now = new Date()): Promise<StandInCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'CivicDesk training Dataverse' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
