import { createReadStream } from 'node:fs';
import { connect } from 'node:net';
import { FileErrors } from '../domain/file-errors';

/**
 * Issue 18 item 5: ClamAV's clamd over TCP, INSTREAM command (clamd.conf StreamMaxLength bounds what it accepts):
 * `zINSTREAM\0`, then chunks each prefixed by its length (4 bytes, big-endian), then a zero length; clamd answers
 * `stream: OK` or `stream: <name> FOUND`. An unreachable or confused clamd is 503: nothing is stored unscanned.
 */
export async function scanWithClamd(target: { host: string; port: number }, path: string, timeoutMs = 60_000): Promise<'clean' | 'infected'> {
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = connect(target);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd timeout')));
    socket.on('error', reject);
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('connect', async () => {
      try {
        socket.write('zINSTREAM\0');
        for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
          const len = Buffer.alloc(4);
          len.writeUInt32BE((chunk as Buffer).length);
          if (!socket.write(Buffer.concat([len, chunk as Buffer]))) await new Promise((r) => socket.once('drain', r));
        }
        socket.end(Buffer.alloc(4));
      } catch (e) {
        socket.destroy(e as Error);
      }
    });
  }).catch(() => {
    throw FileErrors.scanUnavailable();
  });
  const answer = reply.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(answer)) return 'clean';
  if (/FOUND$/.test(answer)) return 'infected';
  throw FileErrors.scanUnavailable();
}
