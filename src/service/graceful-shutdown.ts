import type { Server, ServerResponse } from 'node:http';
import type { Logger } from './logger';
import type { Readiness } from './routes/health';

export interface ShutdownOptions {
  server: Server;
  readiness: Readiness;
  logger: Logger;
  timeoutMs: number;
  // Runs after the server closed: stop what main started, e.g. the demo emulator.
  cleanup: () => Promise<void>;
  exit: (code: number) => void;
  // Where SIGTERM/SIGINT come from: the process itself, or an emitter in tests.
  signals?: NodeJS.EventEmitter;
}

// First signal: /readyz 503 at once; in-flight requests finish, each answer closing its connection; once none is left
// the listener and idle keep-alive sockets close and the process exits 0, at the latest after timeoutMs.
// Second signal: exit 1 at once.
export function installGracefulShutdown(options: ShutdownOptions): void {
  const { server, readiness, logger } = options;
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let closing = false;
  let exited = false;
  let deadline: NodeJS.Timeout | undefined;

  const exitOnce = (code: number) => {
    if (exited) return;
    exited = true;
    options.exit(code);
  };

  const closeWhenIdle = () => {
    if (!draining || closing || inFlight.size > 0) return;
    closing = true;
    logger.info('no request in flight: closing the listener');
    server.close(() => {
      options
        .cleanup()
        .catch((error: unknown) => logger.error({ err: error }, 'cleanup failed'))
        .finally(() => {
          clearTimeout(deadline);
          logger.info('stopped');
          exitOnce(0);
        });
    });
    server.closeIdleConnections();
  };

  server.prependListener('request', (_req, res: ServerResponse) => {
    // While draining, every answer closes its connection, so keep-alive clients reconnect to another instance.
    if (draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      closeWhenIdle();
    });
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) {
      logger.warn({ signal }, 'second signal: exiting now');
      exitOnce(1);
      return;
    }
    draining = true;
    readiness.startDraining();
    logger.info({ signal, timeoutMs: options.timeoutMs, inFlight: inFlight.size }, 'draining: finishing in-flight requests');
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    deadline = setTimeout(() => {
      logger.warn({ inFlight: inFlight.size }, 'drain budget ran out: closing remaining connections');
      server.closeAllConnections();
      exitOnce(0);
    }, options.timeoutMs);
    deadline.unref();
    closeWhenIdle();
  };
  const signals = options.signals ?? process;
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}

export interface CrashOptions {
  logger: Logger;
  exit: (code: number) => void;
  events?: NodeJS.EventEmitter;
}

// A rejection nobody handled or an exception nobody caught leaves the process in an unknown state: log the stack, exit 1.
export function exitOnCrash(options: CrashOptions): void {
  const events = options.events ?? process;
  const crash = (what: string) => (error: unknown) => {
    options.logger.fatal({ err: error }, `${what}: exiting`);
    options.exit(1);
  };
  events.on('unhandledRejection', crash('unhandled rejection'));
  events.on('uncaughtException', crash('uncaught exception'));
}
