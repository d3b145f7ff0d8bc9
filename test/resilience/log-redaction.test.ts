import type { Cart } from '../../src/service/orders/cart';
import { sendJson } from '../support/fake-http-server';
import type { PrimerReply } from '../support/fake-primer';
import { useFakeUpstreams } from '../support/component-stack';
import { buildTestApp, TEST_API_KEY } from '../support/test-app';
import { BUDGET_ENV } from './support/budgets';
import { openSessionTimed } from './support/shopper-answer';

const ORDER_SERVICE_TOKEN = 'ost_log_redaction_5e4d3c2b';

const upstreams = useFakeUpstreams();

// Primer's error envelope with a description that repeats whatever the request carried: the key, and the token in a PATCH body.
const echoing =
  (status: number): PrimerReply =>
  (req, res) => {
    const token = (JSON.parse(req.body || '{}') as { clientToken?: string }).clientToken ?? 'none';
    const description = `key ${String(req.headers['x-api-key'])} may not touch session ${token}; order token ${ORDER_SERVICE_TOKEN}`;
    sendJson(res, status, { error: { errorId: 'EchoError', description, diagnosticsId: 'diag-echo' }, clientToken: 'token-in-the-error-answer' });
  };

describe('log redaction: an upstream that repeats secrets in its error text', () => {
  it('when Primer refuses a PATCH and then the create, each echoing the key and the tokens, then no log line holds any of them', async () => {
    const subject = buildTestApp({ PRIMER_API_URL: upstreams.primer.url, ORDER_SERVICE_URL: upstreams.orders.url, ORDER_SERVICE_TOKEN, ...BUDGET_ENV });
    const first = await openSessionTimed(subject.app, 'demo-gbp');
    const issued = (first.res.body as { clientToken: string }).clientToken;
    const cart = upstreams.orders.carts.get('demo-gbp')!;
    const changed: Cart = { ...cart, version: `${cart.version}-2`, items: cart.items.map((item) => ({ ...item, quantity: item.quantity + 1 })) };
    delete changed.totalAmount;
    upstreams.orders.carts.set('demo-gbp', changed);
    upstreams.primer.queue(echoing(400), echoing(400));

    const second = await openSessionTimed(subject.app, 'demo-gbp');

    expect(second.res.status).toBe(502);
    expect(upstreams.primer.requests.map((req) => req.method)).toEqual(['POST', 'PATCH', 'POST']);
    const logged = subject.logs.join('\n');
    for (const secret of [TEST_API_KEY, issued, ORDER_SERVICE_TOKEN, 'token-in-the-error-answer']) expect(logged).not.toContain(secret);
    // The rest of Primer's words are still there for the operator.
    expect(logged).toContain('key [redacted] may not touch session [redacted]');
    expect(logged).toContain('EchoError');
  });
});
