// Browser client for POST /checkout/payment: after the SDK reported a payment, the server's view of it.
// The SDK's callback is the browser's word; the service asks Primer, checks the payment belongs to the cart's order,
// and tells the order service, so only its answer decides what the shopper is told.
import type { components, operations } from './generated/openapi.js';
import { postToService, type ServiceCallOptions } from './service-call.js';
import { CheckoutSessionError } from './service-error.js';

type ConfirmationRequestBody = operations['confirmPayment']['requestBody']['content']['application/json'];
type ConfirmationAnswer = components['schemas']['PaymentConfirmation'];

export type PaymentOutcome = ConfirmationAnswer['outcome'];

export interface PaymentConfirmation {
  paymentId: string;
  // Primer's status, e.g. AUTHORIZED; `outcome` is what it means for the order.
  status: string;
  outcome: PaymentOutcome;
  requestId: string | null;
}

const ENDPOINT = '/checkout/payment';
const OUTCOMES: readonly string[] = ['paid', 'pending', 'failed'] satisfies PaymentOutcome[];

// Resolves to Primer's status and its outcome, or rejects with a CheckoutSessionError (payment_not_found when the
// payment is unknown or not this cart's); retried once as service-call.ts says, which is safe: the call is idempotent.
export async function confirmPayment(cartId: string, paymentId: string, options: ServiceCallOptions = {}): Promise<PaymentConfirmation> {
  const body: ConfirmationRequestBody = { cartId, paymentId };
  const { response, requestId } = await postToService(options.endpoint ?? ENDPOINT, body, options);
  const answer = (await response.json().catch(() => null)) as Partial<ConfirmationAnswer> | null;
  if (typeof answer?.paymentId !== 'string' || typeof answer.status !== 'string' || !OUTCOMES.includes(answer.outcome ?? '')) {
    throw new CheckoutSessionError(response.status, 'invalid_response', 'no payment status in the answer', requestId, null);
  }
  return { paymentId: answer.paymentId, status: answer.status, outcome: answer.outcome as PaymentOutcome, requestId };
}
