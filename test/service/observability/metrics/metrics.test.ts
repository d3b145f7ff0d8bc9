import request from 'supertest';
import { Metrics } from '../../../../src/service/observability/metrics/metrics';
import { primerError } from '../../../support/fake-primer';
import { useComponentStack } from '../../../support/component-stack';
import { scrapeMetrics } from '../../../support/scrape-metrics';
import { buildTestApp } from '../../../support/test-app';

const stack = useComponentStack({ PRIMER_BREAKER_FAILURES: '1', PRIMER_MAX_RETRIES: '0' });
const retrying = useComponentStack({ PRIMER_MAX_RETRIES: '2', PRIMER_BREAKER_FAILURES: '0' });

async function scrape(): Promise<string> {
  const res = await scrapeMetrics(stack.subject).expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text;
}

// The value of one series, e.g. sample(text, 'checkout_sessions_total', { outcome: 'created' }).
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2]!.split(',');
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

const open = (cartId: string) => request(stack.subject.app).post('/checkout/session').send({ cartId });

describe('GET /metrics', () => {
  it('when requests were served, then their durations are counted by method, route template and status', async () => {
    await open('demo-gbp').expect(200);
    await open('../x').expect(400);
    await request(stack.subject.app).get('/no/such/path/12345').expect(404);

    const text = await scrape();

    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/checkout/session', status_code: '200' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/checkout/session', status_code: '400' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain('/no/such/path');
  });

  it('when sessions are created, reused and updated, then the session counter says so', async () => {
    await open('demo-gbp').expect(200);
    await open('demo-gbp').expect(200);
    stack.orders.carts.get('demo-gbp')!.version = 99;
    await open('demo-gbp').expect(200);

    const text = await scrape();

    expect(sample(text, 'checkout_sessions_total', { outcome: 'created' })).toBe(1);
    expect(sample(text, 'checkout_sessions_total', { outcome: 'reused' })).toBe(1);
    expect(sample(text, 'checkout_sessions_total', { outcome: 'updated' })).toBe(1);
  });

  it('when upstreams are called, then each attempt is timed by upstream and outcome', async () => {
    await open('demo-gbp').expect(200);
    stack.primer.queue(primerError(503));
    await open('demo-jpy').expect(503);

    const text = await scrape();

    expect(sample(text, 'upstream_request_duration_seconds_count', { upstream: 'orders', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'upstream_request_duration_seconds_count', { upstream: 'primer', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'upstream_request_duration_seconds_count', { upstream: 'primer', outcome: 'server_error' })).toBe(1);
  });

  it('when the Primer breaker opens, then the state gauge moves from closed to open', async () => {
    expect(sample(await scrape(), 'circuit_breaker_state', { upstream: 'primer', state: 'closed' })).toBe(1);
    stack.primer.queue(primerError(503));
    await open('demo-gbp').expect(503);

    const text = await scrape();

    expect(sample(text, 'circuit_breaker_state', { upstream: 'primer', state: 'open' })).toBe(1);
    expect(sample(text, 'circuit_breaker_state', { upstream: 'primer', state: 'closed' })).toBe(0);
  });

  it('when the open breaker turns a checkout away, then the rejection is counted and Primer is not called', async () => {
    stack.primer.queue(primerError(503));
    await open('demo-gbp').expect(503);
    const primerCalls = stack.primer.requests.length;

    await open('demo-jpy').expect(503);

    expect(stack.primer.requests.length).toBe(primerCalls);
    expect(sample(await scrape(), 'circuit_breaker_rejections_total', { upstream: 'primer' })).toBe(1);
  });

  it('when every status label is read, then it is numeric', async () => {
    await open('demo-gbp').expect(200);
    await request(stack.subject.app).get('/nowhere').expect(404);

    const labels = [...(await scrape()).matchAll(/^http_request_duration_seconds_count\{[^}]*status_code="([^"]*)"/gm)].map((match) => match[1]);

    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^[1-5]\d\d$/);
  });

  it('when the client leaves before the answer, then the request is counted as aborted, not under a status', async () => {
    stack.primer.queue(() => {});
    await expect(open('demo-gbp').timeout(300)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));

    const text = await scrape();

    expect(sample(text, 'http_requests_aborted_total', { method: 'POST', route: '/checkout/session' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/checkout/session' })).toBeUndefined();
  });

  it('when scraped, then the process defaults are there too', async () => {
    const text = await scrape();

    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('when a scanner sends odd methods and many paths, then the label sets stay few', async () => {
    for (let i = 0; i < 50; i += 1) await request(stack.subject.app).get(`/wp-admin/${i}.php`);
    await request(stack.subject.app).search('/checkout/session');

    const text = await scrape();
    const series = text.split('\n').filter((line) => line.startsWith('http_request_duration_seconds_count'));

    expect(series).toHaveLength(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'OTHER', route: '/checkout/session', status_code: '405' })).toBe(1);
  });
});

describe('Metrics', () => {
  it('when two are made, then each has its own registry and counts', async () => {
    const one = new Metrics();
    const two = new Metrics();

    one.countSession('created');

    expect(sample(await one.registry.metrics(), 'checkout_sessions_total', { outcome: 'created' })).toBe(1);
    expect(sample(await two.registry.metrics(), 'checkout_sessions_total', { outcome: 'created' })).toBeUndefined();
  });
});

describe('GET /metrics with retries on', () => {
  it('when Primer answers 503, 429 and then 200 and the cart call is refused once, then retries are counted by upstream and reason', async () => {
    retrying.primer.queue(primerError(503), primerError(429));
    retrying.orders.queue((_req, res) => res.socket?.destroy());

    await request(retrying.subject.app).post('/checkout/session').send({ cartId: 'demo-gbp' }).expect(200);

    const text = (await scrapeMetrics(retrying.subject).expect(200)).text;
    expect(sample(text, 'upstream_retries_total', { upstream: 'primer', reason: 'server_error' })).toBe(1);
    expect(sample(text, 'upstream_retries_total', { upstream: 'primer', reason: 'rate_limited' })).toBe(1);
    expect(sample(text, 'upstream_retries_total', { upstream: 'orders', reason: 'connection_error' })).toBe(1);
  });
});

describe('where /metrics is served (METRICS_PORT)', () => {
  it('when METRICS_PORT differs from PORT, then the API listener answers /metrics 404 not_found and the metrics listener serves it', async () => {
    const subject = buildTestApp({ PORT: '8080', METRICS_PORT: '9464' });

    const onApi = await request(subject.app).get('/metrics');

    expect(onApi.status).toBe(404);
    expect(onApi.body).toMatchObject({ code: 'not_found', requestId: onApi.headers['x-request-id'] });
    expect(onApi.text).not.toContain('# TYPE');
    await scrapeMetrics(subject).expect(200).expect('Content-Type', /^text\/plain/);
  });

  it('when METRICS_PORT equals PORT, then the one listener serves /metrics with the API', async () => {
    const subject = buildTestApp({ PORT: '8080', METRICS_PORT: '8080' });

    const res = await request(subject.app).get('/metrics').expect(200);

    expect(res.text).toContain('# TYPE checkout_sessions_total counter');
  });

  it('when both ports are 0, then each gets a listener of its own and the API listener does not serve /metrics', async () => {
    await request(buildTestApp({ PORT: '0', METRICS_PORT: '0' }).app).get('/metrics').expect(404);
  });

  it('when the metrics listener is asked for anything else, then 404 not_found, and another method on /metrics is 405', async () => {
    const { metricsApp } = buildTestApp({});

    const other = await request(metricsApp).post('/checkout/session').send({ cartId: 'demo-gbp' });
    const posted = await request(metricsApp).post('/metrics');

    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
    expect([posted.status, posted.headers['allow']]).toEqual([405, 'GET']);
  });
});
