import type { Cart } from '../../orders/cart';
import type { CountryCode } from '../../primer/schema/country-codes';
import type { OrderDetails, OrderFee, OrderShipping } from '../../primer/schema/order';
import { assignDefined } from './assign-defined';
import { buildLineItem } from './build-line-items';
import { boundedText, descriptiveText } from './optional-text';

// Primer's `OrderDetailsAPISchema`: country, lines, shipping and fees; the amounts were checked by cartAmount.
export function buildOrder(cart: Cart, countryCode: CountryCode, warnings: string[]): OrderDetails {
  const order: OrderDetails = {
    countryCode,
    lineItems: cart.items.map((item, index) => buildLineItem(item, `items[${index}]`, warnings)),
  };
  if (cart.fees && cart.fees.length > 0) {
    order.fees = cart.fees.map((fee, index) => buildFee(fee, `fees[${index}]`, warnings));
  }
  if (cart.shipping) order.shipping = buildShipping(cart.shipping, warnings);
  return order;
}

function buildFee(fee: NonNullable<Cart['fees']>[number], field: string, warnings: string[]): OrderFee {
  const built: OrderFee = { amount: fee.amount };
  assignDefined(built, 'type', boundedText(fee.type, `${field}.type`, warnings));
  assignDefined(built, 'description', descriptiveText(fee.description, `${field}.description`, warnings));
  return built;
}

function buildShipping(shipping: NonNullable<Cart['shipping']>, warnings: string[]): OrderShipping {
  const built: OrderShipping = { amount: shipping.amount };
  assignDefined(built, 'methodId', boundedText(shipping.methodId, 'shipping.methodId', warnings));
  assignDefined(built, 'methodName', descriptiveText(shipping.methodName, 'shipping.methodName', warnings));
  return built;
}
