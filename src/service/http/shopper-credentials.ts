import type { Request } from 'express';
import type { ShopperCredentials } from '../orders/order-service';

// The headers the order service decides ownership by, passed on unchanged and to nothing else (README, "API in brief").
export function credentialsOf(req: Request): ShopperCredentials {
  const { authorization, cookie } = req.headers;
  return { ...(authorization === undefined ? {} : { authorization }), ...(cookie === undefined ? {} : { cookie }) };
}
