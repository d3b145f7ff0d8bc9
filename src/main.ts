// First: .env read and the tracer provider registered before any other module of the service loads.
import { tracing } from './tracing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeApp } from './service/compose-app';
import { ConfigError, loadConfig, type Config } from './service/config';
import { exitOnCrash, installGracefulShutdown } from './service/graceful-shutdown';
import { createLogger, type Logger } from './service/logger';

// Node's default, stated: a larger header block (a cookie stuffed by a script, a scanner) is answered 431 and never parsed.
const MAX_HEADER_BYTES = 16 * 1024;
// Slow senders (slowloris) get cut off: headers within 10 s, the whole request within 30 s.
const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000 };

// The composition root: config → logger → (demo world, only when asked for) → adapters → app → listen → shutdown.
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  exitOnCrash({ logger, exit: (code) => process.exit(code) });
  const demo = await startDemoWorldIfNeeded(config, logger);
  const { app, readiness, close } = composeApp(config, logger, {
    primer: demo?.primer ?? { apiUrl: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '' },
    orders: demo?.orders,
    pages: demo?.pages,
  });
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, ...SERVER_TIMEOUTS }, app);
  // A deep accept queue: a burst of new connections waits for the event loop instead of being dropped and retried by the kernel.
  server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ host: config.host, port, demoMode: config.demoMode, primerApiVersion: config.primer.apiVersion, tracing: tracing.plan }, 'listening');
  });
  const cleanup = async () => {
    await close();
    await demo?.close();
    await tracing.shutdown();
  };
  installGracefulShutdown({ server, readiness, logger, timeoutMs: config.shutdownTimeoutMs, cleanup, exit: (code) => process.exit(code) });
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.problems.map((problem) => `config: ${problem}`).join('\n')}\n`);
    process.exit(1);
  }
}

// The demo wing is imported lazily: production never loads the emulator, the demo carts or the page.
async function startDemoWorldIfNeeded(config: Config, logger: Logger) {
  const needsDemo = config.demoMode || config.demoPage || !config.orders.url;
  if (!needsDemo) return undefined;
  const { startDemoWorld } = await import('./demo/start-demo-world.js');
  return startDemoWorld(config, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
