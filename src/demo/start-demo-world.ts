import { randomBytes } from 'node:crypto';
import type { AppParts } from '../service/compose-app';
import type { Config } from '../service/config';
import type { Logger } from '../service/observability/logger';
import { reachableHost, startEmulator } from './emulator/start-emulator';
import { DEMO_CARTS } from './orders/demo-carts';
import { InMemoryOrderService } from './orders/in-memory-order-service';
import { demoPageRouter } from './page/demo-page-router';

// What the demo world stands in for: Primer (the emulator), the order service (built-in carts), and the page.
export interface DemoWorld {
  // What composeApp plugs in where the config says the demo world runs: the emulator, the built-in carts as order service
  // and payment event sink, the emulator's webhook secret, the page.
  parts: AppParts;
  // Called once the service listens: from then on the emulator's webhooks go to its own POST /webhooks/primer.
  serviceListening(port: number): void;
  close(): Promise<void>;
}

// Starts only the parts the config leaves without a real counterpart.
export async function startDemoWorld(config: Config, logger: Logger): Promise<DemoWorld> {
  const orders = config.carts === 'built-in' ? new InMemoryOrderService(DEMO_CARTS) : undefined;
  if (!config.demoMode) {
    // Demo mode says all in its one warning; with a real key, pricing demo carts deserves a warning of its own.
    if (orders) logger.warn('ORDER_SERVICE_URL unset: serving the built-in demo carts');
    const pages = config.demoPage ? demoPageRouter({ carts: DEMO_CARTS, editableCarts: orders, paymentEvents: orders }) : undefined;
    return { parts: { orders, paymentEvents: orders, pages }, serviceListening: () => {}, close: async () => {} };
  }
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  // Generated per start and never logged: only this process signs (the emulator) and checks (the service) with it.
  const webhookSecret = randomBytes(32).toString('base64url');
  const pages = config.demoPage
    ? demoPageRouter({ carts: DEMO_CARTS, editableCarts: orders, simulatedPayments: emulator.payments, paymentEvents: orders })
    : undefined;
  logger.warn(
    { emulatorUrl: emulator.url, carts: config.carts === 'order-service' ? 'ORDER_SERVICE_URL' : 'built-in demo carts' },
    'demo mode: PRIMER_API_KEY unset, client tokens come from the built-in Primer emulator and are not real',
  );
  return {
    parts: { emulator: { apiUrl: emulator.url, apiKey: 'demo' }, orders, paymentEvents: orders, webhookSecrets: [webhookSecret], pages },
    serviceListening: (port) => emulator.webhooks.point({ url: `http://${reachableHost(config.host)}:${port}/webhooks/primer`, secret: webhookSecret }),
    close: () => emulator.close(),
  };
}
