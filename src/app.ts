import express, { type Express } from 'express';
import helmet from 'helmet';
import type { CheckoutSessions } from './checkout/checkout-sessions';
import type { TrustProxy } from './config';
import { errorHandler } from './http/error-handler';
import { notFound } from './http/fallback-routes';
import { requestId } from './http/request-id';
import { requestLog } from './http/request-log';
import type { Logger } from './logger';
import type { Cart } from './orders/cart';
import { checkoutSessionRoutes } from './routes/checkout-session';
import { demoPageRouter } from './routes/demo-page';
import { healthRoutes, type Readiness } from './routes/health';

export interface AppDeps {
  checkout: CheckoutSessions;
  logger: Logger;
  readiness: Readiness;
  trustProxy: TrustProxy;
  // Set in demo mode or with DEMO_PAGE=true: the carts the demo page offers.
  demoCarts?: readonly Cart[] | undefined;
}

// Builds the app; never listens and never reads process.env, so tests can build as many as they like.
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(requestId);
  app.use(requestLog(deps.logger));
  app.use(helmet());
  app.use(healthRoutes(deps.readiness));
  app.use(checkoutSessionRoutes(deps.checkout));
  if (deps.demoCarts) app.use(demoPageRouter({ carts: deps.demoCarts }));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
