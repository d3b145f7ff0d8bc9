import { sendJson } from '../support/fake-http-server';
import { createdWith, primerError, primerExpiryIn, type PrimerReply } from '../support/fake-primer';
import { useFakeUpstreams } from '../support/component-stack';
import { buildTestApp, type TestApp } from '../support/test-app';
import { BUDGET_ENV } from './support/budgets';
import { expectNothingLeaked, expectProblem, openSessionTimed } from './support/shopper-answer';

const HOUR_MS = 3_600_000;
const HUGE_TOKEN = 'x'.repeat(900 * 1024);

const upstreams = useFakeUpstreams();

const subject = (): TestApp => buildTestApp({ PRIMER_API_URL: upstreams.primer.url, ORDER_SERVICE_URL: upstreams.orders.url, ...BUDGET_ENV, PRIMER_BREAKER_FAILURES: '0' });

const tokenReply = (clientToken: string, clientTokenExpirationDate: string): PrimerReply => (_req, res) => sendJson(res, 200, { clientToken, clientTokenExpirationDate, warnings: [] });

describe('answer bounds: what Primer hands out is checked before the browser or the store sees it', () => {
  it.each([
    ['a 900 KB token', tokenReply(HUGE_TOKEN, primerExpiryIn(24 * HOUR_MS))],
    ['an expiry an hour past', createdWith(primerExpiryIn(-HOUR_MS))],
    ['an expiry in the year 9999', tokenReply('token-year-9999', '9999-12-31T23:59:59.999999')],
    ['an expiry 49 hours ahead', createdWith(primerExpiryIn(49 * HOUR_MS))],
  ])('when Primer answers with %s, then 502 upstream_error and nothing is stored: the next call asks Primer again', async (_case, reply) => {
    upstreams.primer.queue(reply);
    const app = subject();

    const { res } = await openSessionTimed(app.app, 'demo-gbp');

    expectProblem(res, 502, 'upstream_error');
    expectNothingLeaked(res, [upstreams.primer.port, upstreams.orders.port]);
    expect(res.text).not.toContain('token-year-9999');
    const again = await openSessionTimed(app.app, 'demo-gbp');
    expect(again.res.status).toBe(200);
    expect(upstreams.primer.calls('POST')).toHaveLength(2);
    expect(app.logs.join('\n')).not.toContain(HUGE_TOKEN.slice(0, 64));
  });

  it('when Primer answers 429 with Retry-After: 99999, then the shopper is told 60 s, at once', async () => {
    upstreams.primer.queue(primerError(429, { 'Retry-After': '99999' }));

    const { res, elapsedMs } = await openSessionTimed(subject().app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(res.headers['retry-after']).toBe('60');
    expect(upstreams.primer.requests).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(500);
  });

  it('when the order service answers 503 with Retry-After: 99999, then the shopper is told 60 s', async () => {
    upstreams.orders.queue((_req, res) => sendJson(res, 503, {}, { 'Retry-After': '99999' }));

    const { res } = await openSessionTimed(subject().app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(res.headers['retry-after']).toBe('60');
  });
});
