import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import type { Readiness } from './readiness';

// After the deadline's answers are written, how long they get to reach the clients before the sockets are cut.
const ANSWER_GRACE_MS = 1_000;
// Flushing spans and closing Redis must not hold the exit for long.
const CLEANUP_BUDGET_MS = 2_000;
// The most an exit can take past delayMs + timeoutMs: the orchestrator's grace period must leave this margin.
export const SHUTDOWN_OVERRUN_MS = ANSWER_GRACE_MS + CLEANUP_BUDGET_MS;

export interface ShutdownOptions {
  // The API listener first, then the metrics listener when it is a separate one.
  servers: readonly Server[];
  readiness: Readiness;
  logger: Logger;
  // How long the listeners keep accepting after the signal, so endpoints are updated before the port closes.
  delayMs: number;
  // The drain budget once the listeners closed; past it, what is still in flight is answered.
  timeoutMs: number;
  // Answers a request still in flight at the deadline (503 upstream_unavailable, docs/operations.md "Shutdown").
  answerUnfinished: (res: ServerResponse) => void;
  // Run together once the listeners closed, on every path, each failure logged, all within CLEANUP_BUDGET_MS.
  cleanup: Readonly<Record<string, () => Promise<void>>>;
  exit: (code: number) => void;
  // Where SIGTERM/SIGINT come from: the process itself, or an emitter in tests.
  signals?: NodeJS.EventEmitter;
}

// docs/operations.md, "Shutdown". First signal: /readyz 503 at once, every answer from then on closes its connection; after delayMs
// the listeners close (idle keep-alive sockets too) and in-flight requests finish; timeoutMs later each one left is
// answered 503. Then cleanup and exit 0. A second signal answers what is in flight at once and exits 1.
export function installGracefulShutdown(options: ShutdownOptions): void {
  const { servers, logger } = options;
  const inFlight = new Set<ServerResponse>();
  const timers: NodeJS.Timeout[] = [];
  let signalled = false;
  let closing = false;
  let answered = false;
  let exitCode = 0;

  const closeIdle = () => {
    for (const server of servers) server.closeIdleConnections();
  };

  const track = (_req: IncomingMessage, res: ServerResponse) => {
    if (signalled) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // An answer whose headers went out before the signal kept its connection: close it once it is idle.
      if (closing) setImmediate(closeIdle);
    });
  };
  for (const server of servers) server.prependListener('request', track);

  const stop = async () => {
    for (const timer of timers) clearTimeout(timer);
    await runCleanup(options.cleanup, logger);
    logger.info({ exitCode }, 'stopped');
    options.exit(exitCode);
  };

  const closeListeners = () => {
    if (closing) return;
    closing = true;
    logger.info({ inFlight: inFlight.size, timeoutMs: options.timeoutMs }, 'closing the listener: finishing in-flight requests');
    const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
    closeIdle();
    timers.push(setTimeout(answerUnfinished, options.timeoutMs));
    void Promise.all(closed).then(stop);
  };

  const answerUnfinished = () => {
    if (answered) return;
    answered = true;
    logger.warn({ inFlight: inFlight.size }, 'drain deadline: answering requests still in flight with 503');
    for (const res of inFlight) options.answerUnfinished(res);
    closeIdle();
    timers.push(setTimeout(() => servers.forEach((server) => server.closeAllConnections()), ANSWER_GRACE_MS));
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal, inFlight: inFlight.size }, 'second signal: answering requests still in flight with 503 and exiting');
      exitCode = 1;
      closeListeners();
      answerUnfinished();
      return;
    }
    signalled = true;
    options.readiness.startDraining();
    logger.info({ signal, delayMs: options.delayMs, timeoutMs: options.timeoutMs, inFlight: inFlight.size }, 'draining: finishing in-flight requests');
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    timers.push(setTimeout(closeListeners, options.delayMs));
  };
  const signals = options.signals ?? process;
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}

// Every step runs even when another fails or hangs; the exit waits for them at most CLEANUP_BUDGET_MS.
async function runCleanup(steps: ShutdownOptions['cleanup'], logger: Logger): Promise<void> {
  const pending = new Set(Object.keys(steps));
  const all = Promise.all(
    Object.entries(steps).map(async ([step, run]) => {
      await run().catch((error: unknown) => logger.error({ step, err: error }, 'cleanup step failed'));
      pending.delete(step);
    }),
  );
  let budget: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<void>((resolve) => (budget = setTimeout(resolve, CLEANUP_BUDGET_MS)));
  await Promise.race([all, outOfTime]);
  clearTimeout(budget);
  if (pending.size > 0) logger.warn({ pending: [...pending], budgetMs: CLEANUP_BUDGET_MS }, 'cleanup ran out of time');
}
