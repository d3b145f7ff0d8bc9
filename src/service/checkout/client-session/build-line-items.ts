import type { CartItem } from '../../orders/cart';
import type { OrderLineItem } from '../../primer/schema/order';
import { PRODUCT_TYPES } from '../../primer/schema/product-types';
import { assignDefined } from './assign-defined';
import { requireIdentifier } from './identifier';
import { boundedText, descriptiveText } from './optional-text';

type ProductType = (typeof PRODUCT_TYPES)[number];
type ProductData = NonNullable<OrderLineItem['productData']>;

const PRODUCT_TYPE_SET: ReadonlySet<string> = new Set(PRODUCT_TYPES);

function isProductType(value: string): value is ProductType {
  return PRODUCT_TYPE_SET.has(value);
}

// Primer's `pageUrl` limit (OrderLineItemsProductDataAPISchema).
const MAX_PAGE_URL = 1024;

// Amounts are already checked by cartAmount; this maps a cart line to Primer's `OrderLineItemsAPISchema`.
export function buildLineItem(item: CartItem, field: string, warnings: string[]): OrderLineItem {
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
