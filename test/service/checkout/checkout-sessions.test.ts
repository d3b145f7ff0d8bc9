import { ROOT_CONTEXT } from '@opentelemetry/api';
import { CheckoutSessions, type SessionOutcome } from '../../../src/service/checkout/checkout-sessions';
import { CartNotPayableError } from '../../../src/service/checkout/client-session/cart-not-payable-error';
import { NoReplicaClaim } from '../../../src/service/concurrency/replica-claim';
import { createLogger } from '../../../src/service/observability/logger';
import type { Cart } from '../../../src/service/orders/cart';
import type { LoadCartRequest, OrderService } from '../../../src/service/orders/order-service';
import { SessionUpdateRefusedError, type IssuedToken, type PrimerSessions } from '../../../src/service/primer/primer-sessions';
import type { ClientSessionRequest, ClientSessionUpdate } from '../../../src/service/primer/schema/client-session-request';
import { InMemoryTokenCache } from '../../../src/service/token-cache/in-memory-token-cache';
import { tokenCacheKey } from '../../../src/service/token-cache/token-cache';
import type { StepContext } from '../../../src/service/upstream/call-step';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { aCart } from './client-session/fixtures/carts';

const API_VERSION = '2.4';
const PRIMER_TIMEOUT_MS = 10_000;
const DAY_MS = 86_400_000;

// The order service's port in process: the cart it holds now, and how often it was asked.
class CartsInMemory implements OrderService {
  loads = 0;

  constructor(public cart: Cart) {}

  async loadCart(_request: LoadCartRequest): Promise<Cart> {
    this.loads += 1;
    return this.cart;
  }
}

type PrimerCall = { kind: 'create'; body: ClientSessionRequest; step: StepContext } | { kind: 'update'; body: ClientSessionUpdate; step: StepContext };

// Primer's port in process: numbered tokens, every call recorded with its step; `refuseUpdates`/`failCreates` script Primer.
class PrimerInMemory implements PrimerSessions {
  readonly calls: PrimerCall[] = [];
  refuseUpdates = false;
  failCreates = false;
  #next = 1;
  #release: Promise<void> = Promise.resolve();

  hold(): () => void {
    let release = () => {};
    this.#release = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  async create(body: ClientSessionRequest, step: StepContext): Promise<IssuedToken> {
    this.calls.push({ kind: 'create', body, step });
    await this.#release;
    if (this.failCreates) throw new UpstreamUnavailableError('primer', 'connection refused', 1);
    return { clientToken: `tok_${this.#next++}`, expiresAt: Date.now() + DAY_MS };
  }

  async update(body: ClientSessionUpdate, step: StepContext): Promise<void> {
    this.calls.push({ kind: 'update', body, step });
    if (this.refuseUpdates) throw new SessionUpdateRefusedError('session is no longer open', 400);
  }
}

function subject(cart: Cart = aCart()) {
  const orders = new CartsInMemory(cart);
  const primer = new PrimerInMemory();
  const tokenCache = new InMemoryTokenCache({ minTtlMs: 60_000 });
  const outcomes: SessionOutcome[] = [];
  const warnings: string[] = [];
  const checkout = new CheckoutSessions({
    orders,
    primer,
    tokenCache,
    replicaClaim: new NoReplicaClaim(),
    primerApiVersion: API_VERSION,
    primerTimeoutMs: PRIMER_TIMEOUT_MS,
    logger: createLogger('warn', { write: (line: string) => void warnings.push(line) }),
    onSession: (outcome) => outcomes.push(outcome),
  });
  const open = () => checkout.open({ cartId: orders.cart.id, credentials: {}, context: { requestId: 'req-1', trace: ROOT_CONTEXT } });
  const cached = () => tokenCache.get(tokenCacheKey(orders.cart.id, API_VERSION));
  return { orders, primer, outcomes, open, cached, warnings };
}

describe('CheckoutSessions', () => {
  it('when the cart has no cached token, then Primer creates a session and its token is cached for the cart version', async () => {
    const { primer, outcomes, open, cached } = subject();

    const token = await open();

    expect(token.clientToken).toBe('tok_1');
    expect(primer.calls.map((call) => call.kind)).toEqual(['create']);
    expect(outcomes).toEqual(['created']);
    expect(await cached()).toMatchObject({ clientToken: 'tok_1', cartVersion: '7' });
  });

  it('when the same cart version asks again, then the cached token is handed out without a Primer call, and the cart is still loaded', async () => {
    const { orders, primer, outcomes, open } = subject();
    await open();

    const again = await open();

    expect(again.clientToken).toBe('tok_1');
    expect(primer.calls).toHaveLength(1);
    expect(orders.loads).toBe(2);
    expect(outcomes).toEqual(['created', 'reused']);
  });

  it('when the cached token answers, then no Primer payload is built: a cart detail left out is logged only by the call that reached Primer', async () => {
    const { primer, outcomes, open, warnings } = subject(aCart({ metadata: { '': 'no key' } }));
    await open();

    await open();

    expect(outcomes).toEqual(['created', 'reused']);
    expect(primer.calls).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('optional cart details left out of the Primer session');
  });

  it('when the cart changed and can no longer be paid, then CartNotPayableError and Primer is not called for it', async () => {
    const { orders, primer, open, cached } = subject();
    await open();
    orders.cart = aCart({ version: 8, items: [] });

    await expect(open()).rejects.toBeInstanceOf(CartNotPayableError);

    expect(primer.calls.map((call) => call.kind)).toEqual(['create']);
    expect(await cached()).toMatchObject({ clientToken: 'tok_1', cartVersion: '7' });
  });

  it('when the cart changed since its session was made, then that session is updated with the new cart and its token kept', async () => {
    const { orders, primer, outcomes, open, cached } = subject();
    await open();
    orders.cart = aCart({ version: 8 });

    const updated = await open();

    expect(updated.clientToken).toBe('tok_1');
    expect(primer.calls.map((call) => call.kind)).toEqual(['create', 'update']);
    expect(primer.calls[1]?.body).toMatchObject({ clientToken: 'tok_1' });
    expect(outcomes).toEqual(['created', 'updated']);
    expect(await cached()).toMatchObject({ clientToken: 'tok_1', cartVersion: '8' });
  });

  it('when Primer refuses the update, then a new session is created and replaces the cached one', async () => {
    const { orders, primer, outcomes, open, cached } = subject();
    await open();
    orders.cart = aCart({ version: 8 });
    primer.refuseUpdates = true;

    const created = await open();

    expect(created.clientToken).toBe('tok_2');
    expect(primer.calls.map((call) => call.kind)).toEqual(['create', 'update', 'create']);
    expect(outcomes).toEqual(['created', 'created']);
    expect(await cached()).toMatchObject({ clientToken: 'tok_2', cartVersion: '8' });
  });

  it('when Primer refuses the update and the create after it fails, then the refused token is forgotten all the same', async () => {
    const { orders, primer, open, cached } = subject();
    await open();
    orders.cart = aCart({ version: 8 });
    primer.refuseUpdates = true;
    primer.failCreates = true;

    await expect(open()).rejects.toBeInstanceOf(UpstreamUnavailableError);

    expect(await cached()).toBeUndefined();
  });

  it('when 20 identical calls run concurrently, then they share one Primer call and one token', async () => {
    const { primer, outcomes, open } = subject();
    const release = primer.hold();

    const calls = Array.from({ length: 20 }, () => open());
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const tokens = await Promise.all(calls);

    expect(primer.calls).toHaveLength(1);
    expect(new Set(tokens.map((token) => token.clientToken))).toEqual(new Set(['tok_1']));
    expect(outcomes).toEqual(['created']);
  });

  it('when a refused update is followed by a create, then both calls carry one step deadline of PRIMER_TIMEOUT_MS', async () => {
    const { orders, primer, open } = subject();
    await open();
    orders.cart = aCart({ version: 8 });
    primer.refuseUpdates = true;
    const before = Date.now();

    await open();

    const [, update, create] = primer.calls;
    expect(update?.step).toBe(create?.step);
    expect(update?.step.requestId).toBe('req-1');
    expect(update?.step.deadline).toBeGreaterThanOrEqual(before + PRIMER_TIMEOUT_MS);
    expect(update?.step.deadline).toBeLessThanOrEqual(Date.now() + PRIMER_TIMEOUT_MS);
  });
});
