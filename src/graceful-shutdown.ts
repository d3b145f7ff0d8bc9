import type { Server } from 'node:http';
import type { Logger } from './logger';
import type { Readiness } from './routes/health';

export interface ShutdownOptions {
  server: Server;
  readiness: Readiness;
  logger: Logger;
  timeoutMs: number;
  // Runs after the server closed (or the budget ran out): stop what main started, e.g. the demo emulator.
  cleanup: () => Promise<void>;
  exit: (code: number) => void;
}

// First signal: not ready at once, finish in-flight requests, close idle sockets, exit 0. Second signal: exit at once.
export function installGracefulShutdown(options: ShutdownOptions): void {
  const { server, readiness, logger } = options;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      options.exit(1);
      return;
    }
    stopping = true;
    readiness.startDraining();
    logger.info({ signal, timeoutMs: options.timeoutMs }, 'draining: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('drain budget ran out: closing remaining connections');
      server.closeAllConnections();
    }, options.timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      options
        .cleanup()
        .catch((error: unknown) => logger.error({ err: error }, 'cleanup failed'))
        .finally(() => {
          logger.info('stopped');
          options.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
