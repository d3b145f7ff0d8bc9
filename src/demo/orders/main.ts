import pino from 'pino';
import { DEMO_CARTS } from './demo-carts';
import { createDemoOrderServer } from './demo-order-server';

// Runs the demo order service alone (the `orders` container in docker-compose).
const DEFAULT_PORT = 4020;
const CLOSE_TIMEOUT_MS = 5000;

const logger = pino({ name: 'demo-order-service', level: process.env.LOG_LEVEL ?? 'info' });
const port = Number(process.env.PORT ?? DEFAULT_PORT);
const host = process.env.HOST ?? '0.0.0.0';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.fatal({ port: process.env.PORT }, 'PORT must be an integer between 0 and 65535');
  process.exit(1);
}

// The service's ORDER_SERVICE_TOKEN, when it sends one: the same variable, so one .env serves both.
const server = createDemoOrderServer(DEMO_CARTS, { paymentEventsToken: process.env.ORDER_SERVICE_TOKEN || undefined });

server.listen(port, host, () => {
  logger.info({ address: server.address(), carts: DEMO_CARTS.map((cart) => cart.id) }, 'demo order service listening');
});

function shutdown(signal: NodeJS.Signals): void {
  logger.info({ signal }, 'shutting down');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // A client holding a request open must not keep the container from stopping.
  setTimeout(() => server.closeAllConnections(), CLOSE_TIMEOUT_MS).unref();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
