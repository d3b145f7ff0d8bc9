// What the page needs from either Primer SDK: show a form for a token, re-read an updated session, take a new token.

export type PaymentResult =
  | { outcome: 'success'; paymentId: string | null; orderId: string | null }
  | { outcome: 'failure'; code: string; message: string; diagnosticsId: string | null; paymentId: string | null };

export type PaymentResultListener = (result: PaymentResult) => void;

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
