import type { PaymentEventSink } from '../orders/payment-events';
import { tokenCacheKey, type TokenCache } from '../token-cache/token-cache';
import { SharedCalls } from '../concurrency/shared-calls';
import { UpstreamError } from '../upstream/upstream-error';
import type { RequestContext } from '../upstream/request-context';
import { UpstreamUnavailableError } from '../upstream/upstream-unavailable-error';
import type { ForwardClaims } from './forward-claims';
import { idempotencyKeyOf } from './idempotency-key';
import { OneAtATime } from './one-at-a-time';
import { outcomeOf } from './payment-outcome';
import type { PaymentRecord } from './payment-record';
import type { PaymentSource, PaymentState } from './payment-state';

// What became of a payment state handed to the forwarder; failures to reach the order service are thrown as UpstreamErrors.
export type ForwardResult = 'delivered' | 'duplicate' | 'superseded';

// How one call to the order service ended, as a metrics label.
export type NotificationResult = 'delivered' | UpstreamError['kind'];

export interface PaymentForwarderDeps {
  sink: PaymentEventSink;
  record: PaymentRecord;
  claims: ForwardClaims;
  // The cart's cached token is forgotten once a payment that is not failed was recorded for it.
  tokenCache: TokenCache;
  primerApiVersion: string;
  onNotification?: (source: PaymentSource, result: NotificationResult) => void;
}

// Primer retries a refused delivery; a waiter whose leader failed tells it to come back as soon as the leader would.
const RETRY_AFTER_S = 2;

// Tells the order service of each payment state once, from either source (docs/payments.md, "Duplicates and ordering").
export class PaymentForwarder {
  readonly #sameState = new SharedCalls<ForwardResult>();
  readonly #samePayment = new OneAtATime();

  constructor(private readonly deps: PaymentForwarderDeps) {}

  async forward(state: PaymentState, source: PaymentSource, context: RequestContext): Promise<ForwardResult> {
    const stateKey = idempotencyKeyOf(state);
    let led = false;
    const shared = this.#sameState.run(stateKey, () => {
      led = true;
      return this.#samePayment.run(state.paymentId, () => this.#forwardOnce(state, stateKey, source, context));
    });
    try {
      const result = await shared;
      // Deliveries that arrived while this one was under way waited for it: to them it is a duplicate.
      return led || result !== 'delivered' ? result : 'duplicate';
    } catch (error) {
      // To a delivery that waited, a failed forward means "not recorded yet, come back": 503, whatever the order service said.
      if (led || !(error instanceof UpstreamError)) throw error;
      throw new UpstreamUnavailableError('orders', `the forward this delivery waited for failed: ${error.detail}`, RETRY_AFTER_S, { cause: error });
    }
  }

  async #forwardOnce(state: PaymentState, stateKey: string, source: PaymentSource, context: RequestContext): Promise<ForwardResult> {
    for (;;) {
      const verdict = await this.deps.record.verdictOn(state);
      if (verdict !== 'unrecorded') return verdict;
      const claim = await this.deps.claims.whileHeld(state.paymentId, stateKey, async () => {
        // Read again once the claim is ours: another replica may have recorded it between the read above and the claim.
        const latest = await this.deps.record.verdictOn(state);
        return latest === 'unrecorded' ? this.#deliver(state, source, context) : latest;
      });
      if (claim.held) return claim.value;
      if (claim.forwarding === stateKey) return this.#settledElsewhere(state);
      // Another replica was forwarding another state of this payment: look again, then claim it.
    }
  }

  // Never marked before the order service took it, so Primer's retry of a failed delivery is forwarded again.
  async #deliver(state: PaymentState, source: PaymentSource, context: RequestContext): Promise<ForwardResult> {
    try {
      await this.deps.sink.record({ ...state, source }, context);
    } catch (error) {
      if (error instanceof UpstreamError) this.deps.onNotification?.(source, error.kind);
      throw error;
    }
    this.deps.onNotification?.(source, 'delivered');
    await this.deps.record.mark(state);
    // Reuse ends after payment: the next POST /checkout/session for the cart makes a new Primer session (docs/payments.md).
    if (state.cartId !== undefined && outcomeOf(state.status) !== 'failed') {
      await this.deps.tokenCache.delete(tokenCacheKey(state.cartId, this.deps.primerApiVersion));
    }
    return 'delivered';
  }

  // Another replica forwarded this very state: recorded, it is a duplicate here; not recorded, that forward failed.
  async #settledElsewhere(state: PaymentState): Promise<ForwardResult> {
    const verdict = await this.deps.record.verdictOn(state);
    if (verdict === 'unrecorded') throw new UpstreamUnavailableError('orders', 'another replica could not forward this payment state', RETRY_AFTER_S);
    return verdict;
  }
}
