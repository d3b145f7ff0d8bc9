// Keeps one cart's client token and one payment form in step: cart changes refresh, a token near expiry is replaced.
import { openCheckoutSession, type CheckoutSession } from './checkout-session-client.js';
import type { PaymentForm } from './payment-form.js';
import { isNearExpiry, whenNearExpiry } from './token-expiry.js';

// How the form took the latest session: first shown, same token re-read (session updated by PATCH), or a new token.
export type SessionChange = 'shown' | 'refreshed' | 'replaced';

export interface SessionKeeperEvents {
  onSession(session: CheckoutSession, change: SessionChange): void;
  // A CheckoutSessionError from the service (session null), or the SDK failing to take the session it names.
  onError(error: unknown, session: CheckoutSession | null): void;
}

export class CheckoutSessionKeeper {
  #session: CheckoutSession | null = null;
  #cancelRenewal = () => {};

  constructor(
    private readonly cartId: string,
    private readonly form: PaymentForm,
    private readonly events: SessionKeeperEvents,
    private readonly open: (cartId: string) => Promise<CheckoutSession> = openCheckoutSession,
  ) {}

  get session(): CheckoutSession | null {
    return this.#session;
  }

  start(): Promise<void> {
    return this.#sync();
  }

  // After the shop changed the cart: the service updates the same Primer session and answers the same token.
  cartChanged(): Promise<void> {
    return this.#sync();
  }

  // The shopper pressed "Try again" after a failure.
  retry(): Promise<void> {
    return this.#sync();
  }

  // Before anything uses the token again (the tab comes back, a timer woke late): a token near expiry is replaced first.
  async renewIfNearExpiry(nowMs = Date.now()): Promise<void> {
    if (this.#session && isNearExpiry(this.#session, nowMs)) await this.#sync();
  }

  stop(): void {
    this.#cancelRenewal();
    this.form.teardown();
    this.#session = null;
  }

  async #sync(): Promise<void> {
    this.#cancelRenewal();
    let next: CheckoutSession;
    try {
      next = await this.open(this.cartId);
    } catch (error) {
      return this.events.onError(error, null);
    }
    // Renewed before expiry even if the form fails to take it: the next sync then shows the form afresh.
    this.#cancelRenewal = whenNearExpiry(next, () => void this.#sync());
    try {
      const change = await this.#handOver(next);
      this.#session = next;
      this.events.onSession(next, change);
    } catch (error) {
      this.#session = null;
      this.events.onError(error, next);
    }
  }

  async #handOver(next: CheckoutSession): Promise<SessionChange> {
    const current = this.#session;
    if (!current) {
      await this.form.show(next.clientToken);
      return 'shown';
    }
    if (current.clientToken === next.clientToken) {
      await this.form.refresh();
      return 'refreshed';
    }
    await this.form.replaceToken(next.clientToken);
    return 'replaced';
  }
}
