import { afterDelay, neverAnswer, refusingUrl, resetMidResponse, sendJson, sendCorruptGzip, sendGzipBomb, sendText, streamOversizedJson, trickle } from '../support/fake-http-server';
import { created, primerError, type PrimerReply } from '../support/fake-primer';
import { buildTestApp, TEST_API_KEY, type TestApp } from '../support/test-app';
import { attemptsCounted, expectNothingLeaked, expectProblem, openSessionTimed, primerAttemptsLogged } from './support/shopper-answer';
import { useFakeUpstreams } from '../support/component-stack';
import { BUDGET_ENV, ORDER_SERVICE_TIMEOUT_MS, PRIMER_TIMEOUT_MS, WITHIN_BUDGET_MS } from './support/budgets';

const NGINX_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>';
const SESSION_JSON = JSON.stringify({ clientToken: 'token-never-finished', clientTokenExpirationDate: '2026-11-26T14:53:51.578695', warnings: [] });

const upstreams = useFakeUpstreams();

function subjectFor(primerUrl: string): TestApp {
  return buildTestApp({
    PRIMER_API_URL: primerUrl,
    ORDER_SERVICE_URL: upstreams.orders.url,
    ...BUDGET_ENV,
    PRIMER_MAX_RETRIES: '2',
    PRIMER_BREAKER_FAILURES: '0',
  });
}

interface Row {
  primer: string;
  replies: PrimerReply[];
  status: number;
  code: string;
  attempts: number;
}

const always = (reply: PrimerReply): PrimerReply[] => [reply, reply, reply];

const rows: Row[] = [
  { primer: 'resets the connection mid-response', replies: always((_req, res) => resetMidResponse(res, SESSION_JSON)), status: 503, code: 'upstream_unavailable', attempts: 3 },
  { primer: 'never answers', replies: always(neverAnswer), status: 504, code: 'upstream_timeout', attempts: 1 },
  { primer: 'sends its headers after the budget', replies: always((req, res) => afterDelay(res, PRIMER_TIMEOUT_MS + 500, () => created(req, res))), status: 504, code: 'upstream_timeout', attempts: 1 },
  { primer: 'trickles the body one byte every 50 ms', replies: always((_req, res) => trickle(res, SESSION_JSON, 50)), status: 504, code: 'upstream_timeout', attempts: 1 },
  { primer: 'answers 429 with Retry-After: 1 each time', replies: always(primerError(429, { 'Retry-After': '1' })), status: 503, code: 'upstream_unavailable', attempts: 2 },
  { primer: 'answers 429 with a Retry-After past the budget', replies: always(primerError(429, { 'Retry-After': '30' })), status: 503, code: 'upstream_unavailable', attempts: 1 },
  ...[500, 502, 503, 504].map((status) => ({ primer: `answers ${status} each time`, replies: always(primerError(status)), status: 503, code: 'upstream_unavailable', attempts: 3 })),
  ...[400, 401, 403, 404, 409, 410, 422].map((status) => ({ primer: `answers ${status}`, replies: [primerError(status)], status: 502, code: 'upstream_error', attempts: 1 })),
  { primer: 'answers 200 with invalid JSON', replies: [(_req, res) => sendText(res, 200, 'application/json', '{"clientToken": "eyJhbGciOi')], status: 502, code: 'upstream_error', attempts: 1 },
  { primer: 'answers 200 without clientToken', replies: [(_req, res) => sendJson(res, 200, { clientTokenExpirationDate: '2026-11-26T14:53:51.578695', warnings: [] })], status: 502, code: 'upstream_error', attempts: 1 },
  { primer: 'answers 200 with an unreadable expiry', replies: [(_req, res) => sendJson(res, 200, { clientToken: 'token-without-expiry', clientTokenExpirationDate: 'tomorrow' })], status: 502, code: 'upstream_error', attempts: 1 },
  { primer: 'answers 200 with a body over 1 MiB', replies: [(_req, res) => streamOversizedJson(res, 2 * 1024 * 1024)], status: 502, code: 'upstream_error', attempts: 1 },
  { primer: 'answers 200 with gzip that inflates past 1 MiB', replies: [(_req, res) => sendGzipBomb(res, 8 * 1024 * 1024)], status: 502, code: 'upstream_error', attempts: 1 },
  { primer: 'answers 200 with corrupt gzip', replies: always((_req, res) => sendCorruptGzip(res)), status: 502, code: 'upstream_error', attempts: 1 },
  { primer: 'answers an HTML 502 page from its proxy each time', replies: always((_req, res) => sendText(res, 502, 'text/html', NGINX_PAGE)), status: 503, code: 'upstream_unavailable', attempts: 3 },
  { primer: 'answers an HTML page with status 200', replies: [(_req, res) => sendText(res, 200, 'text/html', NGINX_PAGE)], status: 502, code: 'upstream_error', attempts: 1 },
];

describe('fault matrix: Primer', () => {
  it.each(rows)('when Primer $primer, then $status $code after $attempts attempt(s), within the budget, leaking nothing', async (row) => {
    upstreams.primer.queue(...row.replies);
    const subject = subjectFor(upstreams.primer.url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, row.status, row.code);
    expect(upstreams.primer.requests).toHaveLength(row.attempts);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
    expectNothingLeaked(res, [upstreams.primer.port, upstreams.orders.port]);
    expect(subject.logs.join('\n')).not.toContain(TEST_API_KEY);
    if (row.status === 503) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('when Primer refuses the connection, then 503 upstream_unavailable with Retry-After after 3 attempts, within the budget, leaking nothing', async () => {
    const url = await refusingUrl();
    const subject = subjectFor(url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(primerAttemptsLogged(subject.logs)).toBe(3);
    expect(await attemptsCounted(subject, 'primer', 'connection_error')).toBe(3);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
    expectNothingLeaked(res, [Number(new URL(url).port), upstreams.orders.port]);
  });
});

describe('both budgets at once', () => {
  it('when the order service answers just inside its budget and Primer never answers, then 504 still comes within both budgets plus the margin', async () => {
    const cart = upstreams.orders.carts.get('demo-gbp')!;
    upstreams.orders.queue((_req, res) => afterDelay(res, ORDER_SERVICE_TIMEOUT_MS - 100, () => sendJson(res, 200, cart)));
    upstreams.primer.queue(neverAnswer);
    const subject = subjectFor(upstreams.primer.url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 504, 'upstream_timeout');
    expect(elapsedMs).toBeGreaterThanOrEqual(PRIMER_TIMEOUT_MS + ORDER_SERVICE_TIMEOUT_MS - 100);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
  });
});

describe('retries that Primer rewards', () => {
  it('when Primer answers 429 with Retry-After: 1, then the retry waits at least that second and the shopper gets the token', async () => {
    upstreams.primer.queue(primerError(429, { 'Retry-After': '1' }));
    const subject = subjectFor(upstreams.primer.url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(upstreams.primer.requests).toHaveLength(2);
    expect(upstreams.primer.requests[1]!.receivedAt - upstreams.primer.requests[0]!.receivedAt).toBeGreaterThanOrEqual(990);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it('when Primer answers 429 with Retry-After as an HTTP date past the budget, then no retry and the shopper is told to come back then', async () => {
    upstreams.primer.queue(primerError(429, { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() }));
    const subject = subjectFor(upstreams.primer.url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(upstreams.primer.requests).toHaveLength(1);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(58);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(elapsedMs).toBeLessThan(500);
  });

  it('when Primer answers 503 twice and then succeeds, then the shopper gets the token from the third attempt', async () => {
    upstreams.primer.queue(primerError(503), primerError(503));
    const subject = subjectFor(upstreams.primer.url);

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(upstreams.primer.requests).toHaveLength(3);
    expect(new Set(upstreams.primer.requests.map((req) => req.body)).size).toBe(1);
  });

  it('when Primer sends its headers late but inside the budget, then the shopper gets the token from one attempt', async () => {
    upstreams.primer.queue((req, res) => afterDelay(res, PRIMER_TIMEOUT_MS / 2, () => created(req, res)));
    const subject = subjectFor(upstreams.primer.url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(upstreams.primer.requests).toHaveLength(1);
    expect(elapsedMs).toBeGreaterThanOrEqual(PRIMER_TIMEOUT_MS / 2);
  });
});
