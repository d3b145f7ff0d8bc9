// First: .env read and tracing started; main awaits it before building the app.
import { tracingStarted } from './tracing';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeApp, metricsShareListener } from './service/compose-app';
import { ConfigError, loadConfig, type Config } from './service/config';
import { exitOnCrash } from './service/lifecycle/exit-on-crash';
import { installGracefulShutdown } from './service/lifecycle/graceful-shutdown';
import { answerAtShutdown } from './service/http/shutdown-answer';
import { createLogger, type Logger } from './service/observability/logger';

// Node's default, stated: a larger header block (a cookie stuffed by a script, a scanner) is answered 431 and never parsed.
const MAX_HEADER_BYTES = 16 * 1024;
// Slow senders (slowloris) get cut off: headers within 10 s, the whole request within 30 s.
const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000 };

// The composition root: config → logger → (demo world, only when asked for) → adapters → app → listen → shutdown.
async function main(): Promise<void> {
  const config = readConfig();
  const tracing = await tracingStarted;
  const logger = createLogger(config.logLevel);
  exitOnCrash({ logger, exit: (code) => process.exit(code) });
  const demo = await startDemoWorldIfNeeded(config, logger);
  const redis = await redisAdaptersIfNeeded(config);
  const { app, metricsApp, readiness, close } = composeApp(config, logger, { ...demo?.parts, redis });
  // /metrics on a listener of its own, so the port a public load balancer reaches never serves it (README.md, "Probes and metrics").
  const servers = metricsShareListener(config) ? [httpServer(app)] : [httpServer(app), httpServer(metricsApp)];
  installGracefulShutdown({
    servers,
    readiness,
    logger,
    delayMs: config.shutdownDelayMs,
    timeoutMs: config.shutdownTimeoutMs,
    answerUnfinished: answerAtShutdown,
    cleanup: { redis: close, demo: () => demo?.close() ?? Promise.resolve(), spans: () => tracing.shutdown() },
    exit: (code) => process.exit(code),
  });
  const [port, metricsPort = port] = await Promise.all(servers.map((server, index) => listen(server, index === 0 ? config.port : config.metricsPort, config.host)));
  if (port !== undefined) demo?.serviceListening(port);
  logger.info({ host: config.host, port, metricsPort, demoMode: config.demoMode, primerApiVersion: config.primer.apiVersion, tracing: tracing.plan }, 'listening');
}

function httpServer(app: RequestListener): Server {
  return createServer({ maxHeaderSize: MAX_HEADER_BYTES, ...SERVER_TIMEOUTS }, app);
}

// A port that cannot be bound (in use, not allowed) stops start-up: main's catch prints it and exits 1.
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: a burst of new connections waits for the event loop instead of being dropped and retried by the kernel.
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
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
  if (!config.demoWorld) return undefined;
  const { startDemoWorld } = await import('./demo/start-demo-world.js');
  return startDemoWorld(config, logger);
}

// Imported only with REDIS_URL: a replica alone never loads ioredis (docs/performance.md, "What changed, and what each was worth").
async function redisAdaptersIfNeeded(config: Config) {
  if (!config.redis.url) return undefined;
  const { redisSharedState } = await import('./service/redis/redis-shared-state.js');
  return redisSharedState;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
