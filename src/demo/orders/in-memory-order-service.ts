import type { Cart } from '../../service/orders/cart';
import { CartNotFoundError } from '../../service/orders/errors/cart-not-found-error';
import type { LoadCartRequest, OrderService } from '../../service/orders/order-service';

// Demo-mode carts held in memory; there are no shopper accounts, so credentials are not checked.
export class InMemoryOrderService implements OrderService {
  private readonly carts = new Map<string, Cart>();

  constructor(carts: readonly Cart[]) {
    for (const cart of carts) {
      if (this.carts.has(cart.id)) throw new Error(`duplicate demo cart id ${cart.id}`);
      this.carts.set(cart.id, structuredClone(cart));
    }
  }

  // Copies out, so no caller can change the carts another request will see.
  async loadCart({ cartId }: LoadCartRequest): Promise<Cart> {
    const cart = this.carts.get(cartId);
    if (!cart) throw new CartNotFoundError(cartId);
    return structuredClone(cart);
  }

  list(): readonly Cart[] {
    return [...this.carts.values()].map((cart) => structuredClone(cart));
  }
}
