import { createServer, type Server } from 'node:net';

/**
 * A stand-in for ClamAV's clamd speaking enough of its TCP protocol: `zINSTREAM\0`, length-prefixed chunks, a zero
 * length; answers `stream: OK` or, when the stream contains the EICAR test signature, `stream: Eicar-Signature FOUND`.
 */
export async function startFakeClamd(): Promise<{ port: number; scans: () => number; close(): Promise<void> }> {
  let scans = 0;
  const server: Server = createServer((socket) => {
    let buf = Buffer.alloc(0);
    let commandRead = false;
    const body: Buffer[] = [];
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (!commandRead) {
        const end = buf.indexOf(0);
        if (end < 0) return;
        if (buf.subarray(0, end).toString() !== 'zINSTREAM') return socket.end('UNKNOWN COMMAND\0');
        commandRead = true;
        buf = buf.subarray(end + 1);
      }
      while (buf.length >= 4) {
        const len = buf.readUInt32BE(0);
        if (len === 0) {
          scans++;
          const infected = Buffer.concat(body).includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE');
          socket.end(infected ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buf.length < 4 + len) return;
        body.push(buf.subarray(4, 4 + len));
        buf = buf.subarray(4 + len);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    scans: () => scans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
