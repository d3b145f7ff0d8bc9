import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { controlBody } from '../control-body';
import { WebhookFaultRule } from './webhook-fault';
import type { WebhookControl, WebhookTarget } from './webhook-sender';

const Secret = Type.String({ minLength: 1, maxLength: 1024 });
const readTarget = controlBody<WebhookTarget>(
  Type.Object({ url: Type.String({ format: 'uri', pattern: '^https?://' }), secret: Secret, previousSecret: Type.Optional(Secret) }, { additionalProperties: false }),
  'webhook target',
);
const readFaultRule = controlBody<WebhookFaultRule>(WebhookFaultRule, 'webhook fault rule');

// PUT /_emulator/webhooks says where deliveries go; GET lists the target (no secrets), attempts and pending faults.
export function addWebhookControlRoutes(router: Router, webhooks: WebhookControl): void {
  router.put('/webhooks', (req, res) => {
    const target = readTarget(req, res);
    if (!target) return;
    webhooks.point(target);
    res.status(204).end();
  });
  router.get('/webhooks', (_req, res) => {
    res.json({ target: webhooks.target() ?? null, deliveries: webhooks.deliveries(), pendingFaults: webhooks.faults.pending() });
  });
  router.post('/webhooks/faults', (req, res) => {
    const rule = readFaultRule(req, res);
    if (!rule) return;
    webhooks.faults.enqueue(rule);
    res.status(201).json({ pending: webhooks.faults.pending() });
  });
}
