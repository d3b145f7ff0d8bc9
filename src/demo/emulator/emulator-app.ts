import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { clientSessionHandlers } from './client-session-handlers';
import { controlRouter } from './control-router';
import { FaultQueue } from './faults/fault-queue';
import { serveFault } from './faults/serve-fault';
import { requireApiKey, requireApiVersion } from './primer-headers';
import { primerError } from './primer-error';
import { EmulatorPayments } from './payments/emulator-payments';
import { paymentControl, type PaymentControl } from './payments/payment-control';
import { readPayment } from './payments/payment-handlers';
import { decodeJsonBody, readBodyText, rejectMalformedJson } from './read-json-body';
import { RequestLog, type RecordedRequest } from './request-log';
import { EmulatorSessions } from './sessions/emulator-sessions';
import { WebhookSender, type WebhookControl, type WebhookTarget } from './webhooks/webhook-sender';

export interface EmulatorAppOptions {
  apiKey?: string;
  control?: boolean;
  maxSessions?: number;
  logger?: Logger;
  now?: () => Date;
  // Where PAYMENT.STATUS webhooks go from the start; the control path or handle may point them elsewhere later.
  webhook?: WebhookTarget;
  // Waits between attempts of a failed delivery; Primer's by default (three, five seconds apart).
  webhookRetryDelaysMs?: readonly number[];
}

// The same handle in-process as the HTTP control path offers over /_emulator.
export interface EmulatorControl {
  faults: FaultQueue;
  requests(): RecordedRequest[];
  payments: PaymentControl;
  webhooks: WebhookControl;
  // Forgets sessions, payments, faults, recorded requests and deliveries; the webhook target stays.
  reset(): void;
}

export interface EmulatorApp {
  app: Express;
  control: EmulatorControl;
  // Cancels pending webhook retries and deliveries in flight.
  stopWebhooks: () => void;
}

export function createEmulatorApp(options: EmulatorAppOptions = {}): EmulatorApp {
  const now = options.now ?? (() => new Date());
  const maxSessions = options.maxSessions ?? 10_000;
  const sessions = new EmulatorSessions(maxSessions, now);
  const payments = new EmulatorPayments(maxSessions, now);
  const webhooks = new WebhookSender({ now, retryDelaysMs: options.webhookRetryDelaysMs, logger: options.logger });
  webhooks.point(options.webhook);
  const faults = new FaultQueue();
  const requestLog = new RequestLog();
  const control: EmulatorControl = {
    faults,
    requests: () => requestLog.list(),
    payments: paymentControl(sessions, payments, webhooks),
    webhooks,
    reset: () => {
      faults.clear();
      requestLog.clear();
      sessions.clear();
      payments.clear();
      webhooks.clear();
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
  app.get('/payments/:id', readPayment(payments));

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
  return { app, control, stopWebhooks: () => webhooks.close() };
}
