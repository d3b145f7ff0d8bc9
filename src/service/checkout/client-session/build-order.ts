import type { Cart, CartItem } from '../../orders/cart';
import type { CountryCode } from '../../primer/schema/country-codes';
import type { OrderDetails, OrderFee, OrderLineItem, OrderShipping } from '../../primer/schema/order';
import { PRODUCT_TYPES } from '../../primer/schema/product-types';
import { assignDefined, boundedText, descriptiveText, requireIdentifier } from './field-rules';

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

type ProductType = (typeof PRODUCT_TYPES)[number];
type ProductData = NonNullable<OrderLineItem['productData']>;

const PRODUCT_TYPE_SET: ReadonlySet<string> = new Set(PRODUCT_TYPES);

function isProductType(value: string): value is ProductType {
  return PRODUCT_TYPE_SET.has(value);
}

// Primer's `pageUrl` limit (OrderLineItemsProductDataAPISchema).
const MAX_PAGE_URL = 1024;

// Amounts are already checked by cartAmount; this maps a cart line to Primer's `OrderLineItemsAPISchema`.
function buildLineItem(item: CartItem, field: string, warnings: string[]): OrderLineItem {
  const built: OrderLineItem = {
    itemId: requireIdentifier(item.id, `${field}.id`),
    amount: item.unitAmount,
    quantity: item.quantity,
  };
  assignDefined(built, 'name', descriptiveText(item.name, `${field}.name`, warnings));
  assignDefined(built, 'description', descriptiveText(item.description, `${field}.description`, warnings));
  assignDefined(built, 'discountAmount', item.discountAmount);
  assignDefined(built, 'taxAmount', item.taxAmount);
  assignDefined(built, 'taxCode', boundedText(item.taxCode, `${field}.taxCode`, warnings));
  assignDefined(built, 'productType', productType(item.productType, `${field}.productType`, warnings));
  assignDefined(built, 'productData', productData(item, field, warnings));
  return built;
}

function productType(value: string | undefined, field: string, warnings: string[]): ProductType | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (isProductType(value)) return value;
  warnings.push(`${field} left out: not one of ${PRODUCT_TYPES.join(', ')}`);
  return undefined;
}

function productData(item: CartItem, field: string, warnings: string[]): ProductData | undefined {
  const built: ProductData = {};
  assignDefined(built, 'sku', boundedText(item.sku, `${field}.sku`, warnings));
  assignDefined(built, 'brand', descriptiveText(item.brand, `${field}.brand`, warnings));
  assignDefined(built, 'pageUrl', boundedText(item.pageUrl, `${field}.pageUrl`, warnings, MAX_PAGE_URL));
  return Object.keys(built).length > 0 ? built : undefined;
}
