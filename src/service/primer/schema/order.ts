import { Type, type Static } from '@sinclair/typebox';
import { COUNTRY_CODES } from './country-codes';
import { PRODUCT_TYPES } from './product-types';
import { MinorUnits, NonEmptyString, StringEnum, StringUpTo } from './string-schemas';

// Primer API 2.4 `OrderDetailsAPISchema` and what it reaches: https://primer.io/docs/api#tag/Client-Session-API
export const CountryCodeSchema = StringEnum(COUNTRY_CODES);

export const OrderLineItemsProductData = Type.Object({
  sku: Type.Optional(NonEmptyString(255)),
  brand: Type.Optional(NonEmptyString(255)),
  color: Type.Optional(NonEmptyString(255)),
  globalTradeItemNumber: Type.Optional(NonEmptyString(255)),
  manufacturerPartNumber: Type.Optional(NonEmptyString(255)),
  weight: Type.Optional(Type.Number({ minimum: 0 })),
  weightUnit: Type.Optional(NonEmptyString(255)),
  pageUrl: Type.Optional(NonEmptyString(1024)),
});

// Line total = amount × quantity − discountAmount + taxAmount; discount and tax are for the whole line.
export const OrderLineItem = Type.Object({
  itemId: Type.Optional(NonEmptyString(255)),
  name: Type.Optional(StringUpTo(255)),
  description: Type.Optional(StringUpTo(255)),
  amount: MinorUnits(),
  quantity: Type.Optional(Type.Integer({ default: 1 })),
  discountAmount: Type.Optional(MinorUnits()),
  taxAmount: Type.Optional(MinorUnits()),
  taxCode: Type.Optional(NonEmptyString(255)),
  productType: Type.Optional(StringEnum(PRODUCT_TYPES)),
  productData: Type.Optional(OrderLineItemsProductData),
});

export const OrderFee = Type.Object({
  amount: MinorUnits(),
  type: Type.Optional(NonEmptyString(255)),
  description: Type.Optional(NonEmptyString(255)),
});

export const OrderShipping = Type.Object({
  amount: Type.Optional(MinorUnits()),
  methodId: Type.Optional(Type.String()),
  methodName: Type.Optional(Type.String()),
  methodDescription: Type.Optional(Type.String()),
});

export const OrderDetails = Type.Object({
  lineItems: Type.Optional(Type.Array(OrderLineItem)),
  countryCode: Type.Optional(CountryCodeSchema),
  retailerCountryCode: Type.Optional(CountryCodeSchema),
  fees: Type.Optional(Type.Array(OrderFee)),
  shipping: Type.Optional(OrderShipping),
});

export type OrderLineItem = Static<typeof OrderLineItem>;
export type OrderFee = Static<typeof OrderFee>;
export type OrderShipping = Static<typeof OrderShipping>;
export type OrderDetails = Static<typeof OrderDetails>;
