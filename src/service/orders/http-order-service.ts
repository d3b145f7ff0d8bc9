import Ajv from 'ajv';
import type { Logger } from '../logger';
import { createUpstreamHttpClient, parseJson, type AttemptResult } from '../upstream/http-attempt';
import { tracedAttempt } from '../upstream/attempt-trace';
import { readAnswer } from '../upstream/read-answer';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import { outcomeOfAttempt, type RetryObserver, type UpstreamObserver } from '../upstream/upstream-observer';
import { CartSchema, type Cart } from './cart';
import { CartNotFoundError } from './errors/cart-not-found-error';
import { ShopperUnauthenticatedError } from './errors/shopper-unauthenticated-error';
import type { LoadCartRequest, OrderService } from './order-service';

export interface HttpOrderServiceOptions {
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
  observe: UpstreamObserver;
  observeRetry: RetryObserver;
}

const isCart = new Ajv({ allErrors: false }).compile<Cart>(CartSchema);
const RETRY_AFTER_S = 2;

// Contract section 2: GET {ORDER_SERVICE_URL}/carts/{cartId}, the shopper's credentials passed through unchanged.
export class HttpOrderService implements OrderService {
  private readonly http;

  constructor(private readonly options: HttpOrderServiceOptions) {
    this.http = createUpstreamHttpClient(options.baseUrl, { Accept: 'application/json' });
  }

  async loadCart(request: LoadCartRequest): Promise<Cart> {
    const deadline = Date.now() + this.options.timeoutMs;
    let result = await this.attempt(request, deadline, 1);
    // A GET is safe to repeat, but only a refused or dropped connection is worth it inside a 3 s budget.
    if (result.kind === 'connection-error' && deadline - Date.now() > 0) {
      this.options.observeRetry('orders', outcomeOfAttempt(result));
      this.options.logger.warn({ requestId: request.requestId, upstream: 'orders', failure: result.detail }, 'retrying order service');
      result = await this.attempt(request, deadline, 2);
    }
    return this.cartOf(result, request.cartId);
  }

  private async attempt(request: LoadCartRequest, deadline: number, attempt: number): Promise<AttemptResult> {
    const started = performance.now();
    const { authorization, cookie } = request.credentials;
    const result = await tracedAttempt(this.http, {
      method: 'GET',
      path: `/carts/${encodeURIComponent(request.cartId)}`,
      headers: {
        'X-Request-Id': request.requestId,
        ...(authorization === undefined ? {} : { Authorization: authorization }),
        ...(cookie === undefined ? {} : { Cookie: cookie }),
      },
      timeoutMs: deadline - Date.now(),
    }, { upstream: 'orders', urlTemplate: '/carts/{cartId}', attempt });
    this.options.observe('orders', outcomeOfAttempt(result), performance.now() - started);
    return result;
  }

  private cartOf(result: AttemptResult, cartId: string): Cart {
    // The order service's own words for "not this shopper's cart", before the generic reading of the answer.
    if (result.kind === 'response' && result.status === 401) throw new ShopperUnauthenticatedError(cartId);
    if (result.kind === 'response' && (result.status === 403 || result.status === 404)) throw new CartNotFoundError(cartId);
    const { status, body } = readAnswer(result, { upstream: 'orders', retryAfterSeconds: RETRY_AFTER_S });
    const cart = parseJson(body);
    if (!isCart(cart)) throw new UpstreamRejectedError('orders', 'body does not fit the cart shape', status);
    // A cart with another id is the order service answering for something else: never price it.
    if (cart.id !== cartId) throw new UpstreamRejectedError('orders', 'answered with a different cart id', status);
    return cart;
  }
}
