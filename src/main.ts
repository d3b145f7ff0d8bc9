import 'dotenv/config';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeApp, type PrimerEndpoint } from './compose-app';
import { ConfigError, loadConfig, type Config } from './config';
import { startEmulator } from './emulator/start-emulator';
import { exitOnCrash, installGracefulShutdown } from './graceful-shutdown';
import { createLogger, type Logger } from './logger';

// Node's default, stated: a larger header block (a cookie stuffed by a script, a scanner) is answered 431 and never parsed.
const MAX_HEADER_BYTES = 16 * 1024;
// Slow senders (slowloris) get cut off: headers within 10 s, the whole request within 30 s.
const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000 };

// The composition root: config → logger → adapters → app → listen → shutdown.
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  exitOnCrash({ logger, exit: (code) => process.exit(code) });
  const primer = await primerEndpoint(config, logger);
  // Demo mode says all in its one warning; with a real key, pricing demo carts deserves a warning of its own.
  if (!config.demoMode && !config.orders.url) logger.warn('ORDER_SERVICE_URL unset: serving the built-in demo carts');
  const { app, readiness } = composeApp(config, logger, primer);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, ...SERVER_TIMEOUTS }, app);
  // A deep accept queue: a burst of new connections waits for the event loop instead of being dropped and retried by the kernel.
  server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ host: config.host, port, demoMode: config.demoMode, primerApiVersion: config.primer.apiVersion }, 'listening');
  });
  installGracefulShutdown({ server, readiness, logger, timeoutMs: config.shutdownTimeoutMs, cleanup: primer.close, exit: (code) => process.exit(code) });
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

// Demo mode talks to the emulator on a loopback port; production never starts it.
async function primerEndpoint(config: Config, logger: Logger): Promise<PrimerEndpoint & { close: () => Promise<void> }> {
  if (!config.demoMode) return { apiUrl: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '', close: async () => {} };
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  logger.warn(
    { emulatorUrl: emulator.url, carts: config.orders.url ? 'ORDER_SERVICE_URL' : 'built-in demo carts' },
    'demo mode: PRIMER_API_KEY unset, client tokens come from the built-in Primer emulator and are not real',
  );
  return { apiUrl: emulator.url, apiKey: 'demo', close: () => emulator.close() };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
