import { cartAmount } from '../../service/checkout/client-session/cart-amount';
import type { Cart } from '../../service/orders/cart';
import { CartNotFoundError } from '../../service/orders/errors/cart-not-found-error';
import type { LoadCartRequest, OrderService } from '../../service/orders/order-service';
import type { PaymentEventSink } from '../../service/orders/payment-events';
import type { PaymentEvent } from '../../service/payments/payment-state';
import type { RequestContext } from '../../service/upstream/request-context';
import { PaymentEventLog, type RecordedPaymentEvent } from './payment-event-log';

// Demo-mode carts held in memory; there are no shopper accounts, so credentials are not checked.
// It takes the service's payment events as an order system would: once per payment state.
export class InMemoryOrderService implements OrderService, PaymentEventSink {
  private readonly carts = new Map<string, Cart>();
  private readonly events = new PaymentEventLog();

  constructor(carts: readonly Cart[]) {
    for (const cart of carts) {
      if (this.carts.has(cart.id)) throw new Error(`duplicate demo cart id ${cart.id}`);
      this.carts.set(cart.id, structuredClone(cart));
    }
  }

  // Copies out, so no caller can change the carts another request will see.
  async loadCart({ cartId }: LoadCartRequest): Promise<Cart> {
    const cart = this.carts.get(cartId);
    if (!cart) throw new CartNotFoundError(cartId);
    return structuredClone(cart);
  }

  // The demo page's quantity buttons: a changed cart is a new version, as a shop's order service would report it.
  setQuantity(cartId: string, lineId: string, quantity: number): Cart {
    const cart = this.carts.get(cartId);
    const line = cart?.items.find((item) => item.id === lineId);
    if (!cart || !line) throw new CartNotFoundError(cartId);
    const statedTotalWasRight = cart.totalAmount !== undefined && cart.totalAmount === amountOrNull(withoutStatedTotal(cart));
    line.quantity = quantity;
    cart.version = typeof cart.version === 'number' ? cart.version + 1 : `${cart.version}+1`;
    // The shop restates a total it had right; a cart whose total was wrong on purpose stays wrong.
    const restated = amountOrNull(withoutStatedTotal(cart));
    if (statedTotalWasRight && restated !== null) cart.totalAmount = restated;
    return structuredClone(cart);
  }

  // Always taken: a repeat of a payment state is recorded once, as its Idempotency-Key asks.
  async record(event: PaymentEvent, _context: RequestContext): Promise<void> {
    this.events.record(event);
  }

  paymentEvents(orderId: string): RecordedPaymentEvent[] {
    return this.events.forOrder(orderId);
  }

  list(): readonly Cart[] {
    return [...this.carts.values()].map((cart) => structuredClone(cart));
  }
}

function withoutStatedTotal(cart: Cart): Cart {
  const copy = { ...cart };
  delete copy.totalAmount;
  return copy;
}

function amountOrNull(cart: Cart): number | null {
  try {
    return cartAmount(cart);
  } catch {
    return null;
  }
}
