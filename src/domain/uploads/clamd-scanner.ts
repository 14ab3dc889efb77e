import { connect } from 'node:net';
import type { Scanner, ScanResult } from './scanner.js';

// A clamd INSTREAM client (no dependency): send "zINSTREAM\0", then chunks each prefixed with their length as a
// 4-byte big-endian integer, then a zero-length chunk; clamd answers "stream: OK", "stream: <name> FOUND" or
// "... ERROR", terminated by NUL.

const CHUNK = 64 * 1024;

export const parseClamdReply = (reply: string, scanner: string): ScanResult => {
  const text = reply.replace(/\0/g, '').trim();
  if (/^(stream: )?OK$/.test(text) || text.endsWith(': OK')) return { status: 'clean', scanner };
  const found = /^(?:stream: )?(.+) FOUND$/.exec(text);
  if (found) return { status: 'infected', scanner, signature: found[1]! };
  return { status: 'error', scanner, detail: text.slice(0, 200) || 'empty reply' };
};

export const createClamdScanner = (options: { host: string; port: number; timeoutMs?: number }): Scanner => {
  const name = `clamd@${options.host}:${options.port}`;
  return {
    name,
    scan: (bytes) =>
      new Promise<ScanResult>((resolve) => {
        let reply = '';
        let settled = false;
        const done = (r: ScanResult) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          resolve(r);
        };
        const socket = connect({ host: options.host, port: options.port });
        socket.setTimeout(options.timeoutMs ?? 30_000, () => done({ status: 'error', scanner: name, detail: 'timeout' }));
        socket.on('error', (e) => done({ status: 'error', scanner: name, detail: e.message }));
        socket.on('data', (d) => {
          reply += d.toString('utf8');
          if (reply.includes('\0')) done(parseClamdReply(reply, name));
        });
        socket.on('end', () => done(parseClamdReply(reply, name)));
        socket.on('connect', () => {
          socket.write('zINSTREAM\0');
          for (let i = 0; i < bytes.length; i += CHUNK) {
            const chunk = bytes.subarray(i, i + CHUNK);
            const size = Buffer.alloc(4);
            size.writeUInt32BE(chunk.length, 0);
            socket.write(size);
            socket.write(chunk);
          }
          socket.write(Buffer.alloc(4));
        });
      }),
  };
};
