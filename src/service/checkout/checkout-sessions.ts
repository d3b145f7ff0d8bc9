import type { Logger } from '../observability/logger';
import type { Cart } from '../orders/cart';
import type { OrderService, ShopperCredentials } from '../orders/order-service';
import { SessionUpdateRefusedError, type IssuedToken, type PrimerSessions } from '../primer/primer-sessions';
import type { ClientSessionRequest } from '../primer/schema/client-session-request';
import type { ReplicaClaim } from '../concurrency/replica-claim';
import { tokenCacheKey, type TokenCache, type CachedToken } from '../token-cache/token-cache';
import { SharedCalls } from '../concurrency/shared-calls';
import { openStep } from '../upstream/call-step';
import type { RequestContext } from '../upstream/request-context';
import { buildClientSession } from './client-session/build-client-session';
import { buildClientSessionUpdate } from './client-session/build-client-session-update';

export interface OpenSessionRequest {
  cartId: string;
  credentials: ShopperCredentials;
  context: RequestContext;
}

export type SessionOutcome = 'created' | 'reused' | 'updated';

export interface CheckoutSessionsDeps {
  orders: OrderService;
  primer: PrimerSessions;
  tokenCache: TokenCache;
  // With several replicas, the one that calls Primer for a cart version; the others pick up its result.
  replicaClaim: ReplicaClaim;
  primerApiVersion: string;
  // PRIMER_TIMEOUT_MS: the budget of one Primer step, an update and the create after it included.
  primerTimeoutMs: number;
  logger: Logger;
  onSession?: (outcome: SessionOutcome) => void;
}

interface Settled {
  token: IssuedToken;
  outcome: SessionOutcome;
}

// The use case: load the cart (every call: it is the ownership check), price it, then reuse, update or create a session.
export class CheckoutSessions {
  private readonly sharedCalls = new SharedCalls<Settled>();

  constructor(private readonly deps: CheckoutSessionsDeps) {}

  async open(request: OpenSessionRequest): Promise<IssuedToken> {
    const cart = await this.deps.orders.loadCart(request);
    const key = tokenCacheKey(cart.id, this.deps.primerApiVersion);
    const version = String(cart.version);
    const callKey = `${key}:${encodeURIComponent(version)}`;
    // Concurrent calls for the same cart version (a double click, a refresh storm) share one Primer call.
    const settled = await this.sharedCalls.run(callKey, () => this.settle(key, callKey, version, cart, request.context));
    return settled.token;
  }

  // The Primer payload is built only once the stored token does not answer: the key and version come from the cart alone,
  // and a token stored for this cart version was made from a payload built from this same cart.
  private async settle(key: string, callKey: string, version: string, cart: Cart, context: RequestContext): Promise<Settled> {
    const reused = this.reuse(await this.deps.tokenCache.get(key), version);
    if (reused) return reused;
    const body = this.sessionBody(cart, context);
    // Concurrent calls for this cart version on other replicas share one Primer call too.
    return this.deps.replicaClaim.run(callKey, {
      // Read again once the claim is ours: another replica may have finished between the read above and the claim.
      work: async () => {
        const latest = await this.deps.tokenCache.get(key);
        return this.reuse(latest, version) ?? this.callPrimer(key, version, latest, body, context);
      },
      settledElsewhere: async () => this.reuse(await this.deps.tokenCache.get(key), version),
    });
  }

  // Throws CartNotPayableError before any Primer call (docs/client-session.md).
  private sessionBody(cart: Cart, context: RequestContext): ClientSessionRequest {
    const { body, warnings } = buildClientSession(cart);
    if (warnings.length > 0) this.deps.logger.warn({ requestId: context.requestId, warnings }, 'optional cart details left out of the Primer session');
    return body;
  }

  private reuse(stored: CachedToken | undefined, version: string): Settled | undefined {
    return stored?.cartVersion === version ? this.report({ token: stored, outcome: 'reused' }) : undefined;
  }

  private async callPrimer(key: string, version: string, stored: CachedToken | undefined, body: ClientSessionRequest, context: RequestContext): Promise<Settled> {
    // One step, one deadline: PRIMER_TIMEOUT_MS spans an update and the create after it.
    const step = openStep(context, this.deps.primerTimeoutMs);
    if (stored) {
      try {
        await this.deps.primer.update(buildClientSessionUpdate(stored.clientToken, body), step);
        await this.deps.tokenCache.set(key, { ...stored, cartVersion: version });
        return this.report({ token: stored, outcome: 'updated' });
      } catch (error) {
        if (!(error instanceof SessionUpdateRefusedError)) throw error;
        this.deps.logger.info({ requestId: context.requestId, detail: error.detail }, 'Primer refused the session update; creating a new session');
        // Forgotten at once, so that if the create fails too, the next request does not spend its budget on this token again.
        await this.deps.tokenCache.delete(key);
      }
    }
    const token = await this.deps.primer.create(body, step);
    await this.deps.tokenCache.set(key, { ...token, cartVersion: version });
    return this.report({ token, outcome: 'created' });
  }

  private report(settled: Settled): Settled {
    this.deps.onSession?.(settled.outcome);
    return settled;
  }
}
