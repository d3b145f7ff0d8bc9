import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, startNode, stopChild, waitUntilAnswering } from './child-process';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const ARTIFACTS_DIR = path.join(ROOT, 'build', 'e2e');

export interface Running {
  url: string;
  stop(): Promise<void>;
}

// A payment the emulator made, as an SDK's success callback would name it.
export interface MadePayment {
  id: string;
  orderId: string;
}

export interface Stack {
  serviceUrl: string;
  apiKey: string;
  webhookSecret: string;
  // Makes the emulator answer the next `times` POST /client-session with this status (its /_emulator control path).
  failNextPrimerCalls(status: number, times: number): Promise<void>;
  // Makes the emulator pay for the session of this (emulator) client token with a chosen status; its webhook goes to the service.
  pay(clientToken: string, status: string): Promise<MadePayment>;
  stop(): Promise<void>;
}

// The built emulator and service as separate processes on loopback, the service holding a (test) API key and
// the emulator sending its signed webhooks to the service. `overrides` change the service's environment, e.g.
// SESSION_REUSE_MIN_TTL_S to let cart changes PATCH one session.
export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const apiKey = `e2e-secret-${randomUUID()}`;
  const webhookSecret = `e2e-webhook-${randomUUID()}`;
  const servicePort = await freePort();
  const emulator = await startBuilt('emulator', path.join('demo', 'emulator', 'main.js'), '', {
    HOST: '127.0.0.1',
    EMULATOR_CONTROL: 'true',
    EMULATOR_API_KEY: apiKey,
    EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${servicePort}/webhooks/primer`,
    EMULATOR_WEBHOOK_SECRET: webhookSecret,
  });
  const service = await startBuilt('service', 'main.js', '/healthz', {
    HOST: '127.0.0.1',
    PRIMER_API_URL: emulator.url,
    PRIMER_API_KEY: apiKey,
    PRIMER_WEBHOOK_SECRETS: webhookSecret,
    // A key with the built-in carts is refused unless asked for (README.md, "Configuration").
    DEMO_CARTS: 'true',
    // Any free port: the default 9464 may be taken by another service on this machine.
    METRICS_PORT: '0',
    DEMO_PAGE: 'true',
    RATE_LIMIT_PER_MINUTE: '0',
    // Every token request reaches Primer, so a queued fault is met and a refresh gets a new token.
    SESSION_REUSE_MIN_TTL_S: '0',
    // One queued fault is one failed request.
    PRIMER_MAX_RETRIES: '0',
    ...overrides,
  }, servicePort).catch(async (error: unknown) => {
    await emulator.stop();
    throw error;
  });

  const control = async (route: string, body: object): Promise<unknown> => {
    const response = await fetch(`${emulator.url}/_emulator${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`emulator refused ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    serviceUrl: service.url,
    apiKey,
    webhookSecret,
    async failNextPrimerCalls(status, times) {
      await control('/faults', { match: { method: 'POST', path: '/client-session' }, times, fault: { kind: 'status', status } });
    },
    async pay(clientToken, status) {
      const { id, orderId } = (await control('/payments', { clientToken, status })) as MadePayment;
      return { id, orderId };
    },
    async stop() {
      await Promise.all([service.stop(), emulator.stop()]);
    },
  };
}

// `npm start` as a newcomer runs it: no API key, so demo mode with the in-process emulator.
export function startDemoModeService(): Promise<Running> {
  return startBuilt('demo-mode-service', 'main.js', '/healthz', { HOST: '127.0.0.1', METRICS_PORT: '0' });
}

// Runs dist/<script> on a free port (or the one given), with its log in build/e2e/<name>.log, until it answers readyPath.
async function startBuilt(name: string, script: string, readyPath: string, env: Record<string, string>, givenPort?: number): Promise<Running> {
  const file = path.join(ROOT, 'dist', script);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const port = givenPort ?? (await freePort());
  const logFile = path.join(ARTIFACTS_DIR, `${name}.log`);
  const child = startNode(file, { ...env, PORT: String(port) }, logFile);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  await waitUntilAnswering(`${url}${readyPath}`, child, logFile).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, stop };
}
