import type { Cart } from './cart';

// What the shopper's browser sent that lets the order service decide ownership.
export interface ShopperCredentials {
  authorization?: string;
  cookie?: string;
}

export interface LoadCartRequest {
  cartId: string;
  requestId: string;
  credentials: ShopperCredentials;
}

// The port: adapters throw CartNotFoundError, ShopperUnauthenticatedError or an UpstreamError.
export interface OrderService {
  loadCart(request: LoadCartRequest): Promise<Cart>;
}
