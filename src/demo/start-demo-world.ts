import { randomBytes } from 'node:crypto';
import type { Router } from 'express';
import type { AppParts, PrimerEndpoint } from '../service/compose-app';
import type { Config } from '../service/config';
import type { Logger } from '../service/logger';
import type { OrderService } from '../service/orders/order-service';
import { reachableHost, startEmulator } from './emulator/start-emulator';
import { DEMO_CARTS } from './orders/demo-carts';
import { InMemoryOrderService } from './orders/in-memory-order-service';
import { demoPageRouter } from './page/demo-page-router';

// What the demo world stands in for: Primer (the emulator), the order service (built-in carts), and the page.
export interface DemoWorld {
  primer?: PrimerEndpoint | undefined;
  orders?: OrderService | undefined;
  pages?: Router | undefined;
  // Spread into AppParts: the emulator's webhook secret, and the built-in order service as the payment event sink.
  paymentLoop: Pick<AppParts, 'webhookSecrets' | 'paymentEvents'>;
  // Called once the service listens: from then on the emulator's webhooks go to its own POST /webhooks/primer.
  serviceListening(port: number): void;
  close(): Promise<void>;
}

// Starts only the parts the config leaves without a real counterpart.
export async function startDemoWorld(config: Config, logger: Logger): Promise<DemoWorld> {
  const orders = config.orders.url ? undefined : new InMemoryOrderService(DEMO_CARTS);
  const eventSink = orders ? { paymentEvents: orders } : {};
  if (!config.demoMode) {
    // Demo mode says all in its one warning; with a real key, pricing demo carts deserves a warning of its own.
    if (orders) logger.warn('ORDER_SERVICE_URL unset: serving the built-in demo carts');
    const pages = config.demoPage ? demoPageRouter({ carts: DEMO_CARTS, editableCarts: orders, paymentEvents: orders }) : undefined;
    return { orders, pages, paymentLoop: eventSink, serviceListening: () => {}, close: async () => {} };
  }
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  // Generated per start and never logged: only this process signs (the emulator) and checks (the service) with it.
  const webhookSecret = randomBytes(32).toString('base64url');
  const pages = config.demoPage
    ? demoPageRouter({ carts: DEMO_CARTS, editableCarts: orders, simulatedPayments: emulator.payments, paymentEvents: orders })
    : undefined;
  logger.warn(
    { emulatorUrl: emulator.url, carts: config.orders.url ? 'ORDER_SERVICE_URL' : 'built-in demo carts' },
    'demo mode: PRIMER_API_KEY unset, client tokens come from the built-in Primer emulator and are not real',
  );
  return {
    primer: { apiUrl: emulator.url, apiKey: 'demo' },
    orders,
    pages,
    paymentLoop: { webhookSecrets: [webhookSecret], ...eventSink },
    serviceListening: (port) => emulator.webhooks.point({ url: `http://${reachableHost(config.host)}:${port}/webhooks/primer`, secret: webhookSecret }),
    close: () => emulator.close(),
  };
}
