import type { RequestContext } from '../upstream/request-context';
import type { Cart } from './cart';

// What the shopper's browser sent that lets the order service decide ownership.
export interface ShopperCredentials {
  authorization?: string;
  cookie?: string;
}

export interface LoadCartRequest {
  cartId: string;
  credentials: ShopperCredentials;
  // The request this load serves: its id and trace go to the order service.
  context: RequestContext;
}

// The port: adapters throw CartNotFoundError, ShopperUnauthenticatedError or an UpstreamError.
export interface OrderService {
  loadCart(request: LoadCartRequest): Promise<Cart>;
}
