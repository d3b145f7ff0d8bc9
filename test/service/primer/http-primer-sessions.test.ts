import type { ServerResponse } from 'node:http';
import { HttpPrimerSessions } from '../../../src/service/primer/http-primer-sessions';
import { SessionUpdateRefusedError } from '../../../src/service/primer/primer-sessions';
import type { ClientSessionRequest } from '../../../src/service/primer/schema/client-session-request';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../../../src/service/upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { afterDelay, neverAnswer, sendJson, startFakeServer, type FakeServer, type RecordedRequest } from '../../support/fake-http-server';
import { TEST_API_KEY } from '../../support/test-app';
import { useTestTracing } from '../../support/test-tracing';
import { failureOf, newObserved, primerApiFor, stepFor, type Observed, type PrimerApiSettings } from '../../support/upstream-kit';

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

const HOUR_MS = 3_600_000;
const BODY: ClientSessionRequest = { orderId: 'order-1', currencyCode: 'GBP', amount: 1200 };
const primerTime = (epochMs: number) => new Date(epochMs).toISOString().slice(0, -1);

const spans = useTestTracing();
let primer: FakeServer;
let replies: Handler[];
let observed: Observed;

beforeEach(async () => {
  replies = [];
  observed = newObserved();
  primer = await startFakeServer((req, res) => (replies.shift() ?? issued('token-1', Date.now() + 24 * HOUR_MS))(req, res));
});

afterEach(() => primer.close());

function issued(clientToken: string, expiresAt: number): Handler {
  return (_req, res) => sendJson(res, 200, { clientToken, clientTokenExpirationDate: primerTime(expiresAt), warnings: [] });
}

function primerFailing(status: number, description = 'Primer says no'): Handler {
  return (_req, res) => sendJson(res, status, { error: { errorId: 'SomeError', description, diagnosticsId: 'diag-1' } });
}

const sessions = (settings?: PrimerApiSettings) => new HttpPrimerSessions(primerApiFor(primer.url, observed, settings));

describe('HttpPrimerSessions.create', () => {
  it('when Primer issues a token, then POST /client-session carried the key, version, JSON, request id and traceparent, and the token comes back', async () => {
    const expiresAt = Date.now() + 24 * HOUR_MS;
    replies.push(issued('token-ok', expiresAt));

    const token = await sessions().create(BODY, stepFor(2_000, 'req-create-1'));

    expect(token).toEqual({ clientToken: 'token-ok', expiresAt });
    expect(primer.requests).toHaveLength(1);
    expect(primer.requests[0]).toMatchObject({ method: 'POST', url: '/client-session', body: JSON.stringify(BODY) });
    expect(primer.requests[0]!.headers).toMatchObject({
      'x-api-key': TEST_API_KEY,
      'x-api-version': '2.4',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-request-id': 'req-create-1',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    });
    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('POST /client-session');
    expect(primer.requests[0]!.headers.traceparent).toContain(span!.spanContext().spanId);
  });

  it.each([
    ['a token over 8 KiB', issued('t'.repeat(8 * 1024 + 1), Date.now() + HOUR_MS), 'clientToken over 8 KiB'],
    ['an expiry an hour past', issued('token-stale', Date.now() - HOUR_MS), 'already past'],
    ['an expiry in the year 9999', (_req: RecordedRequest, res: ServerResponse) => sendJson(res, 200, { clientToken: 'token-forever', clientTokenExpirationDate: '9999-12-31T23:59:59.000000' }), 'more than 48 hours ahead'],
  ])('when Primer answers with %s, then it is an upstream error and no token comes back', async (_case, reply, detail) => {
    replies.push(reply);

    const error = await failureOf(sessions().create(BODY, stepFor(2_000)));

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ upstream: 'primer', status: 200, detail: expect.stringContaining(detail) });
    expect((error as UpstreamRejectedError).detail).not.toContain('token-');
  });

  it('when the token is exactly 8 KiB and lives 48 hours, then it is taken', async () => {
    const expiresAt = Date.now() + 48 * HOUR_MS - 1_000;
    replies.push(issued('t'.repeat(8 * 1024), expiresAt));

    await expect(sessions().create(BODY, stepFor(2_000))).resolves.toEqual({ clientToken: 't'.repeat(8 * 1024), expiresAt });
  });

  it('when Primer answers 503 then 200, then the retry is observed and counted and the token comes back', async () => {
    replies.push(primerFailing(503));

    await expect(sessions().create(BODY, stepFor(2_000))).resolves.toMatchObject({ clientToken: 'token-1' });

    expect(observed.attempts.map((attempt) => attempt.outcome)).toEqual(['server_error', 'ok']);
    expect(observed.retries).toEqual([{ upstream: 'primer', reason: 'server_error' }]);
  });

  it('when Primer answers 400 echoing the API key, then the error detail names the failure with the key redacted', async () => {
    replies.push(primerFailing(400, `bad key ${TEST_API_KEY} for this merchant`));

    const error = await failureOf(sessions().create(BODY, stepFor(2_000)));

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as UpstreamRejectedError).detail).toBe('HTTP 400 after 1 attempt(s): SomeError: bad key [redacted] for this merchant (diagnosticsId diag-1)');
  });
});

describe('HttpPrimerSessions.update', () => {
  const update = { clientToken: 'token-being-updated-42', amount: 1500 };

  it('when Primer applies the PATCH, then it resolves after one PATCH /client-session with the token in the body', async () => {
    replies.push((req, res) => sendJson(res, 200, { ...(JSON.parse(req.body) as object), clientToken: undefined }));

    await sessions().update(update, stepFor(2_000));

    expect(primer.requests.map((req) => [req.method, req.url])).toEqual([['PATCH', '/client-session']]);
    expect(JSON.parse(primer.requests[0]!.body)).toEqual(update);
  });

  it('when Primer refuses the PATCH with a 4xx echoing the token it was sent, then SessionUpdateRefusedError, the token redacted', async () => {
    replies.push(primerFailing(400, `client session ${update.clientToken} is not updatable`));

    const error = await failureOf(sessions().update(update, stepFor(2_000)));

    expect(error).toBeInstanceOf(SessionUpdateRefusedError);
    expect((error as SessionUpdateRefusedError).detail).toContain('client session [redacted] is not updatable');
    expect((error as SessionUpdateRefusedError).detail).not.toContain(update.clientToken);
  });

  it('when Primer is unavailable for the PATCH, then the error says so: not a refusal, so no new session is made from it', async () => {
    replies.push(primerFailing(503), primerFailing(503), primerFailing(503));

    const error = await failureOf(sessions().update(update, stepFor(2_000)));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).not.toBeInstanceOf(SessionUpdateRefusedError);
  });
});

describe('one step, one deadline', () => {
  it('when a slow refused PATCH used most of the step, then the create after it gets only what is left and times out at the step deadline', async () => {
    replies.push(
      (req, res) => afterDelay(res, 400, () => primerFailing(400)(req, res)),
      // The create never answers: only the step's deadline ends it.
      neverAnswer,
    );
    const adapter = sessions();
    const step = stepFor(700);
    const started = Date.now();

    await expect(adapter.update({ clientToken: 'token-old' }, step)).rejects.toBeInstanceOf(SessionUpdateRefusedError);
    const error = await failureOf(adapter.create(BODY, step));

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(690);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('when the step deadline has already passed, then the create fails as a timeout without calling Primer', async () => {
    const error = await failureOf(sessions().create(BODY, stepFor(0)));

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(primer.requests).toHaveLength(0);
  });
});
