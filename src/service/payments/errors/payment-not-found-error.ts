// Primer does not know the payment, or it belongs to another order than the cart's: the page is told 404 either way.
export class PaymentNotFoundError extends Error {
  constructor(readonly paymentId: string) {
    super(`payment ${paymentId} not found for this cart`);
    this.name = 'PaymentNotFoundError';
  }
}
