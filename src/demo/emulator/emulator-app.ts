import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { clientSessionHandlers } from './client-session-handlers';
import { controlRouter } from './control-router';
import { FaultQueue } from './faults/fault-queue';
import { serveFault } from './faults/serve-fault';
import { requireApiKey, requireApiVersion } from './primer-headers';
import { primerError } from './primer-error';
import { decodeJsonBody, readBodyText, rejectMalformedJson } from './read-json-body';
import { RequestLog, type RecordedRequest } from './request-log';
import { EmulatorSessions } from './sessions/emulator-sessions';

export interface EmulatorAppOptions {
  apiKey?: string;
  control?: boolean;
  maxSessions?: number;
  logger?: Logger;
  now?: () => Date;
}

// The same handle in-process as the HTTP control path offers over /_emulator.
export interface EmulatorControl {
  faults: FaultQueue;
  requests(): RecordedRequest[];
  reset(): void;
}

export function createEmulatorApp(options: EmulatorAppOptions = {}): { app: Express; control: EmulatorControl } {
  const now = options.now ?? (() => new Date());
  const sessions = new EmulatorSessions(options.maxSessions ?? 10_000, now);
  const faults = new FaultQueue();
  const requestLog = new RequestLog();
  const control: EmulatorControl = {
    faults,
    requests: () => requestLog.list(),
    reset: () => {
      faults.clear();
      requestLog.clear();
      sessions.clear();
    },
  };
  const handlers = clientSessionHandlers(sessions);

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.control === true) app.use('/_emulator', express.json(), controlRouter(control));

  app.use(readBodyText, decodeJsonBody, (req, _res, next) => {
    requestLog.record({
      method: req.method,
      path: req.path,
      query: { ...req.query },
      headers: req.headers,
      body: req.body,
      receivedAt: now().toISOString(),
    });
    next();
  });
  app.use(async (req, res, next) => {
    const fault = faults.take(req.method, req.path);
    if (!fault) return next();
    options.logger?.debug({ method: req.method, path: req.path, fault: fault.kind }, 'emulator fault served');
    await serveFault(fault, req, res, next);
  });
  app.use(requireApiKey(options.apiKey), requireApiVersion(now), rejectMalformedJson);

  app.post('/client-session', handlers.create);
  app.get('/client-session', handlers.read);
  app.patch('/client-session', handlers.update);

  app.use((_req, res) => {
    res.status(404).json(primerError('NotFound', 'The requested resource does not exist.'));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (status === 413) {
      res.status(413).json(primerError('PayloadTooLarge', 'The request body is too large.'));
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json(primerError('InvalidRequestBody', 'The request body could not be read.'));
      return;
    }
    options.logger?.error({ err: error }, 'emulator failed');
    res.status(500).json(primerError('InternalServerError', 'The emulator failed.'));
  });
  return { app, control };
}
