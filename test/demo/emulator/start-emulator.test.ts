import { Agent } from 'node:http';
import axios from 'axios';
import { startEmulator } from '../../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION } from './support/emulator-client';

describe('startEmulator', () => {
  it('listens on a loopback port of its own and says where', async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await axios.get(`${emulator.url}/healthz`)).data).toEqual({ status: 'ok' });
    } finally {
      await emulator.close();
    }
  });

  it('when listening on every interface, then its url still names a reachable address', async () => {
    const emulator = await startEmulator({ host: '0.0.0.0' });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await axios.get(`${emulator.url}/healthz`)).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it('when closed with an idle keep-alive socket and a response still trickling, then it closes at once', async () => {
    const emulator = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    const client = emulatorClient(emulator.url);
    await client.get('/healthz', { httpAgent: agent });
    emulator.faults.enqueue({ fault: { kind: 'delay-body', ms: 10_000 } });
    const stalled = client.post('/client-session', GBP_SESSION, { httpAgent: agent }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = performance.now();
    await emulator.close();

    expect(performance.now() - started).toBeLessThan(1000);
    expect(await stalled).toBeInstanceOf(Error);
    agent.destroy();
  });

  it('when the port is taken, then it fails to start', async () => {
    const first = await startEmulator();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startEmulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});
