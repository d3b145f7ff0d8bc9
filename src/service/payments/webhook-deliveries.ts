import type { Logger } from '../observability/logger';
import { UpstreamError } from '../upstream/upstream-error';
import type { RequestContext } from '../upstream/request-context';
import { UpstreamTimeoutError } from '../upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../upstream/upstream-unavailable-error';
import { InvalidWebhookError } from './errors/invalid-webhook-error';
import { WebhookSignatureError } from './errors/webhook-signature-error';
import type { ForwardResult, PaymentForwarder } from './payment-forwarder';
import { readPaymentState } from './read-payment-state';
import { readWebhookEvent } from './read-webhook-event';
import { isWithinReplayWindow } from './replay-window';
import { isAuthentic, type WebhookSignatures } from './webhook-signature';

// The 200 answers of POST /webhooks/primer (docs/payments.md).
export type WebhookResult = 'ignored' | ForwardResult;

// Every way a delivery ends, as a metrics label: the 200 results, then the refusals and the order service's failures.
export type WebhookDeliveryResult = WebhookResult | 'signature_invalid' | 'signature_stale' | 'invalid_body' | 'order_service_unavailable' | 'order_service_rejected';

export interface WebhookDelivery {
  // The exact bytes Primer signed: the signature is checked before anything is parsed.
  rawBody: Uint8Array;
  signatures: WebhookSignatures;
  context: RequestContext;
}

export interface WebhookDeliveriesDeps {
  // PRIMER_WEBHOOK_SECRETS: during a rotation, the new and the old.
  secrets: readonly string[];
  // PRIMER_WEBHOOK_TOLERANCE_S.
  toleranceS: number;
  forwarder: PaymentForwarder;
  logger: Logger;
  onDelivery?: (result: WebhookDeliveryResult) => void;
  now?: () => number;
}

// The order service's timeout is one more way of "could not take it now": Primer is told 503 and retries.
const RETRY_AFTER_S = 2;

// The use case behind POST /webhooks/primer: verify, read, forward once (docs/payments.md).
export class WebhookDeliveries {
  constructor(private readonly deps: WebhookDeliveriesDeps) {}

  async receive(delivery: WebhookDelivery): Promise<WebhookResult> {
    try {
      const result = await this.#receive(delivery);
      this.deps.onDelivery?.(result);
      return result;
    } catch (error) {
      const result = resultOfFailure(error);
      if (result !== undefined) this.deps.onDelivery?.(result);
      throw error instanceof UpstreamTimeoutError ? new UpstreamUnavailableError('orders', error.detail, RETRY_AFTER_S, { cause: error }) : error;
    }
  }

  async #receive({ rawBody, signatures, context }: WebhookDelivery): Promise<WebhookResult> {
    if (!isAuthentic(rawBody, signatures, this.deps.secrets)) throw new WebhookSignatureError('invalid');
    const event = readWebhookEvent(rawBody);
    if (event === undefined) throw new InvalidWebhookError('The body is not a JSON object.');
    // Primer's dashboard test has no signedAt; a PAYMENT.STATUS must have one, and any signedAt given must be recent.
    const mustBeRecent = event.type === 'payment-status' || event.signedAt !== undefined;
    if (mustBeRecent && !isWithinReplayWindow(event.signedAt, this.deps.toleranceS, (this.deps.now ?? Date.now)())) throw new WebhookSignatureError('stale');
    if (event.type === 'other') return 'ignored';
    const reading = readPaymentState(event.payment);
    if ('unusable' in reading) throw new InvalidWebhookError(`A PAYMENT.STATUS needs a usable ${reading.unusable.map((field) => `payment.${field}`).join(', ')}.`);
    const { state } = reading;
    const logged = { requestId: context.requestId, paymentId: state.paymentId, orderId: state.orderId, status: state.status };
    try {
      const result = await this.deps.forwarder.forward(state, 'webhook', context);
      this.deps.logger.info({ ...logged, result }, 'payment webhook');
      return result;
    } catch (error) {
      if (error instanceof UpstreamError) this.deps.logger.warn({ ...logged, result: resultOfFailure(error) }, 'payment webhook not taken by the order service');
      throw error;
    }
  }
}

function resultOfFailure(error: unknown): WebhookDeliveryResult | undefined {
  if (error instanceof WebhookSignatureError) return error.reason === 'invalid' ? 'signature_invalid' : 'signature_stale';
  if (error instanceof InvalidWebhookError) return 'invalid_body';
  if (error instanceof UpstreamError) return error.kind === 'rejected' ? 'order_service_rejected' : 'order_service_unavailable';
  return undefined;
}
