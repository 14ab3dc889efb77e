import { createServer, type Server } from 'node:net';

/**
 * A tiny clamd stand-in for tests: speaks INSTREAM on 127.0.0.1 and answers "stream: Eicar-Signature FOUND" when the
 * stream contains the EICAR test string, "stream: OK" otherwise (or an ERROR when told to).
 */
export const startFakeClamd = async (options: { fail?: boolean } = {}): Promise<{ port: number; scanned: () => number; close: () => Promise<void> }> => {
  let scanned = 0;
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let commandSeen = false;
    const body: Buffer[] = [];
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!commandSeen) {
        const nul = buffer.indexOf(0);
        if (nul < 0) return;
        commandSeen = true;
        buffer = buffer.subarray(nul + 1);
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          scanned += 1;
          const data = Buffer.concat(body).toString('latin1');
          const reply = options.fail ? 'INSTREAM size limit exceeded. ERROR' : data.includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE') ? 'stream: Eicar-Signature FOUND' : 'stream: OK';
          socket.end(`${reply}\0`);
          return;
        }
        if (buffer.length < 4 + size) return;
        body.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, scanned: () => scanned, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** A minimal file with each accepted signature. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
export const SAMPLE_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
export const SAMPLE_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2), Buffer.from([0xff, 0xd9])]);
