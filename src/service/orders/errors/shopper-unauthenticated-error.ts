// The order service answered 401: the shopper's session or token is missing or expired.
export class ShopperUnauthenticatedError extends Error {
  constructor(readonly cartId: string) {
    super(`order service refused the shopper's credentials for cart ${cartId}`);
    this.name = 'ShopperUnauthenticatedError';
  }
}
