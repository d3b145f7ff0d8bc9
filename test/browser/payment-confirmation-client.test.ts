import { confirmPayment } from '../../src/browser/payment-confirmation-client';
import { failure } from './support/service-failure';
import { problem, startScriptedServer, type ScriptedAnswer, type ScriptedServer } from './support/scripted-server';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(...answers: ScriptedAnswer[]): Promise<{ endpoint: string; seen: ScriptedServer['seen'] }> {
  server = await startScriptedServer(answers);
  return { endpoint: `${server.origin}/checkout/payment`, seen: server.seen };
}

function confirmation(body: object): ScriptedAnswer {
  return { status: 200, headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-ok', 'Cache-Control': 'no-store' }, body: JSON.stringify(body) };
}

describe('confirmPayment against a real server', () => {
  it('when the service confirms, then the cart and payment ids went as JSON and its status and outcome come back', async () => {
    const { endpoint, seen } = await serve(confirmation({ paymentId: 'pay_1', status: 'AUTHORIZED', outcome: 'paid' }));

    const confirmed = await confirmPayment('demo-gbp', 'pay_1', { endpoint });

    expect(confirmed).toEqual({ paymentId: 'pay_1', status: 'AUTHORIZED', outcome: 'paid', requestId: 'req-ok' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/checkout/payment' });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ cartId: 'demo-gbp', paymentId: 'pay_1' });
  });

  it('when Primer’s status is one added after API 2.4, then it is passed through with the service’s outcome', async () => {
    const { endpoint } = await serve(confirmation({ paymentId: 'pay_1', status: 'AWAITING_CAPTURE', outcome: 'pending' }));

    await expect(confirmPayment('demo-gbp', 'pay_1', { endpoint })).resolves.toMatchObject({ status: 'AWAITING_CAPTURE', outcome: 'pending' });
  });

  it('when the payment is not this cart’s, then payment_not_found, not retried', async () => {
    const { endpoint, seen } = await serve(problem(404, 'payment_not_found'));

    const error = await failure(confirmPayment('demo-gbp', 'pay_other', { endpoint }));

    expect(error).toMatchObject({ status: 404, code: 'payment_not_found', requestId: 'req-payment_not_found' });
    expect(error.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('when the service is briefly unavailable, then it is asked again once, which is safe: the confirmation is idempotent', async () => {
    const { endpoint, seen } = await serve(problem(503, 'upstream_unavailable', { 'Retry-After': '1' }), confirmation({ paymentId: 'pay_1', status: 'PENDING', outcome: 'pending' }));

    await expect(confirmPayment('demo-gbp', 'pay_1', { endpoint })).resolves.toMatchObject({ outcome: 'pending' });
    expect(seen).toHaveLength(2);
  });

  it.each([
    ['no outcome', { paymentId: 'pay_1', status: 'SETTLED' }],
    ['an outcome the service never gives', { paymentId: 'pay_1', status: 'SETTLED', outcome: 'refunded' }],
    ['no status', { paymentId: 'pay_1', outcome: 'paid' }],
  ])('when a 200 carries %s, then it is an invalid response, not a guess', async (_case, body) => {
    const { endpoint } = await serve(confirmation(body));

    await expect(failure(confirmPayment('demo-gbp', 'pay_1', { endpoint }))).resolves.toMatchObject({ code: 'invalid_response' });
  });
});
