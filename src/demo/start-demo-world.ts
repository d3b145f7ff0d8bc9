import type { Router } from 'express';
import type { PrimerEndpoint } from '../service/compose-app';
import type { Config } from '../service/config';
import type { Logger } from '../service/logger';
import type { OrderService } from '../service/orders/order-service';
import { startEmulator } from './emulator/start-emulator';
import { DEMO_CARTS } from './orders/demo-carts';
import { InMemoryOrderService } from './orders/in-memory-order-service';
import { demoPageRouter } from './page/demo-page';

// What the demo world stands in for: Primer (the emulator), the order service (built-in carts), and the page.
export interface DemoWorld {
  primer?: PrimerEndpoint | undefined;
  orders?: OrderService | undefined;
  pages?: Router | undefined;
  close(): Promise<void>;
}

// Starts only the parts the config leaves without a real counterpart.
export async function startDemoWorld(config: Config, logger: Logger): Promise<DemoWorld> {
  const orders = config.orders.url ? undefined : new InMemoryOrderService(DEMO_CARTS);
  const pages = config.demoPage ? demoPageRouter({ carts: DEMO_CARTS, editableCarts: orders }) : undefined;
  if (!config.demoMode) {
    // Demo mode says all in its one warning; with a real key, pricing demo carts deserves a warning of its own.
    if (orders) logger.warn('ORDER_SERVICE_URL unset: serving the built-in demo carts');
    return { orders, pages, close: async () => {} };
  }
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  logger.warn(
    { emulatorUrl: emulator.url, carts: config.orders.url ? 'ORDER_SERVICE_URL' : 'built-in demo carts' },
    'demo mode: PRIMER_API_KEY unset, client tokens come from the built-in Primer emulator and are not real',
  );
  return { primer: { apiUrl: emulator.url, apiKey: 'demo' }, orders, pages, close: () => emulator.close() };
}
