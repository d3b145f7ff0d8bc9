import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorApp, type EmulatorAppOptions, type EmulatorControl } from './emulator-app';

export interface EmulatorOptions extends EmulatorAppOptions {
  host?: string;
  port?: number;
}

export interface RunningEmulator extends EmulatorControl {
  url: string;
  close(): Promise<void>;
}

// A wildcard address is not somewhere to send requests: the emulator's own URL names loopback instead.
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { app, control, stopWebhooks } = createEmulatorApp(options);
  const server = createServer(app);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...control,
    url: `http://${reachableHost(host)}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopWebhooks();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and stalled sockets would hold close() open: the emulator ends them itself.
        server.closeAllConnections();
      }),
  };
}
