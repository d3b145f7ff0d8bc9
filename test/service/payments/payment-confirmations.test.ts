import { ROOT_CONTEXT } from '@opentelemetry/api';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { InMemoryOrderService } from '../../../src/demo/orders/in-memory-order-service';
import { createLogger } from '../../../src/service/observability/logger';
import { CartNotFoundError } from '../../../src/service/orders/errors/cart-not-found-error';
import type { Cart } from '../../../src/service/orders/cart';
import { PaymentNotFoundError } from '../../../src/service/payments/errors/payment-not-found-error';
import { ProcessOnlyClaims } from '../../../src/service/payments/forward-claims';
import { InMemoryPaymentRecord } from '../../../src/service/payments/in-memory-payment-record';
import { PaymentConfirmations, type ConfirmationResult } from '../../../src/service/payments/payment-confirmations';
import { PaymentForwarder } from '../../../src/service/payments/payment-forwarder';
import type { PrimerPayments } from '../../../src/service/primer/primer-payments';
import { InMemoryTokenCache } from '../../../src/service/token-cache/in-memory-token-cache';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { PAYMENT_METHOD_SECRETS, primerPayment } from '../../support/primer-payment';
import { RecordingSink } from './support/recording-sink';

const CART: Cart = { ...DEMO_CARTS[0]!, id: 'cart_42', orderId: 'order_42' };
const CART_WITHOUT_ORDER_ID: Cart = { id: 'cart_7', version: 1, currencyCode: 'GBP', countryCode: 'GB', items: [{ id: 'sku_1', name: 'Tea', unitAmount: 1200, quantity: 1 }] };

function confirmationsWith(payments: Record<string, Record<string, unknown>>) {
  const sink = new RecordingSink();
  const logs: string[] = [];
  const results: ConfirmationResult[] = [];
  const asked: string[] = [];
  const primer: PrimerPayments = {
    get: async (paymentId) => {
      asked.push(paymentId);
      return payments[paymentId];
    },
  };
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const forwarder = new PaymentForwarder({ sink, record: new InMemoryPaymentRecord(), claims: new ProcessOnlyClaims(), tokenCache: new InMemoryTokenCache({ minTtlMs: 0 }), primerApiVersion: '2.4' });
  const confirmations = new PaymentConfirmations({ orders: new InMemoryOrderService([CART, CART_WITHOUT_ORDER_ID]), primer, forwarder, logger, onConfirmation: (result) => results.push(result) });
  const confirm = (cartId: string, paymentId: string) => confirmations.confirm({ cartId, paymentId, credentials: {}, context: { requestId: 'req-c', trace: ROOT_CONTEXT } });
  return { confirm, sink, logs, results, asked };
}

describe('PaymentConfirmations', () => {
  it('when the payment belongs to the cart\'s order, then the page gets its status and outcome and the order service its state', async () => {
    const { confirm, sink, results } = confirmationsWith({ kHdEw9EG: primerPayment() });

    expect(await confirm('cart_42', 'kHdEw9EG')).toEqual({ paymentId: 'kHdEw9EG', status: 'AUTHORIZED', outcome: 'paid' });
    expect(sink.events).toEqual([expect.objectContaining({ paymentId: 'kHdEw9EG', status: 'AUTHORIZED', source: 'confirmation' })]);
    expect(results).toEqual(['paid']);
  });

  it('when the cart has no orderId, then the payment must carry the cart id as its order id', async () => {
    const { confirm } = confirmationsWith({ p7: primerPayment({ id: 'p7', orderId: 'cart_7', status: 'DECLINED' }) });

    expect(await confirm('cart_7', 'p7')).toEqual({ paymentId: 'p7', status: 'DECLINED', outcome: 'failed' });
  });

  it('when the payment is another order\'s, then it is not found and the order service is not told', async () => {
    const { confirm, sink, results } = confirmationsWith({ kHdEw9EG: primerPayment({ orderId: 'order_99' }) });

    await expect(confirm('cart_42', 'kHdEw9EG')).rejects.toBeInstanceOf(PaymentNotFoundError);
    expect(sink.events).toEqual([]);
    expect(results).toEqual(['payment_not_found']);
  });

  it('when Primer does not know the payment, then it is not found and the order service is not told', async () => {
    const { confirm, sink } = confirmationsWith({});

    await expect(confirm('cart_42', 'unknown1')).rejects.toBeInstanceOf(PaymentNotFoundError);
    expect(sink.events).toEqual([]);
  });

  it('when the order service denies the cart, then Primer is never asked', async () => {
    const { confirm, asked } = confirmationsWith({ kHdEw9EG: primerPayment() });

    await expect(confirm('someone-elses-cart', 'kHdEw9EG')).rejects.toBeInstanceOf(CartNotFoundError);
    expect(asked).toEqual([]);
  });

  it('when Primer answers with an unusable payment or another payment\'s id, then it is an upstream error', async () => {
    const { confirm, sink } = confirmationsWith({ p1: primerPayment({ id: 'p1', orderId: undefined }), p2: primerPayment({ id: 'p3' }) });

    await expect(confirm('cart_42', 'p1')).rejects.toBeInstanceOf(UpstreamRejectedError);
    await expect(confirm('cart_42', 'p2')).rejects.toBeInstanceOf(UpstreamRejectedError);
    expect(sink.events).toEqual([]);
  });

  it('when the order service cannot take the state, then the page still gets its answer and the failure is logged', async () => {
    const { confirm, sink, logs } = confirmationsWith({ kHdEw9EG: primerPayment({ status: 'PENDING' }) });
    sink.answerNext(() => Promise.reject(new UpstreamUnavailableError('orders', 'HTTP 503', 2)));

    expect(await confirm('cart_42', 'kHdEw9EG')).toEqual({ paymentId: 'kHdEw9EG', status: 'PENDING', outcome: 'pending' });
    const warned = logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.level === 'warn');
    expect(warned).toEqual([expect.objectContaining({ paymentId: 'kHdEw9EG', orderId: 'order_42', status: 'PENDING', result: 'order_service_unavailable' })]);
    for (const secret of PAYMENT_METHOD_SECRETS) expect(logs.join('\n')).not.toContain(secret);
  });

  it('when the page confirms the same state twice, then the order service is told once', async () => {
    const { confirm, sink } = confirmationsWith({ kHdEw9EG: primerPayment() });

    await confirm('cart_42', 'kHdEw9EG');
    await confirm('cart_42', 'kHdEw9EG');

    expect(sink.events).toHaveLength(1);
  });
});
