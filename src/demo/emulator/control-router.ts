import Ajv from 'ajv';
import { Router } from 'express';
import type { EmulatorControl } from './emulator-app';
import { FaultRule } from './faults/fault-rule';

const validateFaultRule = new Ajv({ allErrors: true, strict: false }).compile<FaultRule>(FaultRule);

// The test and demo control path under /_emulator: off unless the emulator was started with `control`.
export function controlRouter(control: EmulatorControl): Router {
  const router = Router();
  router.post('/faults', (req, res) => {
    if (!validateFaultRule(req.body)) {
      res.status(400).json({ error: 'invalid fault rule', details: validateFaultRule.errors ?? [] });
      return;
    }
    control.faults.enqueue(req.body);
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
  return router;
}
