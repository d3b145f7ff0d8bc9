import { Type, type Static } from '@sinclair/typebox';

// The cart as the order service serves it (docs/client-session.md). Shape only:
// whether the money adds up is the payload builder's business (422), not this schema's (502).
const Address = Type.Object({
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  addressLine1: Type.Optional(Type.String()),
  addressLine2: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  postalCode: Type.Optional(Type.String()),
  countryCode: Type.Optional(Type.String()),
});

const Customer = Type.Object({
  id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  mobileNumber: Type.Optional(Type.String()),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  billingAddress: Type.Optional(Address),
  shippingAddress: Type.Optional(Address),
});

const Item = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  unitAmount: Type.Number(),
  quantity: Type.Number(),
  discountAmount: Type.Optional(Type.Number()),
  taxAmount: Type.Optional(Type.Number()),
  taxCode: Type.Optional(Type.String()),
  productType: Type.Optional(Type.String()),
  sku: Type.Optional(Type.String()),
  brand: Type.Optional(Type.String()),
  pageUrl: Type.Optional(Type.String()),
});

const Shipping = Type.Object({
  amount: Type.Number(),
  methodId: Type.Optional(Type.String()),
  methodName: Type.Optional(Type.String()),
});

const Fee = Type.Object({
  type: Type.String(),
  amount: Type.Number(),
  description: Type.Optional(Type.String()),
});

export const CartSchema = Type.Object({
  id: Type.String(),
  version: Type.Union([Type.String(), Type.Integer()]),
  orderId: Type.Optional(Type.String()),
  currencyCode: Type.String(),
  countryCode: Type.String(),
  totalAmount: Type.Optional(Type.Number()),
  customer: Type.Optional(Customer),
  items: Type.Array(Item),
  shipping: Type.Optional(Shipping),
  fees: Type.Optional(Type.Array(Fee)),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export type Cart = Static<typeof CartSchema>;
export type CartItem = Static<typeof Item>;
export type CartAddress = Static<typeof Address>;
