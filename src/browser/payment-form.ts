// What the page needs from either Primer SDK: show a form for a token, re-read an updated session, take a new token.
import type { PaymentConfirmation } from './payment-confirmation-client.js';

// The SDK's result as the shopper should hear it: a success is only the browser's word until the service confirmed it.
export type PaymentResult =
  // The SDK reported a payment; the service is being asked for Primer's view of it.
  | { outcome: 'confirming'; paymentId: string }
  // The service's answer: paid, pending or failed, whatever the SDK said.
  | { outcome: 'confirmed'; confirmation: PaymentConfirmation; orderId: string | null }
  // The SDK reported a payment the service could not confirm (no payment id, not this cart's, or no answer).
  | { outcome: 'unconfirmed'; paymentId: string | null; orderId: string | null; error: unknown }
  | { outcome: 'failure'; code: string; message: string; diagnosticsId: string | null; paymentId: string | null };

export type PaymentResultListener = (result: PaymentResult) => void;

// The page's POST /checkout/payment for the cart being paid for.
export type ConfirmPayment = (paymentId: string) => Promise<PaymentConfirmation>;

export interface PaymentForm {
  readonly sdk: 'primer-checkout' | 'universal-checkout';
  // Mounts the form for the first token.
  show(clientToken: string): Promise<void>;
  // The token is unchanged but the server updated its session (a cart change): re-read it, keeping what the shopper typed.
  refresh(): Promise<void>;
  // A different token (the old one was near expiry, or the server had to start a new session).
  replaceToken(clientToken: string): Promise<void>;
  teardown(): void;
}
