// The order service answered 403 or 404: to the shopper both mean "no such cart for you".
export class CartNotFoundError extends Error {
  constructor(readonly cartId: string) {
    super(`cart ${cartId} not found or not the shopper's`);
    this.name = 'CartNotFoundError';
  }
}
