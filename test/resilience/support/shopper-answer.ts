import type { Express } from 'express';
import request from 'supertest';
import { scrapeMetrics } from '../../support/scrape-metrics';
import { TEST_API_KEY, type TestApp } from '../../support/test-app';

export interface TimedAnswer {
  res: request.Response;
  elapsedMs: number;
}

// What the shopper's browser sees, and how long it waited for it.
export async function openSessionTimed(app: Express, cartId: string, headers: Record<string, string> = {}): Promise<TimedAnswer> {
  const started = performance.now();
  const res = await request(app).post('/checkout/session').set(headers).send({ cartId });
  return { res, elapsedMs: performance.now() - started };
}

export function expectProblem(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as { code?: unknown }).code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), code, requestId: res.headers['x-request-id'] });
}

// Words the fakes put in their answers that must stay in the logs: Primer's error envelope, a proxy's page, the fakes' addresses.
const UPSTREAM_WORDS = [TEST_API_KEY, 'PrimerSecretErrorId', 'Primer internal description', 'diag-123456', 'nginx', '127.0.0.1', 'localhost', 'http://'];
const STACK_FRAME = /\bat .+[.:](ts|js)\b|\.ts:\d+|node_modules|Error:/;

// Body and every header: no key, no upstream words or diagnostics id, no upstream host:port, no stack.
export function expectNothingLeaked(res: request.Response, upstreamPorts: readonly number[]): void {
  const shown = `${JSON.stringify(res.headers)}\n${res.text}`;
  for (const word of UPSTREAM_WORDS) expect(shown).not.toContain(word);
  for (const port of upstreamPorts) expect(shown).not.toMatch(new RegExp(`\\b${port}\\b`));
  expect(shown).not.toMatch(STACK_FRAME);
}

function logLines(logs: readonly string[]): Record<string, unknown>[] {
  return logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

// Primer attempts as the adapter reported them ("… after N attempt(s)") on the failure it logged.
export function primerAttemptsLogged(logs: readonly string[]): number | undefined {
  const failure = logLines(logs).find((line) => line.msg === 'upstream failure' && line.upstream === 'primer');
  const match = /after (\d+) attempt/.exec(String(failure?.detail));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

// Order-service attempts: the first one plus each logged retry.
export function orderAttemptsLogged(logs: readonly string[]): number {
  return 1 + logLines(logs).filter((line) => line.msg === 'retrying order service').length;
}

export function logLinesWith(logs: readonly string[], msg: string): Record<string, unknown>[] {
  return logLines(logs).filter((line) => line.msg === msg);
}

// Attempts the service itself counted, from its Prometheus histogram of upstream attempts.
export async function attemptsCounted(subject: TestApp, upstream: 'primer' | 'orders', outcome: string): Promise<number> {
  const res = await scrapeMetrics(subject);
  const line = new RegExp(`^upstream_request_duration_seconds_count\\{upstream="${upstream}",outcome="${outcome}"\\} (\\d+)$`, 'm').exec(res.text);
  return Number(line?.[1] ?? 0);
}

export async function breakerStateShown(subject: TestApp): Promise<string | undefined> {
  const res = await scrapeMetrics(subject);
  return /^circuit_breaker_state\{upstream="primer",state="([a-z-]+)"\} 1$/m.exec(res.text)?.[1];
}
