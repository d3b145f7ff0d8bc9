import type { Logger } from '../observability/logger';
import type { OrderService, ShopperCredentials } from '../orders/order-service';
import type { PrimerPayments } from '../primer/primer-payments';
import { UpstreamError } from '../upstream/upstream-error';
import type { RequestContext } from '../upstream/request-context';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import { PaymentNotFoundError } from './errors/payment-not-found-error';
import type { PaymentForwarder } from './payment-forwarder';
import { outcomeOf } from './payment-outcome';
import type { PaymentOutcome } from './payment-state';
import { readPaymentState } from './read-payment-state';

export interface ConfirmPaymentRequest {
  cartId: string;
  paymentId: string;
  credentials: ShopperCredentials;
  context: RequestContext;
}

// The 200 body of POST /checkout/payment, exactly these three keys.
export interface ConfirmedPayment {
  paymentId: string;
  status: string;
  outcome: PaymentOutcome;
}

// How a confirmation ended, as a metrics label.
export type ConfirmationResult = PaymentOutcome | 'payment_not_found';

export interface PaymentConfirmationsDeps {
  orders: OrderService;
  primer: PrimerPayments;
  forwarder: PaymentForwarder;
  logger: Logger;
  onConfirmation?: (result: ConfirmationResult) => void;
}

// The use case behind POST /checkout/payment: the page asks for the server's view of a payment the SDK reported.
export class PaymentConfirmations {
  constructor(private readonly deps: PaymentConfirmationsDeps) {}

  async confirm(request: ConfirmPaymentRequest): Promise<ConfirmedPayment> {
    const { cartId, paymentId, context } = request;
    // The ownership check comes first: a shopper who may not read the cart never makes the service call Primer.
    const cart = await this.deps.orders.loadCart({ cartId, credentials: request.credentials, context });
    const payment = await this.deps.primer.get(paymentId, context);
    const reading = payment === undefined ? undefined : readPaymentState(payment);
    if (reading !== undefined && 'unusable' in reading) {
      throw new UpstreamRejectedError('primer', `payment answer without a usable ${reading.unusable.join(', ')}`, 200);
    }
    const state = reading?.state;
    if (state !== undefined && state.paymentId !== paymentId) throw new UpstreamRejectedError('primer', 'answered with a different payment id', 200);
    // The order id the service sent Primer for this cart (README, "How a cart becomes a Primer session").
    if (state === undefined || state.orderId !== (cart.orderId ?? cart.id)) {
      this.deps.onConfirmation?.('payment_not_found');
      throw new PaymentNotFoundError(paymentId);
    }
    const logged = { requestId: context.requestId, paymentId, orderId: state.orderId, status: state.status };
    try {
      const result = await this.deps.forwarder.forward(state, 'confirmation', context);
      this.deps.logger.info({ ...logged, result }, 'payment confirmed');
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      // The page still gets its answer: Primer's webhook will deliver this state, and its retries outlast an outage.
      this.deps.logger.warn({ ...logged, result: `order_service_${error.kind}` }, 'payment confirmed; the order service did not take it');
    }
    const outcome = outcomeOf(state.status);
    this.deps.onConfirmation?.(outcome);
    return { paymentId, status: state.status, outcome };
  }
}
