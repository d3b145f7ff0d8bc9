import { createHmac } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createLogger } from '../../../src/service/observability/logger';
import { InvalidWebhookError } from '../../../src/service/payments/errors/invalid-webhook-error';
import { WebhookSignatureError } from '../../../src/service/payments/errors/webhook-signature-error';
import { ProcessOnlyClaims } from '../../../src/service/payments/forward-claims';
import { InMemoryPaymentRecord } from '../../../src/service/payments/in-memory-payment-record';
import { PaymentForwarder } from '../../../src/service/payments/payment-forwarder';
import { WebhookDeliveries, type WebhookDeliveryResult } from '../../../src/service/payments/webhook-deliveries';
import { InMemoryTokenCache } from '../../../src/service/token-cache/in-memory-token-cache';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../../../src/service/upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { PAYMENT_METHOD_SECRETS, paymentEvent, paymentStatusEvent, primerPayment } from '../../support/primer-payment';
import { RecordingSink } from './support/recording-sink';

const SECRET = 'whsec_use_case_5e1d';
const NOW_MS = Date.UTC(2026, 10, 26, 14, 54, 0);
const NOW_S = String(NOW_MS / 1000);

function deliveriesWith() {
  const sink = new RecordingSink();
  const logs: string[] = [];
  const results: WebhookDeliveryResult[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const forwarder = new PaymentForwarder({ sink, record: new InMemoryPaymentRecord(), claims: new ProcessOnlyClaims(), tokenCache: new InMemoryTokenCache({ minTtlMs: 0 }), primerApiVersion: '2.4' });
  const deliveries = new WebhookDeliveries({ secrets: [SECRET], toleranceS: 300, forwarder, logger, onDelivery: (result) => results.push(result), now: () => NOW_MS });
  const deliver = (body: string | object, sign = true) => {
    const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const primary = sign ? createHmac('sha256', SECRET).update(rawBody).digest('base64') : undefined;
    return deliveries.receive({ rawBody, signatures: { primary }, context: { requestId: 'req-w', trace: ROOT_CONTEXT } });
  };
  return { deliver, sink, logs, results };
}

describe('WebhookDeliveries', () => {
  it('when an authentic PAYMENT.STATUS arrives, then its state reaches the order service as a webhook and it is delivered', async () => {
    const { deliver, sink, results } = deliveriesWith();

    expect(await deliver(paymentStatusEvent(primerPayment(), NOW_S))).toBe('delivered');

    expect(sink.events).toEqual([paymentEvent()]);
    expect(results).toEqual(['delivered']);
  });

  it('when the same delivery comes twice, then the second is a duplicate', async () => {
    const { deliver, sink } = deliveriesWith();
    const event = paymentStatusEvent(primerPayment(), NOW_S);

    expect([await deliver(event), await deliver(event)]).toEqual(['delivered', 'duplicate']);
    expect(sink.events).toHaveLength(1);
  });

  it('when SETTLED then AUTHORIZED arrive, then AUTHORIZED is superseded', async () => {
    const { deliver, sink } = deliveriesWith();

    await deliver(paymentStatusEvent(primerPayment({ status: 'SETTLED', dateUpdated: '2026-11-26T15:00:00.000000' }), NOW_S));

    expect(await deliver(paymentStatusEvent(primerPayment(), NOW_S))).toBe('superseded');
    expect(sink.events.map((event) => event.status)).toEqual(['SETTLED']);
  });

  it('when the delivery is not signed, then it is refused as invalid before the body is read', async () => {
    const { deliver, sink, results } = deliveriesWith();

    await expect(deliver('not even json', false)).rejects.toEqual(new WebhookSignatureError('invalid'));
    expect(sink.events).toEqual([]);
    expect(results).toEqual(['signature_invalid']);
  });

  it('when an authentic body is not JSON, then it is an invalid body', async () => {
    const { deliver, results } = deliveriesWith();

    await expect(deliver('{"eventType": "PAYMENT.STATUS",')).rejects.toBeInstanceOf(InvalidWebhookError);
    expect(results).toEqual(['invalid_body']);
  });

  it('when a PAYMENT.STATUS has no signedAt, or one outside the window either way, then it is stale and nothing is forwarded', async () => {
    const { deliver, sink, results } = deliveriesWith();

    for (const signedAt of [undefined, String(NOW_MS / 1000 - 301), NOW_MS / 1000 + 301]) {
      await expect(deliver(paymentStatusEvent(primerPayment(), signedAt))).rejects.toEqual(new WebhookSignatureError('stale'));
    }
    expect(sink.events).toEqual([]);
    expect(results).toEqual(['signature_stale', 'signature_stale', 'signature_stale']);
  });

  it('when Primer\'s dashboard test or another event type arrives, then it is ignored; with a stale signedAt it is refused', async () => {
    const { deliver, sink } = deliveriesWith();

    expect(await deliver({ message: 'Testing your webhook connection' })).toBe('ignored');
    expect(await deliver({ eventType: 'DISPUTE.OPENED', signedAt: NOW_S })).toBe('ignored');
    await expect(deliver({ eventType: 'PAYMENT.REFUND', signedAt: '1000000000' })).rejects.toEqual(new WebhookSignatureError('stale'));
    expect(sink.events).toEqual([]);
  });

  it('when a PAYMENT.STATUS misses its ids, then it is an invalid body naming them, and nothing is forwarded', async () => {
    const { deliver, sink } = deliveriesWith();

    await expect(deliver(paymentStatusEvent(primerPayment({ id: undefined, orderId: undefined }), NOW_S))).rejects.toEqual(
      new InvalidWebhookError('A PAYMENT.STATUS needs a usable payment.id, payment.orderId.'),
    );
    await expect(deliver(paymentStatusEvent(undefined, NOW_S))).rejects.toBeInstanceOf(InvalidWebhookError);
    expect(sink.events).toEqual([]);
  });

  it('when the order service times out, then Primer is told it is unavailable (503), so it retries', async () => {
    const { deliver, sink, results } = deliveriesWith();
    sink.answerNext(() => Promise.reject(new UpstreamTimeoutError('orders', 'budget ran out')));

    await expect(deliver(paymentStatusEvent(primerPayment(), NOW_S))).rejects.toMatchObject({ constructor: UpstreamUnavailableError, retryAfterSeconds: 2 });
    expect(results).toEqual(['order_service_unavailable']);
  });

  it('when the order service refuses the event, then the failure is passed on as rejected', async () => {
    const { deliver, sink, results } = deliveriesWith();
    sink.answerNext(() => Promise.reject(new UpstreamRejectedError('orders', 'HTTP 400', 400)));

    await expect(deliver(paymentStatusEvent(primerPayment(), NOW_S))).rejects.toBeInstanceOf(UpstreamRejectedError);
    expect(results).toEqual(['order_service_rejected']);
  });

  it('when a delivery is logged, then the line carries paymentId, orderId, status and result, and no payment-method data or secret', async () => {
    const { deliver, sink, logs } = deliveriesWith();
    await deliver(paymentStatusEvent(primerPayment(), NOW_S));
    sink.answerNext(() => Promise.reject(new UpstreamUnavailableError('orders', 'HTTP 503', 2)));
    await expect(deliver(paymentStatusEvent(primerPayment({ status: 'SETTLED' }), NOW_S))).rejects.toThrow();

    const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', requestId: 'req-w', paymentId: 'kHdEw9EG', orderId: 'order_42', status: 'AUTHORIZED', result: 'delivered' }),
      expect.objectContaining({ level: 'warn', paymentId: 'kHdEw9EG', orderId: 'order_42', status: 'SETTLED', result: 'order_service_unavailable' }),
    ]);
    for (const secret of [...PAYMENT_METHOD_SECRETS, SECRET]) expect(logs.join('\n')).not.toContain(secret);
  });
});
