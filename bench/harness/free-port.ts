import net from 'node:net';
import type { AddressInfo } from 'node:net';

// A port the kernel just handed out and took back: the server under test listens there, stdout stays unread.
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
