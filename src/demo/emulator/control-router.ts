import { Router } from 'express';
import { controlBody } from './control-body';
import type { EmulatorControl } from './emulator-app';
import { FaultRule } from './faults/fault-rule';
import { addPaymentControlRoutes } from './payments/payment-control-routes';
import { addWebhookControlRoutes } from './webhooks/webhook-control-routes';

const readFaultRule = controlBody<FaultRule>(FaultRule, 'fault rule');

// The test and demo control path under /_emulator: off unless the emulator was started with `control`.
export function controlRouter(control: EmulatorControl): Router {
  const router = Router();
  router.post('/faults', (req, res) => {
    const rule = readFaultRule(req, res);
    if (!rule) return;
    control.faults.enqueue(rule);
    res.status(201).json({ pending: control.faults.pending() });
  });
  router.get('/faults', (_req, res) => {
    res.json({ pending: control.faults.pending() });
  });
  router.get('/requests', (_req, res) => {
    res.json({ requests: control.requests() });
  });
  router.post('/reset', (_req, res) => {
    control.reset();
    res.status(204).end();
  });
  addPaymentControlRoutes(router, control.payments);
  addWebhookControlRoutes(router, control.webhooks);
  return router;
}
