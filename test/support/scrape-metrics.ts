import type { Express } from 'express';
import request from 'supertest';

// GET /metrics where the service serves it: the METRICS_PORT listener's app (README.md, "Probes and metrics"), not the API's.
export function scrapeMetrics(subject: { metricsApp: Express }): request.Test {
  return request(subject.metricsApp).get('/metrics');
}
