import { openStep } from '../upstream/call-step';
import { parseJson } from '../upstream/http-attempt';
import { isConnectionError, type RetryPolicy } from '../upstream/retry-policy';
import type { FinalAnswer } from '../upstream/upstream-client';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import type { Cart } from './cart';
import { CartNotFoundError } from './errors/cart-not-found-error';
import { ShopperUnauthenticatedError } from './errors/shopper-unauthenticated-error';
import { isCart } from './is-cart';
import type { LoadCartRequest, OrderService } from './order-service';
import type { OrderServiceApi } from './order-service-api';

// A GET is safe to repeat, but only a refused or dropped connection is worth it inside a 3 s budget, and at once.
const CART_POLICY: RetryPolicy = { retryable: isConnectionError, maxRetries: 1, backoff: { baseMs: 0, capMs: 0 } };

// GET {ORDER_SERVICE_URL}/carts/{cartId} with the shopper's Authorization and Cookie unchanged: the order service alone
// decides whether this shopper may read the cart.
export class HttpOrderService implements OrderService {
  constructor(private readonly orders: OrderServiceApi) {}

  loadCart(request: LoadCartRequest): Promise<Cart> {
    const { authorization, cookie } = request.credentials;
    const call = {
      method: 'GET',
      path: `/carts/${encodeURIComponent(request.cartId)}`,
      urlTemplate: '/carts/{cartId}',
      headers: { ...(authorization === undefined ? {} : { Authorization: authorization }), ...(cookie === undefined ? {} : { Cookie: cookie }) },
      policy: CART_POLICY,
    } as const;
    return this.orders.client.call(call, openStep(request.context, this.orders.timeoutMs), (answer) => cartOf(answer, request.cartId));
  }
}

function cartOf(answer: FinalAnswer, cartId: string): Cart {
  const { result } = answer;
  // The order service's own words for "not this shopper's cart", before the generic reading of the answer.
  if (result.kind === 'response' && result.status === 401) throw new ShopperUnauthenticatedError(cartId);
  if (result.kind === 'response' && (result.status === 403 || result.status === 404)) throw new CartNotFoundError(cartId);
  const { status, body } = answer.ok();
  const cart = parseJson(body);
  if (!isCart(cart)) throw new UpstreamRejectedError('orders', 'body does not fit the cart shape', status);
  // A cart with another id is the order service answering for something else: never price it.
  if (cart.id !== cartId) throw new UpstreamRejectedError('orders', 'answered with a different cart id', status);
  return cart;
}
